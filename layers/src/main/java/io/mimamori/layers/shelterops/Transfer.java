package io.mimamori.layers.shelterops;

import java.time.Instant;

/**
 * A request to move a party from one shelter to a welfare shelter after triage (the Kumamoto
 * procedure): {@code requested}, then {@code accepted} or {@code refused} by the welfare shelter
 * (with a note), then {@code moved} when the party arrives ({@code toStayId}: its check-in there).
 * {@code reason}: the triage finding.
 */
public record Transfer(
    long id,
    Long emergencyId,
    long fromShelterId,
    long fromStayId,
    long toShelterId,
    Long residentId,
    int persons,
    int familyMembers,
    String reason,
    String status,
    Instant requestedAt,
    Instant decidedAt,
    String decisionNote,
    Instant movedAt,
    Long toStayId) {}
