package io.mimamori.data.demo;

import io.mimamori.layers.geo.LonLat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a demo town load stored: rows per table, the town's extent (lon/lat box) and centre, the OSM
 * file of its roads (for the routing graph) and how long generating and loading took.
 */
public record DemoTownSummary(
    Map<String, Long> rowsPerTable,
    double minLon,
    double minLat,
    double maxLon,
    double maxLat,
    LonLat centre,
    Path osmFile,
    Duration elapsed) {

  public DemoTownSummary {
    rowsPerTable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerTable));
  }

  public long rows(String table) {
    return rowsPerTable.getOrDefault(table, 0L);
  }
}
