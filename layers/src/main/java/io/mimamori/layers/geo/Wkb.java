package io.mimamori.layers.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/** Geometries travel to PostGIS as well-known binary; the SQL sets SRID 4326. */
public final class Wkb {
  private Wkb() {}

  public static byte[] of(Geometry g) {
    return new WKBWriter(2).write(g);
  }
}
