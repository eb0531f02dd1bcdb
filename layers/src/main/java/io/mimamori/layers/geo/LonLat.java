package io.mimamori.layers.geo;

/**
 * A point in EPSG:4326, longitude first, as GeoJSON and PostGIS order it. Japanese sources (GSI,
 * PLATEAU) write latitude first: convert with {@link #ofLatLon} so the swap is visible at the call.
 */
public record LonLat(double lon, double lat) {

  public LonLat {
    if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
      throw new IllegalArgumentException("longitude out of range [-180, 180]: " + lon);
    }
    if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
      throw new IllegalArgumentException("latitude out of range [-90, 90]: " + lat);
    }
  }

  public static LonLat of(double lon, double lat) {
    return new LonLat(lon, lat);
  }

  public static LonLat ofLatLon(double lat, double lon) {
    return new LonLat(lon, lat);
  }

  /** Extended well-known text with the SRID, as PostGIS reads it in COPY and casts. */
  public String ewkt() {
    return "SRID=4326;POINT(" + lon + " " + lat + ")";
  }
}
