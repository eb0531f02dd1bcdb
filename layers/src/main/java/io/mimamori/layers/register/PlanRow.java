package io.mimamori.layers.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One evacuation plan (個別避難計画) for {@link RegisterBulkWriter}. {@code id} and {@code residentId}
 * are local to the load; {@code destinationShelterId} is a stored shelter id (required when the
 * destination kind is shelter). Status none, draft, partial, complete or refused.
 */
public record PlanRow(
    long id,
    long residentId,
    String status,
    String destinationKind,
    Long destinationShelterId,
    String destinationNote,
    String routeNotes,
    List<String> itemsToCarry,
    List<String> homeHazards,
    String careManagerName,
    String careManagerPhone,
    LocalDate lastReviewedOn) {

  public static final Set<String> STATUSES = Set.of("none", "draft", "partial", "complete", "refused");
  public static final Set<String> DESTINATION_KINDS =
      Set.of("shelter", "relative_home", "care_facility_short_stay", "stay_home");

  public PlanRow {
    RowChecks.positive(id, "plan id");
    RowChecks.positive(residentId, "resident id");
    RowChecks.oneOf(status, STATUSES, "status");
    if (destinationKind != null) {
      RowChecks.oneOf(destinationKind, DESTINATION_KINDS, "destination_kind");
    }
    if ("shelter".equals(destinationKind)) {
      Objects.requireNonNull(destinationShelterId, "a shelter destination needs destinationShelterId");
    }
    itemsToCarry = itemsToCarry == null ? List.of() : List.copyOf(itemsToCarry);
    homeHazards = homeHazards == null ? List.of() : List.copyOf(homeHazards);
  }
}
