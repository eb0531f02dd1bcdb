package io.mimamori.layers.shelterops;

import java.util.Arrays;
import java.util.Optional;

/**
 * How full an open shelter is, as {@code shelter_capacity_level} (migration V15) decides it: full
 * at or over the capacity, near full from 80 % of it (rounded up), unknown without a capacity; a
 * shelter that is not open is {@link #CLOSED}. A child welfare shelter is as full as the fuller of
 * its places for everyone and its places for children with disabilities.
 */
public enum CapacityLevel {
  OK("ok"),
  NEAR_FULL("near_full"),
  FULL("full"),
  UNKNOWN("unknown"),
  CLOSED("closed");

  /** The share of the capacity from which a shelter is near full. */
  public static final double NEAR_FULL_SHARE = 0.8;

  private final String code;

  CapacityLevel(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<CapacityLevel> fromCode(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }

  /** Whether the shelter needs HQ's attention: near full or full. */
  public boolean warns() {
    return this == NEAR_FULL || this == FULL;
  }
}
