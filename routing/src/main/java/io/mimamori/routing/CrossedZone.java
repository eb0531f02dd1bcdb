package io.mimamori.routing;

/**
 * A hazard area a route touches: its id and label, whether it blocks roads, and whether it
 * contains the route's start or end (a route may cross a blocking area only to leave or reach a
 * point inside it).
 */
public record CrossedZone(String id, String label, boolean blocking, boolean containsStart, boolean containsEnd) {}
