package io.mimamori.routing.shelter;

import java.util.List;

/**
 * A shelter nearer than the first recommendation that was passed over, and why: it is not for this
 * resident, is full, or cannot be reached with the active hazards on the resident's profile.
 * {@code seconds} is {@code +∞} when it cannot be reached; {@code straightMetres} is as the crow flies.
 */
public record PassedOver(String shelterId, String shelterName, ShelterType type, double seconds,
    double straightMetres, List<Reason> reasons, Text explanation) {

  public PassedOver {
    reasons = List.copyOf(reasons);
  }
}
