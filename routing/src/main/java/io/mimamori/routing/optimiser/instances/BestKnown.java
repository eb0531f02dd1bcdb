package io.mimamori.routing.optimiser.instances;

/**
 * A best-known result from the literature: vehicles (-1 when the source gives none) and the value
 * (distance for VRPTW and CVRP, score for the team orienteering problem).
 */
public record BestKnown(String instance, int vehicles, double value) {}
