package io.mimamori.routing.shelter;

/** A resident the pre-assignment could not place, and why (in words, naming the nearest shelters). */
public record Unplaced(String residentId, Why why, Text explanation) {

  /** Why a resident is left without a welfare shelter. */
  public enum Why {
    /** The home is not within reach of a road usable on the resident's profile. */
    HOME_OFF_NETWORK,
    /** No welfare or child welfare shelter takes this resident (target groups, child rules, hazards). */
    NO_SUITABLE_SHELTER,
    /** Suitable shelters exist, but none can be reached with the active hazards on the resident's profile. */
    UNREACHABLE,
    /** Every suitable shelter within reach is farther than the time allowed. */
    TOO_FAR,
    /** Every suitable shelter within reach and time is full with residents placed before. */
    NO_ROOM
  }
}
