package io.mimamori.routing.shelter;

import java.util.List;

/**
 * A resident matched in advance to a welfare or child welfare shelter: travel on the resident's
 * profile, the places taken (the resident and the family members the shelter counts), the rules it
 * passes and a sentence saying so.
 */
public record Placement(String residentId, String shelterId, String shelterName, ShelterType type, double seconds,
    double metres, int places, List<Reason> reasons, Text explanation) {

  public Placement {
    reasons = List.copyOf(reasons);
  }
}
