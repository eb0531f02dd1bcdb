package io.mimamori.layers.shelterops;

import java.time.Instant;

/**
 * One check-in: a party of {@code persons} and the {@code familyMembers} with them, a resident of
 * the register when the party is one ({@code residentId}, with the name for the shelter's staff),
 * eligibility at welfare shelters (null elsewhere), and when it checked out (null while present).
 */
public record Stay(
    long id,
    long shelterId,
    long openingId,
    Long residentId,
    String residentName,
    int persons,
    int familyMembers,
    ArrivalEligibility eligibility,
    Instant checkedInAt,
    Instant checkedOutAt) {

  public boolean present() {
    return checkedOutAt == null;
  }
}
