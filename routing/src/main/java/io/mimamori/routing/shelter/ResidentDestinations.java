package io.mimamori.routing.shelter;

import java.util.List;

/**
 * The destinations found for one resident: the best shelters in order, the nearer ones passed over
 * and why, and a summary sentence.
 */
public record ResidentDestinations(String residentId, Status status, List<Destination> best,
    List<PassedOver> passedOver, Text summary) {

  /** Whether shelters were found, and if not, why. */
  public enum Status {
    FOUND,
    /** The home is not within reach of a road usable on the resident's profile. */
    HOME_OFF_NETWORK,
    /** No shelter suits the resident at all (before travel). */
    NONE_SUITABLE,
    /** Suitable shelters exist, but none can be reached with the active hazards on the resident's profile. */
    NONE_REACHABLE
  }

  public ResidentDestinations {
    best = List.copyOf(best);
    passedOver = List.copyOf(passedOver);
  }
}
