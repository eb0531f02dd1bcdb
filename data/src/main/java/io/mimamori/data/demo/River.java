package io.mimamori.data.demo;

import org.locationtech.jts.geom.LineString;

/**
 * A river of the demo town: its Japanese name, its width in metres, how far (m, an e-folding
 * distance) and how high (m above the plain at the river) its largest assumed flood reaches, and its
 * centre line in local metres, upstream first.
 */
record River(String name, double width, double floodReach, double floodHeight, LineString line) {}
