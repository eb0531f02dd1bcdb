package io.mimamori.layers.demo;

import java.util.Objects;

/**
 * What the demo town generator loaded into a database: its seed and size, where its shelters and
 * hazards came from ({@code demo}, or the real sources it was given), and the OSM file of its roads.
 * A database holds at most one.
 */
public record DemoDataset(
    long seed, int residents, double scale, String shelterSource, String hazardSource, String osmFile) {

  public DemoDataset {
    Objects.requireNonNull(shelterSource, "shelterSource");
    Objects.requireNonNull(hazardSource, "hazardSource");
    Objects.requireNonNull(osmFile, "osmFile");
  }
}
