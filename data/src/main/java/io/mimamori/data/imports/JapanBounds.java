package io.mimamori.data.imports;

/**
 * The box every Japanese location falls in (Yonaguni to Minamitorishima, Okinotorishima to
 * Etorofu, with a margin): longitude 122–154 E, latitude 20–46 N. A point outside it is a typo, a
 * wrong CRS, or latitude and longitude swapped.
 */
public final class JapanBounds {

  public static final double MIN_LON = 122;
  public static final double MAX_LON = 154;
  public static final double MIN_LAT = 20;
  public static final double MAX_LAT = 46;

  private JapanBounds() {}

  public static boolean contains(double lon, double lat) {
    return lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT;
  }

  /** Fails with a reason naming the expected ranges (coordinates of a place are not personal). */
  public static void check(String field, double lon, double lat) throws RowProblem {
    if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
      throw new RowProblem(field, "coordinates must be finite numbers");
    }
    if (!contains(lon, lat)) {
      String swapped = contains(lat, lon) ? " (latitude and longitude look swapped)" : "";
      throw new RowProblem(
          field,
          "point (lon " + lon + ", lat " + lat + ") is outside Japan: expected longitude " + MIN_LON + "–" + MAX_LON
              + " and latitude " + MIN_LAT + "–" + MAX_LAT + swapped);
    }
  }
}
