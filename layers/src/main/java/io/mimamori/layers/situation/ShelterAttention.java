package io.mimamori.layers.situation;

/** An open shelter that is near full or full: for the HQ's list. {@code capacity} may be null (unknown). */
public record ShelterAttention(long shelterId, String name, String kind, int occupied, Integer capacity, String level) {}
