package io.mimamori.layers.town;

import java.util.Map;
import java.util.Optional;

/**
 * What the town holds: its extent (empty when nothing is stored) and counts per shelter kind, per
 * hazard type and of active residents. Counts only, no personal data.
 */
public record TownSummary(
    Optional<double[]> bbox,
    Map<String, Long> sheltersByKind,
    Map<String, Long> hazardZonesByType,
    long activeResidents,
    Optional<String> municipalityCode) {

  public TownSummary {
    sheltersByKind = Map.copyOf(sheltersByKind);
    hazardZonesByType = Map.copyOf(hazardZonesByType);
  }

  public Optional<double[]> center() {
    return bbox.map(b -> new double[] {(b[0] + b[2]) / 2, (b[1] + b[3]) / 2});
  }
}
