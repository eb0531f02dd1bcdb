package io.mimamori.layers.priority;

import java.util.List;

/** One row of the ranked list: no personal data, only what ranks it and where it stands. */
public record RankedResident(
    long residentId, int score, String band, List<String> factors, Integer districtId, String planStatus,
    List<String> hazardTypes, List<String> failedChecks) {

  public RankedResident {
    factors = List.copyOf(factors);
    hazardTypes = List.copyOf(hazardTypes);
    failedChecks = List.copyOf(failedChecks);
  }
}
