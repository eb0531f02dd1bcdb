package io.mimamori.layers.shelter;

import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.hazard.HazardType;
import java.util.Objects;
import java.util.Set;

/**
 * A shelter as published. {@code hazards}: what an evacuation site is designated for.
 * {@code targetGroups}: a welfare shelter's announced groups as codes (care_needing, elderly,
 * disabled, pupils, preschool_disabled, pregnant, infants, designated_by_city, families), with the
 * published wording in {@code targetGroupsText}. {@code disabilityTypes}: what a child welfare
 * shelter takes. {@code capacityPersons} counts everyone, family members included;
 * {@code capacityChildren} the children with disabilities among them. Capacities may be unknown
 * (null): the GSI lists publish none.
 */
public record Shelter(
    String municipalityCode,
    ShelterKind kind,
    String name,
    String address,
    LonLat location,
    Set<HazardType> hazards,
    String targetGroupsText,
    Set<String> targetGroups,
    Set<String> disabilityTypes,
    Integer capacityPersons,
    Integer capacityChildren,
    String remarks,
    String source,
    String sourceId) {

  public static final Set<String> TARGET_GROUPS =
      Set.of("care_needing", "elderly", "disabled", "pupils", "preschool_disabled", "pregnant", "infants",
          "designated_by_city", "families");
  public static final Set<String> DISABILITY_TYPES =
      Set.of("physical", "visual", "hearing", "intellectual", "mental", "developmental");

  public Shelter {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceId, "sourceId");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a shelter needs a name");
    }
    hazards = hazards == null ? Set.of() : Set.copyOf(hazards);
    targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
    disabilityTypes = disabilityTypes == null ? Set.of() : Set.copyOf(disabilityTypes);
    for (String g : targetGroups) {
      if (!TARGET_GROUPS.contains(g)) {
        throw new IllegalArgumentException("unknown target group: " + g);
      }
    }
    for (String d : disabilityTypes) {
      if (!DISABILITY_TYPES.contains(d)) {
        throw new IllegalArgumentException("unknown disability type: " + d);
      }
    }
    if (capacityPersons != null && capacityPersons < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacityPersons);
    }
    if (capacityChildren != null && capacityPersons != null && capacityChildren > capacityPersons) {
      throw new IllegalArgumentException(
          "children capacity " + capacityChildren + " exceeds total capacity " + capacityPersons);
    }
  }
}
