package io.mimamori.data.demo;

import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.shelter.Shelter;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * The town's lon/lat box and a local plane in metres on it (x east, y north, origin at the south-west
 * corner, an equirectangular projection at the box's middle latitude: within 0.1% over a town).
 * The generator works in metres and writes lon/lat.
 */
public record TownFrame(double minLon, double minLat, double maxLon, double maxLat) {

  /** Numazu, Shizuoka (沼津市): Suruga Bay to the south-west, hills to the north and east. */
  public static final TownFrame NUMAZU = new TownFrame(138.78, 35.03, 138.93, 35.15);

  private static final double METRES_PER_DEGREE_LAT = 110_950;
  private static final double MARGIN_DEGREES = 0.01;

  public TownFrame {
    if (!(minLon < maxLon && minLat < maxLat)) {
      throw new IllegalArgumentException("empty town box");
    }
  }

  /** Numazu's box, grown to take in the real shelters (with a margin) and then scaled in area. */
  public static TownFrame of(double scale, List<Shelter> realShelters) {
    double minLon = NUMAZU.minLon, minLat = NUMAZU.minLat, maxLon = NUMAZU.maxLon, maxLat = NUMAZU.maxLat;
    for (Shelter s : realShelters) {
      minLon = Math.min(minLon, s.location().lon() - MARGIN_DEGREES);
      maxLon = Math.max(maxLon, s.location().lon() + MARGIN_DEGREES);
      minLat = Math.min(minLat, s.location().lat() - MARGIN_DEGREES);
      maxLat = Math.max(maxLat, s.location().lat() + MARGIN_DEGREES);
    }
    if (scale == 1.0) {
      return new TownFrame(minLon, minLat, maxLon, maxLat);
    }
    double k = Math.sqrt(scale);
    double cx = (minLon + maxLon) / 2, cy = (minLat + maxLat) / 2;
    double hw = (maxLon - minLon) / 2 * k, hh = (maxLat - minLat) / 2 * k;
    return new TownFrame(cx - hw, cy - hh, cx + hw, cy + hh);
  }

  public double metresPerDegreeLon() {
    return METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians((minLat + maxLat) / 2));
  }

  public double widthMetres() {
    return (maxLon - minLon) * metresPerDegreeLon();
  }

  public double heightMetres() {
    return (maxLat - minLat) * METRES_PER_DEGREE_LAT;
  }

  public double lon(double x) {
    return minLon + x / metresPerDegreeLon();
  }

  public double lat(double y) {
    return minLat + y / METRES_PER_DEGREE_LAT;
  }

  public double x(double lon) {
    return (lon - minLon) * metresPerDegreeLon();
  }

  public double y(double lat) {
    return (lat - minLat) * METRES_PER_DEGREE_LAT;
  }

  public LonLat lonLat(double x, double y) {
    return LonLat.of(lon(x), lat(y));
  }

  public LonLat centre() {
    return LonLat.of((minLon + maxLon) / 2, (minLat + maxLat) / 2);
  }

  /** A copy of a local (metres) geometry in lon/lat. */
  public Geometry toLonLat(Geometry local) {
    Geometry g = local.copy();
    g.apply(new Transform(true));
    g.geometryChanged();
    return g;
  }

  /** A copy of a lon/lat geometry in local metres. */
  public Geometry toLocal(Geometry lonLat) {
    Geometry g = lonLat.copy();
    g.apply(new Transform(false));
    g.geometryChanged();
    return g;
  }

  private final class Transform implements CoordinateSequenceFilter {
    private final boolean toLonLat;

    Transform(boolean toLonLat) {
      this.toLonLat = toLonLat;
    }

    @Override
    public void filter(CoordinateSequence seq, int i) {
      Coordinate c = seq.getCoordinate(i);
      seq.setOrdinate(i, 0, toLonLat ? lon(c.x) : x(c.x));
      seq.setOrdinate(i, 1, toLonLat ? lat(c.y) : y(c.y));
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
