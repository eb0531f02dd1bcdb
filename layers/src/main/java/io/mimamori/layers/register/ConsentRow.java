package io.mimamori.layers.register;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One consent decision (art. 49-11) for {@link RegisterBulkWriter}; ids local to the load. The newest
 * decision per resident is in force. A presumed consent rests on the ordinance
 * ({@code ordinance_presumption}).
 */
public record ConsentRow(long id, long residentId, String state, String basis, LocalDate decidedOn, String note) {

  public static final Set<String> STATES = Set.of("given", "presumed", "refused", "unknown");
  public static final Set<String> BASES = Set.of("written_form", "verbal", "ordinance_presumption", "none");

  public ConsentRow {
    RowChecks.positive(id, "consent id");
    RowChecks.positive(residentId, "resident id");
    RowChecks.oneOf(state, STATES, "state");
    RowChecks.oneOf(basis, BASES, "basis");
    Objects.requireNonNull(decidedOn, "decidedOn");
    if (state.equals("presumed") && !basis.equals("ordinance_presumption")) {
      throw new IllegalArgumentException("a presumed consent rests on the ordinance (basis ordinance_presumption)");
    }
  }
}
