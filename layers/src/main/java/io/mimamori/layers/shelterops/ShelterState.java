package io.mimamori.layers.shelterops;

import java.time.Instant;

/**
 * A shelter's state: open or not, and while open who is there. {@code persons}: the people checked
 * in and not out; {@code familyMembers}: the family members with them; {@code occupied}: both;
 * {@code eligible}, {@code notEligible}, {@code unconfirmed}: the persons by eligibility at welfare
 * and child welfare shelters. {@code capacityPersons}: the places announced on opening, else the
 * published ones (null: unknown). For a closed shelter the counts are 0, the level
 * {@link CapacityLevel#CLOSED} and the opening fields null. {@code arrivals} and {@code departures}:
 * everyone who checked in and out during the opening (people and family members).
 */
public record ShelterState(
    long shelterId,
    String name,
    String kind,
    Long openingId,
    Long emergencyId,
    Instant openedAt,
    Instant closedAt,
    Integer capacityPersons,
    Integer capacityChildren,
    int persons,
    int familyMembers,
    int occupied,
    int eligible,
    int notEligible,
    int unconfirmed,
    CapacityLevel level,
    int arrivals,
    int departures) {

  public boolean open() {
    return openingId != null && closedAt == null;
  }
}
