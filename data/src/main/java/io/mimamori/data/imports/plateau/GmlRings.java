package io.mimamori.data.imports.plateau;

import io.mimamori.data.imports.JapanBounds;
import io.mimamori.data.imports.RowProblem;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Turns GML position lists into JTS rings and polygons in longitude, latitude order, refusing what
 * is not a ring: a count of numbers that is not a multiple of the dimension, fewer than four
 * positions, a ring whose last position is not its first, a position outside Japan (which is also
 * what a missed axis swap looks like). Heights are dropped.
 */
final class GmlRings {

  static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
  /** First and last positions closer than this (degrees, about 0.1 mm) close the ring. */
  private static final double CLOSE_ENOUGH = 1e-9;

  private GmlRings() {}

  /**
   * A ring from {@code numbers} ({@code dimension} per position). {@code where} names the ring for
   * the reason ("feature X, polygon 2, interior ring 1").
   */
  static LinearRing ring(double[] numbers, int dimension, GmlCrs crs, String where) throws RowProblem {
    if (numbers.length % dimension != 0) {
      throw new RowProblem("gml:posList", where + " has " + numbers.length + " numbers, not a multiple of srsDimension "
          + dimension);
    }
    int n = numbers.length / dimension;
    if (n < 4) {
      throw new RowProblem("gml:posList", where + " has " + n + " positions; a closed ring needs at least 4");
    }
    Coordinate[] coords = new Coordinate[n];
    for (int i = 0; i < n; i++) {
      double a = numbers[i * dimension];
      double b = numbers[i * dimension + 1];
      double lon = crs.latitudeFirst() ? b : a;
      double lat = crs.latitudeFirst() ? a : b;
      try {
        JapanBounds.check("gml:posList", lon, lat);
      } catch (RowProblem p) {
        throw new RowProblem(p.field(), where + ", position " + (i + 1) + ": " + p.reason());
      }
      coords[i] = new Coordinate(lon, lat);
    }
    Coordinate first = coords[0];
    Coordinate last = coords[n - 1];
    if (Math.abs(first.x - last.x) > CLOSE_ENOUGH || Math.abs(first.y - last.y) > CLOSE_ENOUGH) {
      throw new RowProblem("gml:posList", where + " is not closed: its last position differs from its first");
    }
    coords[n - 1] = new Coordinate(first);
    return FACTORY.createLinearRing(coords);
  }

  static Polygon polygon(LinearRing exterior, List<LinearRing> interiors) {
    return FACTORY.createPolygon(exterior, interiors.toArray(new LinearRing[0]));
  }

  /** The feature's polygons as one MultiPolygon. */
  static MultiPolygon multi(List<Polygon> polygons) {
    return FACTORY.createMultiPolygon(polygons.toArray(new Polygon[0]));
  }

  /**
   * A valid polygonal geometry covering the same ground: the input when valid; otherwise fixed
   * (self-touching rings repaired, overlapping or edge-sharing parts merged, as PLATEAU's
   * triangulated surfaces need). Null when nothing with area remains.
   */
  static Geometry valid(MultiPolygon mp) {
    Geometry g = mp.isValid() ? mp : GeometryFixer.fix(mp);
    if (g.isEmpty() || !(g instanceof Polygonal)) {
      return null;
    }
    g.setSRID(4326);
    return g;
  }
}
