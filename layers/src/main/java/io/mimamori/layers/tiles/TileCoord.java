package io.mimamori.layers.tiles;

/**
 * A tile of the Web Mercator (EPSG:3857) XYZ scheme: zoom {@code z}, column {@code x} from the
 * west, row {@code y} from the north.
 */
public record TileCoord(int z, int x, int y) {

  public static final int MAX_ZOOM = 22;

  public TileCoord {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom must be 0.." + MAX_ZOOM + ", got " + z);
    }
    long n = 1L << z;
    if (x < 0 || x >= n || y < 0 || y >= n) {
      throw new IllegalArgumentException("tile " + x + "/" + y + " does not exist at zoom " + z + " (0.." + (n - 1) + ")");
    }
  }

  public double west() {
    return x / (double) (1L << z) * 360.0 - 180.0;
  }

  public double east() {
    return (x + 1) / (double) (1L << z) * 360.0 - 180.0;
  }

  public double north() {
    return latitudeOfRow(y);
  }

  public double south() {
    return latitudeOfRow(y + 1);
  }

  /** Width of the tile in degrees of longitude. */
  public double widthDegrees() {
    return 360.0 / (1L << z);
  }

  /**
   * Whether the tile, grown by {@code margin} of its width on each side, meets the lon/lat box.
   */
  public boolean meets(double minLon, double minLat, double maxLon, double maxLat, double margin) {
    double m = widthDegrees() * margin;
    // the latitude margin in degrees is never larger than the longitude one in Web Mercator
    return west() - m <= maxLon && east() + m >= minLon && south() - m <= maxLat && north() + m >= minLat;
  }

  private double latitudeOfRow(int row) {
    double n = Math.PI - 2.0 * Math.PI * row / (1L << z);
    return Math.toDegrees(Math.atan(Math.sinh(n)));
  }
}
