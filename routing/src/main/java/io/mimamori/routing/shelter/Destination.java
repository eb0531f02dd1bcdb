package io.mimamori.routing.shelter;

import java.util.List;

/**
 * One recommended shelter for a resident: its rank (1 = best), the shelter, travel on the
 * resident's profile with the active hazards, the rules it passes, and a sentence saying so.
 */
public record Destination(int rank, String shelterId, String shelterName, ShelterType type, double seconds,
    double metres, List<Reason> reasons, Text explanation) {

  public Destination {
    reasons = List.copyOf(reasons);
  }
}
