package io.mimamori.server.http;

/** A lon/lat box given in a request as {@code minLon,minLat,maxLon,maxLat}, checked before use. */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

  public Bbox {
    if (!(minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90)) {
      throw new BadRequest("bbox", "coordinates out of range: longitudes must be in [-180, 180], latitudes in [-90, 90]");
    }
    if (minLon > maxLon || minLat > maxLat) {
      throw new BadRequest("bbox", "minimum greater than maximum: expected minLon,minLat,maxLon,maxLat");
    }
  }

  public double[] asArray() {
    return new double[] {minLon, minLat, maxLon, maxLat};
  }

  public static Bbox parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return new Bbox(-180, -90, 180, 90);
    }
    String[] parts = raw.split(",");
    if (parts.length != 4) {
      throw new BadRequest("bbox", "expected four numbers minLon,minLat,maxLon,maxLat, got " + parts.length + " values");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new BadRequest("bbox", "value " + (i + 1) + " is not a number");
      }
      if (!Double.isFinite(v[i])) {
        throw new BadRequest("bbox", "value " + (i + 1) + " is not a finite number");
      }
    }
    return new Bbox(v[0], v[1], v[2], v[3]);
  }
}
