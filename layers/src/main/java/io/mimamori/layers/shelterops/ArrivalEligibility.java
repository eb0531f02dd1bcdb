package io.mimamori.layers.shelterops;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether the persons of a check-in at a welfare or child welfare shelter belong to its announced
 * target groups. Ordinary shelters take anyone and record none.
 */
public enum ArrivalEligibility {
  ELIGIBLE("eligible"),
  NOT_ELIGIBLE("not_eligible"),
  UNCONFIRMED("unconfirmed");

  private final String code;

  ArrivalEligibility(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<ArrivalEligibility> fromCode(String code) {
    return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
  }
}
