package io.mimamori.routing;

/**
 * A point in WGS84 degrees, longitude first as in GeoJSON and PostGIS. Build it with {@link
 * #ofLonLat} or {@link #ofLatLon} so that the axis order is visible where a point is made;
 * GraphHopper and Japanese sources write latitude first.
 */
public record GeoPoint(double lon, double lat) {

  public GeoPoint {
    if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
      throw new IllegalArgumentException("longitude out of range [-180, 180]: " + lon);
    }
    if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
      throw new IllegalArgumentException("latitude out of range [-90, 90]: " + lat);
    }
  }

  public static GeoPoint ofLonLat(double lon, double lat) {
    return new GeoPoint(lon, lat);
  }

  public static GeoPoint ofLatLon(double lat, double lon) {
    return new GeoPoint(lon, lat);
  }

  /** Great-circle distance in metres (haversine, mean Earth radius). */
  public double metresTo(GeoPoint o) {
    double r = 6_371_008.8;
    double dLat = Math.toRadians(o.lat - lat), dLon = Math.toRadians(o.lon - lon);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(o.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  @Override
  public String toString() {
    return "(" + lon + " " + lat + ")";
  }
}
