package io.mimamori.routing.shelter;

/**
 * How full a shelter is after pre-assignment: places used of those that were left, and for child
 * welfare shelters the children's places (null when not counted).
 */
public record ShelterLoad(String shelterId, String shelterName, int capacity, int used, Integer childCapacity,
    Integer childrenUsed) {}
