package io.mimamori.layers.plancheck;

/** One failed check of one plan, with its detail code (a hazard type, counts, a date or a consent state). */
public record PlanCheckFailure(long planId, long residentId, PlanCheck check, String detail) {

  public String reasonJa() {
    return check.reasonJa(detail);
  }

  public String reasonEn() {
    return check.reasonEn(detail);
  }
}
