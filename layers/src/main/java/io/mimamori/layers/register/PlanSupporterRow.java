package io.mimamori.layers.register;

/** A plan's supporter in call order (1 first), for {@link RegisterBulkWriter}; both ids local to the load. */
public record PlanSupporterRow(long planId, long supporterId, int ordinal) {

  public PlanSupporterRow {
    RowChecks.positive(planId, "plan id");
    RowChecks.positive(supporterId, "supporter id");
    if (ordinal < 1) {
      throw new IllegalArgumentException("ordinal must be 1 or more, got " + ordinal);
    }
  }
}
