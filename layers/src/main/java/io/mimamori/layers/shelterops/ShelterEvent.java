package io.mimamori.layers.shelterops;

import java.time.Instant;

/**
 * A change at a shelter with the shelter's state right after it: open, people there (persons and
 * family members), capacity and level, and the level before, so a screen sees a warning begin.
 * Names the stay and the transfer by id only: no personal data. {@code duplicate}: a request
 * repeated with the same idempotency key, answered with the first one's event.
 */
public record ShelterEvent(
    long id,
    long shelterId,
    Long openingId,
    Long emergencyId,
    String kind,
    Long stayId,
    Long transferId,
    boolean open,
    int occupied,
    Integer capacityPersons,
    CapacityLevel level,
    CapacityLevel levelBefore,
    Instant recordedAt,
    boolean duplicate) {}
