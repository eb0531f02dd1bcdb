package io.mimamori.routing;

/**
 * A hazard area a route touches: its id and label, whether it blocks roads, and whether the route
 * is there because of its start or end: {@code atStart} when the area, or a blocking area of the
 * same zone (blocking areas touching each other, such as the depth bands of one flood), contains
 * the start; {@code atEnd} likewise for the end. A blocking area is only ever crossed at the start
 * or the end.
 */
public record CrossedZone(String id, String label, boolean blocking, boolean atStart, boolean atEnd) {}
