package io.mimamori.data.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.quadtree.Quadtree;

/**
 * The demo town's landslide warning zones (土砂災害警戒区域), shaped as the real ones are:
 *
 * <ul>
 *   <li>steep-slope failure (急傾斜地の崩壊): a strip along a hillside that follows the contour, from a
 *       little above the slope's crest (the law: 10 m) over its face down to the ground at its foot
 *       (twice the slope's height, at most 50 m): here 45-95 m wide and 120-480 m long, with tapered
 *       ends, 1-2 ha each (Numazu's real file: 97 zones, 1.2 km² in all). The special warning zone
 *       (特別警戒区域) is a narrower strip inside it along the foot of the slope.
 *   <li>debris flow (土石流): a fan from a valley mouth on a hillside down the line of steepest
 *       descent, widening to 180-340 m over 350-850 m; the special warning zone is the narrow upper
 *       part along the stream.
 * </ul>
 *
 * A zone is placed only where the elevation model has a real slope ({@value #STEEP_SLOPE} rise over run
 * for a steep slope, {@value #FAN_SLOPE} for a fan's apex), more readily where people live (a zone is
 * designated because houses stand below a slope), wholly at least {@value #EDGE_CLEARANCE} m inside the
 * town's frame (the frame cuts hills; a zone along the cut would be an artefact), at least
 * {@value #GAP} m from every other zone, and wholly outside {@code avoid} (the extent of real zones).
 * Numazu's real file for its northern 2nd-order mesh (about 100 km²) holds 97 steep-slope and 17
 * debris-flow warning zones, so the town asks for about 100 and 20 per unit of scale; fewer where its
 * hills have no room.
 */
final class LandslideZones {

  /** One zone in local metres; {@code rank} 1 is a warning zone, 2 a special warning zone. */
  record Zone(String phenomenon, int rank, String name, String sourceId, Geometry local) {}

  static final double STEEP_SLOPE = 0.10;
  static final double FAN_SLOPE = 0.07;
  static final double EDGE_CLEARANCE = 200;
  static final double GAP = 40;
  private static final double STEP = 20;

  private final TownGeography geo;
  private final SplittableRandom r;
  private final Geometry avoid;
  private final Quadtree placed = new Quadtree();
  private final List<Zone> out = new ArrayList<>();

  private LandslideZones(TownGeography geo, SplittableRandom r, Geometry avoid) {
    this.geo = geo;
    this.r = r;
    this.avoid = avoid;
  }

  /**
   * The zones, warning zone then its special zone, debris flows first. {@code hillCells} are
   * {x, y, elevation, slope} of land cells on slopes (any order; shuffled here).
   */
  static List<Zone> generate(TownGeography geo, long seed, double scale, List<double[]> hillCells, Geometry avoid) {
    LandslideZones z = new LandslideZones(geo, Seeds.of(seed, "landslide"), avoid);
    List<double[]> fans = new ArrayList<>(), steep = new ArrayList<>();
    for (double[] c : hillCells) {
      if (c[3] >= FAN_SLOPE && c[2] >= 30 && c[2] <= 200) {
        fans.add(c);
      }
      if (c[3] >= STEEP_SLOPE && c[2] >= 10 && c[2] <= 200) {
        steep.add(c);
      }
    }
    z.placeFans(fans, Math.max(2, (int) Math.round(20 * scale)));
    z.placeSteepSlopes(steep, Math.max(3, (int) Math.round(100 * scale)));
    return z.out;
  }

  private void placeFans(List<double[]> candidates, int wanted) {
    shuffle(candidates);
    int n = 0;
    for (double[] c : candidates) {
      if (n >= wanted) {
        break;
      }
      double[] p = jitter(c);
      if (!roomAt(p, 600) || r.nextDouble() > welcome(p[0], p[1], c[2])) {
        continue;
      }
      Geometry[] fan = fan(p[0], p[1]);
      if (fan != null && accept(fan[0], 30_000)) {
        n++;
        out.add(new Zone("debris_flow", 1, "土石流 警戒区域 第" + n + "号", "debris-" + n, fan[0]));
        Geometry inner = inside(fan[1], fan[0]);
        if (r.nextDouble() < 0.7 && inner != null && inner.getArea() > 2_000) {
          out.add(new Zone("debris_flow", 2, "土石流 特別警戒区域 第" + n + "号", "debris-" + n + "-s", inner));
        }
      }
    }
  }

  private void placeSteepSlopes(List<double[]> candidates, int wanted) {
    shuffle(candidates);
    int n = 0;
    for (double[] c : candidates) {
      if (n >= wanted) {
        break;
      }
      double[] p = jitter(c);
      if (!roomAt(p, 350) || r.nextDouble() > welcome(p[0], p[1], c[2]) * (c[2] < 100 ? 1 : 0.5)) {
        continue;
      }
      Geometry[] strip = strip(p[0], p[1]);
      if (strip != null && accept(strip[0], 3_000)) {
        n++;
        out.add(new Zone("steep_slope", 1, "急傾斜地の崩壊 警戒区域 第" + n + "号", "steep-" + n, strip[0]));
        Geometry inner = inside(strip[1], strip[0]);
        if (r.nextDouble() < 0.9 && inner != null && inner.getArea() > 500) {
          out.add(new Zone("steep_slope", 2, "急傾斜地の崩壊 特別警戒区域 第" + n + "号", "steep-" + n + "-s", inner));
        }
      }
    }
  }

  /** How readily a zone is placed at a point: more where people live, sometimes where few do. */
  private double welcome(double x, double y, double elevation) {
    return Math.min(1, 0.1 + 1.5 * geo.urbanity(x, y, elevation));
  }

  private double[] jitter(double[] c) {
    return new double[] {c[0] + (r.nextDouble() - 0.5) * HazardGenerator.CELL, c[1] + (r.nextDouble() - 0.5) * HazardGenerator.CELL};
  }

  /** Whether a site is far enough inside the frame for a zone of about {@code size} m, clear of real zones and other zones. */
  private boolean roomAt(double[] p, double size) {
    double m = EDGE_CLEARANCE + size / 2;
    if (p[0] < m || p[1] < m || p[0] > geo.width - m || p[1] > geo.height - m || !geo.isDryLand(p[0], p[1], 30)) {
      return false;
    }
    Envelope e = new Envelope(p[0] - size / 2, p[0] + size / 2, p[1] - size / 2, p[1] + size / 2);
    if (avoid != null && avoid.getEnvelopeInternal().intersects(e)) {
      return false;
    }
    for (Object o : placed.query(e)) {
      if (((Geometry) o).getEnvelopeInternal().intersects(e)) {
        return false;
      }
    }
    return true;
  }

  private boolean accept(Geometry zone, double minArea) {
    if (zone == null || zone.isEmpty() || zone.getArea() < minArea) {
      return false;
    }
    Envelope env = zone.getEnvelopeInternal();
    if (env.getMinX() < EDGE_CLEARANCE || env.getMinY() < EDGE_CLEARANCE || env.getMaxX() > geo.width - EDGE_CLEARANCE
        || env.getMaxY() > geo.height - EDGE_CLEARANCE || (avoid != null && avoid.intersects(zone))) {
      return false;
    }
    Envelope near = new Envelope(env);
    near.expandBy(GAP);
    for (Object o : placed.query(near)) {
      if (((Geometry) o).isWithinDistance(zone, GAP)) {
        return false;
      }
    }
    placed.insert(env, zone);
    return true;
  }

  /**
   * A steep-slope strip through (x, y) along the contour: {warning zone, special zone}, or null
   * where the slope runs out too soon.
   */
  private Geometry[] strip(double x, double y) {
    double length = 120 + 360 * r.nextDouble();
    List<Coordinate> line = smooth(contour(x, y, length));
    double[] s = arcLengths(line);
    double total = s[s.length - 1];
    if (line.size() < 6 || line.get(0).distance(line.get(line.size() - 1)) < 0.6 * total) {
      return null; // too short, or curling round a knoll
    }
    double up = 20 + 25 * r.nextDouble(), down = 25 + 25 * r.nextDouble();
    DoubleUnaryOperator wig = Seeds.wiggle(r, 0.18, 150 + 100 * r.nextDouble());
    List<Coordinate> outer = new ArrayList<>(), outerLow = new ArrayList<>();
    List<Coordinate> inner = new ArrayList<>(), innerLow = new ArrayList<>();
    for (int i = 0; i < line.size(); i++) {
      double t = s[i] / total;
      double[] n = leftNormal(line, i); // uphill: the contour runs with the hill on its left
      double w = 1 + wig.applyAsDouble(s[i]), wLow = 1 + wig.applyAsDouble(s[i] + 700);
      double taper = taper(t);
      Coordinate c = line.get(i);
      outer.add(new Coordinate(c.x + n[0] * up * taper * w, c.y + n[1] * up * taper * w));
      outerLow.add(new Coordinate(c.x - n[0] * down * taper * wLow, c.y - n[1] * down * taper * wLow));
      if (t > 0.1 && t < 0.9) {
        // along the foot of the slope: taper(0.1) > 0.6, so the special zone stays inside
        double ti = taper((t - 0.1) / 0.8);
        inner.add(new Coordinate(c.x + n[0] * 0.4 * up * ti * w, c.y + n[1] * 0.4 * up * ti * w));
        innerLow.add(new Coordinate(c.x - n[0] * 0.5 * down * ti * wLow, c.y - n[1] * 0.5 * down * ti * wLow));
      }
    }
    Geometry warning = ring(outer, outerLow);
    Geometry special = inner.size() >= 3 ? ring(inner, innerLow) : TownGeography.GF.createPolygon();
    return warning == null || special == null ? null : new Geometry[] {onLand(warning), special};
  }

  /** A fan from an apex at (x, y) down the slope: {warning zone, special zone}, or null. */
  private Geometry[] fan(double x, double y) {
    double length = 350 + 500 * r.nextDouble();
    List<Coordinate> path = smooth(descent(x, y, length));
    double[] s = arcLengths(path);
    double total = s[s.length - 1];
    if (path.size() < 10 || path.get(0).distance(path.get(path.size() - 1)) < 0.7 * total) {
      return null; // too short, or winding about on flat ground
    }
    double w0 = 15 + 10 * r.nextDouble(), w1 = 90 + 80 * r.nextDouble();
    DoubleUnaryOperator wig = Seeds.wiggle(r, 0.18, 160 + 80 * r.nextDouble());
    List<Coordinate> left = new ArrayList<>(), right = new ArrayList<>();
    List<Coordinate> innerLeft = new ArrayList<>(), innerRight = new ArrayList<>();
    double[] wl = new double[path.size()], wr = new double[path.size()];
    int innerEnd = 0;
    for (int i = 0; i < path.size(); i++) {
      double t = s[i] / total;
      double[] n = leftNormal(path, i);
      double w = w0 + (w1 - w0) * Math.pow(t, 0.8);
      wl[i] = w * (1 + wig.applyAsDouble(s[i]));
      wr[i] = w * (1 + wig.applyAsDouble(s[i] + 900));
      Coordinate c = path.get(i);
      left.add(new Coordinate(c.x + n[0] * wl[i], c.y + n[1] * wl[i]));
      right.add(new Coordinate(c.x - n[0] * wr[i], c.y - n[1] * wr[i]));
      if (t <= 0.55) {
        innerEnd = i;
        innerLeft.add(new Coordinate(c.x + n[0] * wl[i] * 0.4, c.y + n[1] * wl[i] * 0.4));
        innerRight.add(new Coordinate(c.x - n[0] * wr[i] * 0.4, c.y - n[1] * wr[i] * 0.4));
      }
    }
    int last = path.size() - 1;
    roundEnd(left, path, last, wl[last], wr[last]);
    roundEnd(innerLeft, path, innerEnd, 0.4 * wl[innerEnd], 0.4 * wr[innerEnd]);
    Coordinate apex = path.get(0), next = path.get(1);
    double d = apex.distance(next);
    left.add(0, new Coordinate(apex.x - (next.x - apex.x) / d * 20, apex.y - (next.y - apex.y) / d * 20));
    innerLeft.add(0, new Coordinate(apex.x - (next.x - apex.x) / d * 10, apex.y - (next.y - apex.y) / d * 10));
    Geometry warning = ring(left, right);
    Geometry special = ring(innerLeft, innerRight);
    return warning == null || special == null ? null : new Geometry[] {onLand(warning), special};
  }

  /**
   * Appends to a fan's left side a rounded lower end at point i of the path: half an ellipse from
   * the left edge round the front to the right edge, reaching 0.7 of the width beyond the point.
   */
  private static void roundEnd(List<Coordinate> left, List<Coordinate> path, int i, double wl, double wr) {
    double[] n = leftNormal(path, i);
    double fx = n[1], fy = -n[0]; // forward: the left normal turned right
    double reach = 0.35 * (wl + wr);
    Coordinate c = path.get(i);
    for (int k = 1; k < 8; k++) {
      double a = Math.PI * k / 8, w = k < 4 ? wl : wr;
      left.add(new Coordinate(c.x + n[0] * w * Math.cos(a) + fx * reach * Math.sin(a),
          c.y + n[1] * w * Math.cos(a) + fy * reach * Math.sin(a)));
    }
  }

  /**
   * Points along the contour through (x, y), about {@code length} m long and centred on it, running
   * with the hill on their left; shorter where the slope flattens or the land ends.
   */
  private List<Coordinate> contour(double x, double y, double length) {
    double level = geo.elevation(x, y);
    List<Coordinate> back = trace(x, y, level, -1, length / 2), ahead = trace(x, y, level, 1, length / 2);
    List<Coordinate> out = new ArrayList<>();
    for (int i = back.size() - 1; i >= 0; i--) {
      out.add(back.get(i));
    }
    out.add(new Coordinate(x, y));
    out.addAll(ahead);
    return out;
  }

  private List<Coordinate> trace(double x, double y, double level, int dir, double length) {
    List<Coordinate> out = new ArrayList<>();
    double px = x, py = y;
    for (double gone = 0; gone < length; gone += STEP) {
      double[] g = gradient(px, py);
      double len = Math.hypot(g[0], g[1]);
      if (len < STEEP_SLOPE * 0.6) {
        break;
      }
      // along the contour, with a step back onto it against the drift
      double back = Math.max(-STEP, Math.min(STEP, (g[2] - level) / len));
      double nx = px + dir * (g[1] / len) * STEP - g[0] / len * back;
      double ny = py + dir * (-g[0] / len) * STEP - g[1] / len * back;
      if (!geo.isDryLand(nx, ny, 20)) {
        break;
      }
      px = nx;
      py = ny;
      out.add(new Coordinate(px, py));
    }
    return out;
  }

  /** The way down from (x, y): steepest descent, meandering a little, until the ground flattens, the land ends or a river. */
  private List<Coordinate> descent(double x, double y, double length) {
    List<Coordinate> out = new ArrayList<>();
    out.add(new Coordinate(x, y));
    DoubleUnaryOperator meander = Seeds.wiggle(r, 0.15, 400);
    double px = x, py = y, dx = 0, dy = 0;
    for (double gone = 0; gone < length; gone += 25) {
      double[] g = gradient(px, py);
      double len = Math.hypot(g[0], g[1]);
      if (len < 0.012) {
        break;
      }
      double a = meander.applyAsDouble(gone);
      double ux = -g[0] / len, uy = -g[1] / len;
      double mx = ux * Math.cos(a) - uy * Math.sin(a), my = ux * Math.sin(a) + uy * Math.cos(a);
      if (gone > 0) {
        mx = 0.6 * dx + 0.4 * mx;
        my = 0.6 * dy + 0.4 * my;
      }
      double m = Math.hypot(mx, my);
      dx = mx / m;
      dy = my / m;
      double nx = px + dx * 25, ny = py + dy * 25;
      if (!geo.isDryLand(nx, ny, 20)) {
        break;
      }
      px = nx;
      py = ny;
      out.add(new Coordinate(px, py));
    }
    return out;
  }

  /** {d/dx, d/dy, value} of the elevation at a point (central differences over 30 m). */
  private double[] gradient(double x, double y) {
    double h = 15;
    return new double[] {
      (geo.elevation(x + h, y) - geo.elevation(x - h, y)) / (2 * h),
      (geo.elevation(x, y + h) - geo.elevation(x, y - h)) / (2 * h),
      geo.elevation(x, y)
    };
  }

  /** The unit normal on the left of the line's direction of travel at point i. */
  private static double[] leftNormal(List<Coordinate> line, int i) {
    Coordinate a = line.get(Math.max(0, i - 1)), b = line.get(Math.min(line.size() - 1, i + 1));
    double tx = b.x - a.x, ty = b.y - a.y, len = Math.hypot(tx, ty);
    return new double[] {-ty / len, tx / len};
  }

  /** The line smoothed twice with weights 1/4, 1/2, 1/4, its ends kept (the traced steps zigzag a little). */
  private static List<Coordinate> smooth(List<Coordinate> line) {
    List<Coordinate> cur = line;
    for (int pass = 0; pass < 2 && cur.size() > 2; pass++) {
      List<Coordinate> next = new ArrayList<>(cur.size());
      next.add(cur.get(0));
      for (int i = 1; i + 1 < cur.size(); i++) {
        Coordinate a = cur.get(i - 1), b = cur.get(i), c = cur.get(i + 1);
        next.add(new Coordinate(0.25 * a.x + 0.5 * b.x + 0.25 * c.x, 0.25 * a.y + 0.5 * b.y + 0.25 * c.y));
      }
      next.add(cur.get(cur.size() - 1));
      cur = next;
    }
    return cur;
  }

  private static double[] arcLengths(List<Coordinate> line) {
    double[] s = new double[line.size()];
    for (int i = 1; i < s.length; i++) {
      s[i] = s[i - 1] + line.get(i).distance(line.get(i - 1));
    }
    return s;
  }

  /** 0 at both ends, 1 in the middle, full most of the way (a strip with rounded ends). */
  private static double taper(double t) {
    return Math.pow(Math.max(0, Math.sin(Math.PI * Math.max(0, Math.min(1, t)))), 0.4);
  }

  /** The polygon with {@code side} forward and {@code other} back; null if it cannot be made valid. */
  private static Geometry ring(List<Coordinate> side, List<Coordinate> other) {
    List<Coordinate> ring = new ArrayList<>(side);
    for (int i = other.size() - 1; i >= 0; i--) {
      Coordinate c = other.get(i);
      if (!c.equals2D(ring.get(ring.size() - 1))) {
        ring.add(c);
      }
    }
    if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) {
      ring.add(new Coordinate(ring.get(0)));
    }
    if (ring.size() < 4) {
      return null;
    }
    Polygon p = TownGeography.GF.createPolygon(ring.toArray(Coordinate[]::new));
    return p.isValid() ? p : largest(p.buffer(0));
  }

  /** The special zone cut to its warning zone (it lies inside by construction; this removes rounding). */
  private Geometry inside(Geometry special, Geometry warning) {
    Geometry g = special.isEmpty() ? null : onLand(special);
    return g == null ? null : largest(g.intersection(warning));
  }

  private Geometry onLand(Geometry g) {
    for (Coordinate c : g.getCoordinates()) {
      if (!geo.isLand(c.x, c.y)) {
        return largest(g.intersection(geo.land));
      }
    }
    return g;
  }

  private static Geometry largest(Geometry g) {
    Geometry best = null;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry p = g.getGeometryN(i);
      if (p instanceof Polygon && (best == null || p.getArea() > best.getArea())) {
        best = p;
      }
    }
    return best;
  }

  private void shuffle(List<double[]> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      double[] t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
