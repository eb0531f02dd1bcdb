package io.mimamori.layers.hazard;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * One hazard zone. {@code rank}: for flood and tsunami the depth rank (1 shallowest, PLATEAU's
 * 浸水ランク); for landslide 1 = warning zone (警戒区域), 2 = special warning zone (特別警戒区域).
 * {@code phenomenon} is set for landslides only: steep_slope, debris_flow or landslide.
 * The geometry is lon/lat (EPSG:4326), polygonal; invalid rings are repaired when stored.
 */
public record HazardZone(
    HazardType type,
    int rank,
    String phenomenon,
    String name,
    String scenario,
    String source,
    String sourceId,
    Geometry geometry) {

  public HazardZone {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(geometry, "geometry");
    if (!type.canBeZone()) {
      throw new IllegalArgumentException(type.code() + " is not a zone hazard");
    }
    if (rank < 1 || rank > 9) {
      throw new IllegalArgumentException("rank must be 1..9, got " + rank);
    }
    if (type == HazardType.LANDSLIDE && rank > 2) {
      throw new IllegalArgumentException("landslide rank is 1 (warning) or 2 (special warning), got " + rank);
    }
    if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
      throw new IllegalArgumentException("a hazard zone is a polygon or multipolygon, got " + geometry.getGeometryType());
    }
  }
}
