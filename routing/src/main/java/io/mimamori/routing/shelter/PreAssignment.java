package io.mimamori.routing.shelter;

import java.util.List;

/**
 * The result of a welfare pre-assignment: who goes where, who cannot be placed and why, how full
 * each shelter is, the shelters left out (no published capacity), and totals. {@code
 * totalSeconds} sums the travel of the residents placed.
 */
public record PreAssignment(List<Placement> placements, List<Unplaced> unplaced, List<ShelterLoad> loads,
    List<String> sheltersWithoutCapacity, double totalSeconds, double computeSeconds) {

  public PreAssignment {
    placements = List.copyOf(placements);
    unplaced = List.copyOf(unplaced);
    loads = List.copyOf(loads);
    sheltersWithoutCapacity = List.copyOf(sheltersWithoutCapacity);
  }

  public int placedCount() {
    return placements.size();
  }
}
