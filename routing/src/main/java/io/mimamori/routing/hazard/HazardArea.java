package io.mimamori.routing.hazard;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A hazard zone as routing sees it: an id (for example the stored zone's id), a label for people
 * (for example 「洪水 浸水ランク4」), a polygon or multipolygon in lon/lat (EPSG:4326, x = longitude),
 * and whether it blocks roads. A blocking area takes every road segment inside or crossing it out
 * of every route and matrix while it is active; a non-blocking one is only reported when a route
 * crosses it (for example shallow flood ranks, which are passable but worth knowing).
 */
public record HazardArea(String id, String label, Geometry geometry, boolean blocks) {

  public HazardArea {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a hazard area needs an id");
    }
    Objects.requireNonNull(geometry, "geometry");
    if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
      throw new IllegalArgumentException("hazard area " + id + " must be a polygon or multipolygon, got "
          + geometry.getGeometryType());
    }
    if (geometry.isEmpty()) {
      throw new IllegalArgumentException("hazard area " + id + " has an empty geometry");
    }
    label = label == null || label.isBlank() ? id : label;
  }

  public static HazardArea blocking(String id, String label, Geometry geometry) {
    return new HazardArea(id, label, geometry, true);
  }

  public static HazardArea warning(String id, String label, Geometry geometry) {
    return new HazardArea(id, label, geometry, false);
  }
}
