package io.mimamori.layers.situation;

/**
 * The shelters at a glance: how many are open, of which near full and full; the people there
 * (persons and family members) and the places known at the open shelters ({@code capacityKnown}
 * counts only shelters with a capacity); transfers waiting for an answer and accepted ones not yet
 * moved.
 */
public record ShelterSummary(int open, int nearFull, int full, int occupied, int capacityKnown,
    int transfersRequested, int transfersAccepted) {}
