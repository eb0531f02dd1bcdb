package io.mimamori.data.demo;

import io.mimamori.layers.shelter.Shelter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * The lie of the land, in local metres: Suruga Bay to the south-west behind a coastline, the Kano
 * river (狩野川) and two smaller rivers running to the sea, a low plain around the centre, and hills
 * to the north (愛鷹山 foothills), east and south-east (香貫山, the Izu hills).
 *
 * <p>The layout is drawn in fractions of the town box (u east, v north, 0..1), placed where those
 * features lie in Numazu's own box, so a scaled or enlarged box keeps the same shape. Given real
 * shelters, the coastline is pushed seaward wherever a shelter would otherwise be in the sea or
 * within {@value #SHORE_MARGIN} m of it.
 */
final class TownGeography {

  static final GeometryFactory GF = new GeometryFactory();
  static final double SHORE_MARGIN = 150;
  /** How fast a headland pushed out for a real shelter falls back to the coast either side: metres seaward per metre along. */
  private static final double TAPER = 1.8;
  /** The radius (m) of a headland's rounded tip. */
  private static final double TIP = 800;
  /** Over how many metres the headlands and the coast blend where they meet. */
  private static final double BLEND = 300;

  /** Coast from the west edge to the south edge, in box fractions (Numazu: Senbonhama, the Kano mouth, Shizuura, Uchiura). */
  private static final double[][] COAST = {
    {-0.06, 0.70}, {0.0, 0.69}, {0.13, 0.63}, {0.267, 0.567}, {0.40, 0.505}, {0.487, 0.467}, {0.547, 0.392},
    {0.60, 0.33}, {0.633, 0.267}, {0.70, 0.20}, {0.753, 0.142}, {0.80, 0.07}, {0.833, 0.0}, {0.85, -0.06}
  };
  private static final double[][] KANO = {
    {1.06, 0.22}, {0.93, 0.30}, {0.80, 0.40}, {0.73, 0.50}, {0.70, 0.58}, {0.64, 0.66}, {0.57, 0.63}, {0.52, 0.56},
    {0.49, 0.50}, {0.47, 0.44}
  };
  private static final double[][] KISE = {{0.66, 1.06}, {0.67, 0.92}, {0.65, 0.80}, {0.64, 0.70}};
  private static final double[][] TAKAHASHI = {{0.24, 1.06}, {0.25, 0.90}, {0.21, 0.76}, {0.19, 0.66}, {0.17, 0.58}};

  final TownFrame frame;
  final double width;
  final double height;
  final LineString coast;
  final Geometry sea;
  final Geometry land;
  final List<River> rivers;
  private final IndexedPointInAreaLocator landLocator;
  private final IndexedFacetDistance coastDistance;
  private final IndexedFacetDistance[] riverDistance;
  private final DoubleUnaryOperator[] hillNoise;

  TownGeography(TownFrame frame, long seed, List<Shelter> realShelters) {
    this.frame = frame;
    this.width = frame.widthMetres();
    this.height = frame.heightMetres();
    SplittableRandom r = Seeds.of(seed, "coast");
    List<Coordinate> coastPts = densify(COAST, 120, Seeds.wiggle(r, 70, 2500));
    pushSeaward(coastPts, realShelters);
    coast = GF.createLineString(coastPts.toArray(Coordinate[]::new));
    sea = seaPolygon(coastPts);
    Polygon box = (Polygon) GF.toGeometry(new Envelope(0, width, 0, height));
    land = box.difference(sea);
    landLocator = new IndexedPointInAreaLocator(land);
    coastDistance = new IndexedFacetDistance(coast);

    SplittableRandom rr = Seeds.of(seed, "rivers");
    LineString kano = river(KANO, rr, 45);
    Coordinate confluence = nearestOn(kano, point(KISE[KISE.length - 1]));
    LineString kise = river(KISE, rr, 25, confluence);
    LineString takahashi = river(TAKAHASHI, rr, 25);
    // Flood water level above the plain at each river, falling off over its reach (see
    // HazardGenerator). The Kano's maximum-scale flood zone in Numazu is wide but mostly 0.5-3 m
    // deep, 3-5 m in low ground near the river and deeper only in a few spots: so a broad, moderate
    // level (4 m, falling off over 4 km) rather than a tall narrow one. In the default town this
    // floods about 40% of homes, of which about two thirds at 0.5-3 m, a fifth at 3-5 m and about
    // 1% deeper (with 12 m over 1.4 km, 35% of the flooded homes were 5-10 m deep).
    rivers = List.of(
        new River("狩野川", 90, 4000, 4.0, kano),
        new River("黄瀬川", 35, 900, 3.0, kise),
        new River("高橋川", 20, 700, 2.5, takahashi));
    riverDistance = rivers.stream().map(rv -> new IndexedFacetDistance(rv.line())).toArray(IndexedFacetDistance[]::new);
    SplittableRandom hr = Seeds.of(seed, "hills");
    hillNoise = new DoubleUnaryOperator[] {Seeds.wiggle(hr, 1, 900), Seeds.wiggle(hr, 1, 1300)};
  }

  boolean isLand(double x, double y) {
    return x >= 0 && y >= 0 && x <= width && y <= height
        && landLocator.locate(new Coordinate(x, y)) != Location.EXTERIOR;
  }

  double distanceToCoast(double x, double y) {
    return coastDistance.distance(GF.createPoint(new Coordinate(x, y)));
  }

  double distanceToRiver(int river, double x, double y) {
    return riverDistance[river].distance(GF.createPoint(new Coordinate(x, y)));
  }

  /** True where a point lies in a river's bed or within {@code margin} m of its banks. */
  boolean inRiver(double x, double y, double margin) {
    for (int i = 0; i < rivers.size(); i++) {
      if (distanceToRiver(i, x, y) < rivers.get(i).width() / 2 + margin) {
        return true;
      }
    }
    return false;
  }

  /** Land that is neither sea nor river bed (with {@code margin} m of bank). */
  boolean isDryLand(double x, double y, double margin) {
    return isLand(x, y) && !inRiver(x, y, margin);
  }

  /**
   * Ground elevation in metres: a plain rising gently from the shore, lowered near the rivers, with
   * the hills of the north, east and south-east added.
   */
  double elevation(double x, double y) {
    double u = x / width, v = y / height;
    double dCoast = distanceToCoast(x, y);
    double e = 1.5 + plainRise(dCoast);
    for (int i = 0; i < rivers.size(); i++) {
      double d = distanceToRiver(i, x, y);
      e -= 0.55 * Math.max(0, e - 1.5) * Math.exp(-d / 500);
    }
    double n = 1 + 0.12 * hillNoise[0].applyAsDouble(x) + 0.12 * hillNoise[1].applyAsDouble(y);
    e += n * 210 * smoothstep(0.78, 1.02, v) * (0.6 + 0.4 * Math.sin(u * 3.1));   // Ashitaka foothills
    e += n * hill(u, v, 0.60, 0.43, 190, 450);                                     // Kanuki hill
    e += n * hill(u, v, 0.87, 0.56, 240, 900);                                     // east hills
    e += n * hill(u, v, 0.86, 0.14, 300, 1200);                                    // Izu hills
    e += n * hill(u, v, 0.72, 0.24, 160, 600);                                     // Shizuura hills
    return Math.max(0.5, e);
  }

  /** How far the plain has risen above the shore (1.5 m) at a distance from the coast: 3.2 m per km, at most 30 m. */
  static double plainRise(double distanceToCoast) {
    return Math.min(30, 3.2 * distanceToCoast / 1000);
  }

  /** Rise over run of the ground at a point (central differences over 40 m). */
  double slope(double x, double y) {
    double h = 20;
    double dx = (elevation(x + h, y) - elevation(x - h, y)) / (2 * h);
    double dy = (elevation(x, y + h) - elevation(x, y - h)) / (2 * h);
    return Math.hypot(dx, dy);
  }

  /** The centre of town (Numazu station), in local metres. */
  Coordinate centre() {
    return new Coordinate(0.53 * width, 0.60 * height);
  }

  /** How urban a point is, 0..1: 1 at the centre, falling off over a few kilometres, lower on hills. */
  double urbanity(double x, double y, double elevation) {
    Coordinate c = centre();
    double d = Math.hypot(x - c.x, y - c.y);
    double scaleK = Math.sqrt(width * height) / 13_500;
    double u = 0.15 + 0.85 * Math.exp(-d / (2600 * scaleK));
    if (elevation > 40) {
      u *= Math.max(0.15, 1 - (elevation - 40) / 120);
    }
    return u;
  }

  private double hill(double u, double v, double cu, double cv, double peak, double sigmaMetres) {
    double dx = (u - cu) * width, dy = (v - cv) * height;
    double s = sigmaMetres * Math.sqrt(Math.sqrt(width * height) / 13_500);
    return peak * Math.exp(-(dx * dx + dy * dy) / (2 * s * s));
  }

  private static double smoothstep(double a, double b, double t) {
    double x = Math.max(0, Math.min(1, (t - a) / (b - a)));
    return x * x * (3 - 2 * x);
  }

  private Coordinate point(double[] uv) {
    return new Coordinate(uv[0] * width, uv[1] * height);
  }

  private List<Coordinate> densify(double[][] uv, double step, DoubleUnaryOperator wiggle) {
    List<Coordinate> out = new ArrayList<>();
    double along = 0;
    for (int i = 0; i + 1 < uv.length; i++) {
      Coordinate a = point(uv[i]), b = point(uv[i + 1]);
      double len = a.distance(b);
      int n = Math.max(1, (int) Math.ceil(len / step));
      double nx = -(b.y - a.y) / len, ny = (b.x - a.x) / len;
      for (int k = 0; k < n; k++) {
        double t = (double) k / n;
        double w = (i == 0 && k == 0) ? 0 : wiggle.applyAsDouble(along + t * len);
        out.add(new Coordinate(a.x + t * (b.x - a.x) + w * nx, a.y + t * (b.y - a.y) + w * ny));
      }
      along += len;
    }
    out.add(point(uv[uv.length - 1]));
    return out;
  }

  /**
   * Moves the coast seaward wherever a real shelter would otherwise be in the sea or within
   * {@value #SHORE_MARGIN} m of it. The coast is treated as a height over the line from its first to
   * its last point, measured towards the sea; each shelter raises that height to its own plus the
   * margin under a rounded headland falling off {@value #TAPER} m per metre either side (neighbouring
   * shelters' headlands merge into one stretch of land, as the Izu coast south of Numazu), and the
   * coast takes a smooth upper envelope of itself and the headlands. Moving every point along the
   * same direction keeps the coast from crossing itself.
   */
  private void pushSeaward(List<Coordinate> pts, List<Shelter> shelters) {
    if (shelters.isEmpty()) {
      return;
    }
    Coordinate first = pts.get(0), last = pts.get(pts.size() - 1);
    double len = first.distance(last);
    double ex = (last.x - first.x) / len, ey = (last.y - first.y) / len; // along the coast
    double dx = ey, dy = -ex;                                            // towards the sea (right-hand side)
    double[] hs = new double[shelters.size()], ss = new double[shelters.size()];
    for (int k = 0; k < shelters.size(); k++) {
      double px = frame.x(shelters.get(k).location().lon()) - first.x;
      double py = frame.y(shelters.get(k).location().lat()) - first.y;
      ss[k] = px * ex + py * ey;
      hs[k] = px * dx + py * dy + SHORE_MARGIN;
    }
    for (int i = 0; i < pts.size(); i++) {
      Coordinate c = pts.get(i);
      double s = (c.x - first.x) * ex + (c.y - first.y) * ey;
      double h = (c.x - first.x) * dx + (c.y - first.y) * dy;
      // a soft maximum of the coast and each shelter's bump: never lower than the highest of them,
      // and without a corner where two of them meet
      double[] v = new double[hs.length + 1];
      double top = v[0] = h;
      for (int k = 0; k < hs.length; k++) {
        double ds = s - ss[k];
        v[k + 1] = hs[k] - TAPER * (Math.sqrt(ds * ds + TIP * TIP) - TIP);
        top = Math.max(top, v[k + 1]);
      }
      double sum = 0;
      for (double x : v) {
        sum += Math.exp((x - top) / BLEND);
      }
      double need = top + BLEND * Math.log(sum);
      if (need > h + 1) {
        pts.set(i, new Coordinate(c.x + (need - h) * dx, c.y + (need - h) * dy));
      }
    }
  }

  /** The direction from the land to the sea (unit vector): the right-hand side of the coast. */
  private double[] seaward() {
    Coordinate first = coast.getCoordinateN(0), last = coast.getCoordinateN(coast.getNumPoints() - 1);
    double len = first.distance(last);
    return new double[] {(last.y - first.y) / len, -(last.x - first.x) / len};
  }

  private Geometry seaPolygon(List<Coordinate> coastPts) {
    double m = Math.max(width, height) * 3;
    List<Coordinate> ring = new ArrayList<>(coastPts);
    Coordinate last = coastPts.get(coastPts.size() - 1), first = coastPts.get(0);
    ring.add(new Coordinate(last.x, -m));
    ring.add(new Coordinate(-m, -m));
    ring.add(new Coordinate(-m, first.y));
    ring.add(new Coordinate(first));
    Polygon p = GF.createPolygon(ring.toArray(Coordinate[]::new));
    return p.isValid() ? p : p.buffer(0);
  }

  private LineString river(double[][] uv, SplittableRandom r, double meander) {
    return river(uv, r, meander, null);
  }

  /** A river line from its control points, meandering, cut to the land (it ends at the coast or at {@code mouth}). */
  private LineString river(double[][] uv, SplittableRandom r, double meander, Coordinate mouth) {
    List<Coordinate> pts = densify(uv, 60, Seeds.wiggle(r, meander, 1800));
    if (mouth != null) {
      pts.set(pts.size() - 1, mouth);
    } else {
      // run on out to sea, so that the river meets the coast wherever the coast was moved to
      double[] d = seaward();
      Coordinate end = pts.get(pts.size() - 1);
      double far = 3 * Math.max(width, height);
      pts.add(new Coordinate(end.x + d[0] * far, end.y + d[1] * far));
    }
    Geometry clipped = GF.createLineString(pts.toArray(Coordinate[]::new)).intersection(land);
    LineString longest = null;
    for (int i = 0; i < clipped.getNumGeometries(); i++) {
      Geometry g = clipped.getGeometryN(i);
      if (g instanceof LineString ls && (longest == null || ls.getLength() > longest.getLength())) {
        longest = ls;
      }
    }
    if (longest == null) {
      throw new IllegalStateException("a river of the demo town lies wholly in the sea");
    }
    return longest;
  }

  private static Coordinate nearestOn(LineString line, Coordinate p) {
    Coordinate best = null;
    double bestD = Double.MAX_VALUE;
    for (Coordinate c : line.getCoordinates()) {
      double d = c.distance(p);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return new Coordinate(best);
  }
}
