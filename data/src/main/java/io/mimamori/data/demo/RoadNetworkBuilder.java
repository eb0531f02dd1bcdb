package io.mimamori.data.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Lays out the demo town's roads on a jittered grid of {@value #SPACING} m: a national road (国道1号)
 * across the north of the centre and another (国道414号) south to the Izu coast, prefectural and city
 * roads every 5th and 10th line, residential streets between them with gaps (more at the edge of
 * town and on hills), a few one-way streets in the centre, service spurs, diagonal streets and
 * footways, and on steep hills footways and steps tagged with their incline.
 *
 * <p>No road enters the sea or a river bed: a road crossing a river does so on a bridge (a way of
 * its own, {@code bridge=yes}, {@code layer=1}, reaching past both banks); every arterial gets one,
 * a residential street only now and then, the others stop at the bank. Only the largest network
 * reachable by car is kept. Rivers are written as {@code waterway=river} ways, the shore as one
 * {@code natural=coastline} way with the land on its left.
 */
final class RoadNetworkBuilder {

  static final double SPACING = 140;

  private static final String[] SECONDARY_NAMES = {
    "県道沼津港線", "県道沼津三島線", "県道沼津富士線", "県道原停車場線", "県道三島静浦港線", "県道沼津清水線",
    "県道香貫線", "県道愛鷹線", "県道片浜線", "県道大平線"
  };
  private static final String[] TERTIARY_NAMES = {
    "さんさん通り", "仲見世通り", "三枚橋通り", "浅間通り", "千本通り", "香貫通り", "門池通り", "八幡通り", "岡宮通り",
    "上土通り", "本通り", "高島通り", "平町通り", "大岡通り", "志下通り", "我入道通り"
  };
  private static final String[] KANO_BRIDGES = {
    "御成橋", "あゆみ橋", "永代橋", "黒瀬橋", "香貫大橋", "狩野川大橋", "三園橋", "徳倉橋", "港大橋", "新中島橋"
  };

  /** A piece of road between two nodes, in the direction it is written. */
  private record Piece(int from, int to, RoadClass cls, Map<String, String> tags, String line) {}

  private record Crossing(Coordinate at, int river) {}

  private final TownGeography geo;
  private final SplittableRandom r;
  private final RoadNetwork net = new RoadNetwork();
  private final List<Piece> pieces = new ArrayList<>();
  private final STRtree riverSegments = new STRtree();
  private final PreparedGeometry sea;
  private final Map<Integer, Integer> bridgesPerRiver = new HashMap<>();
  private final int nx;
  private final int ny;
  private final int[] grid;
  private final int trunkRow;
  private final int primaryColumn;
  private HomeSampler homes;

  RoadNetworkBuilder(TownGeography geo, long seed) {
    this.geo = geo;
    this.r = Seeds.of(seed, "roads");
    this.sea = PreparedGeometryFactory.prepare(geo.sea);
    for (int k = 0; k < geo.rivers.size(); k++) {
      Coordinate[] cs = geo.rivers.get(k).line().getCoordinates();
      for (int i = 0; i + 1 < cs.length; i++) {
        LineSegment s = new LineSegment(cs[i], cs[i + 1]);
        riverSegments.insert(new Envelope(cs[i], cs[i + 1]), new Object[] {s, k});
      }
    }
    nx = (int) (geo.width / SPACING) + 1;
    ny = (int) (geo.height / SPACING) + 1;
    grid = new int[nx * ny];
    trunkRow = (int) Math.round(0.70 * (ny - 1));
    primaryColumn = (int) Math.round(0.77 * (nx - 1));
  }

  RoadNetwork build() {
    placeGridNodes();
    for (int j = 0; j < ny; j++) {
      boolean reversed = j % 7 == 4;
      for (int k = 0; k + 1 < nx; k++) {
        int i = reversed ? nx - 2 - k : k;
        int a = node(i, j), b = node(i + 1, j);
        edge(reversed ? b : a, reversed ? a : b, rowClass(j), rowName(j), "r" + j, j % 7 == 3 || j % 7 == 4);
      }
    }
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j + 1 < ny; j++) {
        edge(node(i, j), node(i, j + 1), columnClass(i), columnName(i), "c" + i, false);
      }
    }
    addDiagonalsAndSpurs();
    List<Piece> kept = largestCarNetwork();
    writeWays(kept);
    homes = homeSampler(kept);
    addWater();
    return net;
  }

  HomeSampler homes() {
    return homes;
  }

  private void placeGridNodes() {
    double jitter = SPACING * 0.18;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        double x = i * SPACING + (r.nextDouble() * 2 - 1) * jitter;
        double y = j * SPACING + (r.nextDouble() * 2 - 1) * jitter;
        int id = -1;
        if (geo.isDryLand(x, y, 14)) {
          double e = geo.elevation(x, y);
          if (e < 260) {
            id = net.addNode(x, y, e);
          }
        }
        grid[j * nx + i] = id;
      }
    }
  }

  private int node(int i, int j) {
    return grid[j * nx + i];
  }

  private RoadClass rowClass(int j) {
    if (j == trunkRow) {
      return RoadClass.TRUNK;
    }
    return j % 10 == 5 ? RoadClass.SECONDARY : j % 5 == 0 ? RoadClass.TERTIARY : RoadClass.RESIDENTIAL;
  }

  private RoadClass columnClass(int i) {
    if (i == primaryColumn) {
      return RoadClass.PRIMARY;
    }
    return i % 10 == 5 ? RoadClass.SECONDARY : i % 5 == 0 ? RoadClass.TERTIARY : RoadClass.RESIDENTIAL;
  }

  private String rowName(int j) {
    if (j == trunkRow) {
      return "国道1号";
    }
    return lineName(rowClass(j), j, 0);
  }

  private String columnName(int i) {
    if (i == primaryColumn) {
      return "国道414号";
    }
    return lineName(columnClass(i), i, 5);
  }

  private static String lineName(RoadClass c, int index, int offset) {
    return switch (c) {
      case SECONDARY -> SECONDARY_NAMES[(index / 10 + offset) % SECONDARY_NAMES.length];
      case TERTIARY -> (index / 5) % 3 == 2 ? null : TERTIARY_NAMES[(index / 5 + offset * 2) % TERTIARY_NAMES.length];
      default -> null;
    };
  }

  private void edge(int a, int b, RoadClass cls, String name, String line, boolean onewayRow) {
    if (a < 0 || b < 0) {
      return;
    }
    double roll = r.nextDouble();
    double midX = (net.x(a) + net.x(b)) / 2, midY = (net.y(a) + net.y(b)) / 2;
    double ele = (net.ele(a) + net.ele(b)) / 2;
    double urb = geo.urbanity(midX, midY, ele);
    if (cls == RoadClass.RESIDENTIAL) {
      double keep = (0.55 + 0.4 * urb) * (ele > 100 ? 0.6 : 1.0);
      if (roll > keep) {
        return;
      }
    }
    if (touchesSea(a, b)) {
      return;
    }
    List<Crossing> crossings = crossings(a, b);
    double bridgeRoll = r.nextDouble();
    if (crossings.size() > 1) {
      return;
    }
    boolean oneway = onewayRow && cls == RoadClass.RESIDENTIAL && urb > 0.6;
    if (crossings.size() == 1) {
      if (!(cls.arterial() && cls != RoadClass.RESIDENTIAL) && bridgeRoll > 0.15) {
        return;
      }
      bridge(a, b, cls, name, line, oneway, crossings.get(0));
      return;
    }
    if (nearRiver(net.x(a), net.y(a), net.x(b), net.y(b))) {
      return;
    }
    RoadClass c = cls;
    double len = Math.hypot(net.x(b) - net.x(a), net.y(b) - net.y(a));
    double grade = (net.ele(b) - net.ele(a)) / len;
    String incline = null;
    if (Math.abs(grade) >= 0.08) {
      incline = Math.round(grade * 100) + "%";
      if (cls == RoadClass.RESIDENTIAL && !oneway && Math.abs(grade) >= 0.10) {
        double hill = r.nextDouble();
        if (hill < 0.2 && Math.abs(grade) >= 0.13) {
          c = RoadClass.STEPS;
          incline = grade > 0 ? "up" : "down";
        } else if (hill < 0.55) {
          c = RoadClass.FOOTWAY;
        }
      }
    }
    pieces.add(new Piece(a, b, c, tags(c, c.car ? name : null, oneway, false, incline), line));
  }

  private void bridge(int a, int b, RoadClass cls, String name, String line, boolean oneway, Crossing x) {
    River river = geo.rivers.get(x.river());
    double ax = net.x(a), ay = net.y(a), bx = net.x(b), by = net.y(b);
    double len = Math.hypot(bx - ax, by - ay);
    double dx = (bx - ax) / len, dy = (by - ay) / len;
    // the bridge reaches from dry bank to dry bank, however obliquely the road meets the river
    double ta = x.at().distance(new Coordinate(ax, ay)), tb = x.at().distance(new Coordinate(bx, by));
    double da = reach(x.at(), -dx, -dy, river.width() / 2 + 10, ta);
    double db = reach(x.at(), dx, dy, river.width() / 2 + 10, tb);
    int b1 = a, b2 = b;
    if (ta - da > 5) {
      double px = x.at().x - dx * da, py = x.at().y - dy * da;
      b1 = net.addNode(px, py, geo.elevation(px, py));
      pieces.add(new Piece(a, b1, cls, tags(cls, name, oneway, false, null), line));
    }
    if (tb - db > 5) {
      double px = x.at().x + dx * db, py = x.at().y + dy * db;
      b2 = net.addNode(px, py, geo.elevation(px, py));
    }
    int n = bridgesPerRiver.merge(x.river(), 1, Integer::sum);
    String bridgeName = x.river() == 0 && n <= KANO_BRIDGES.length ? KANO_BRIDGES[n - 1] : river.name().replace("川", "") + n + "号橋";
    pieces.add(new Piece(b1, b2, cls, tags(cls, bridgeName, oneway, true, null), line));
    if (b2 != b) {
      pieces.add(new Piece(b2, b, cls, tags(cls, name, oneway, false, null), line));
    }
  }

  /** How far from the crossing along (dx, dy) the ground is dry again (at least {@code min}, at most {@code max}). */
  private double reach(Coordinate at, double dx, double dy, double min, double max) {
    double t = min;
    while (t < max && geo.inRiver(at.x + dx * t, at.y + dy * t, 5)) {
      t += 5;
    }
    return Math.min(t, max);
  }

  private static Map<String, String> tags(RoadClass c, String name, boolean oneway, boolean bridge, String incline) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("highway", c.highway);
    if (name != null) {
      t.put("name", name);
    }
    if (c == RoadClass.TRUNK) {
      t.put("ref", "1");
      t.put("lanes", "4");
    } else if (c == RoadClass.PRIMARY) {
      t.put("ref", "414");
    }
    if (c.maxspeed != null) {
      t.put("maxspeed", c.maxspeed);
    }
    if (oneway) {
      t.put("oneway", "yes");
    }
    if (bridge) {
      t.put("bridge", "yes");
      t.put("layer", "1");
    }
    if (incline != null) {
      t.put("incline", incline);
    }
    return t;
  }

  private boolean touchesSea(int a, int b) {
    return sea.intersects(TownGeography.GF.createLineString(
        new Coordinate[] {new Coordinate(net.x(a), net.y(a)), new Coordinate(net.x(b), net.y(b))}));
  }

  private List<Crossing> crossings(int a, int b) {
    LineSegment s = new LineSegment(net.x(a), net.y(a), net.x(b), net.y(b));
    List<Crossing> out = new ArrayList<>();
    for (Object o : riverSegments.query(new Envelope(s.p0, s.p1))) {
      Object[] item = (Object[]) o;
      Coordinate at = s.intersection((LineSegment) item[0]);
      if (at != null) {
        out.add(new Crossing(at, (Integer) item[1]));
      }
    }
    return out;
  }

  private boolean nearRiver(double ax, double ay, double bx, double by) {
    LineSegment s = new LineSegment(ax, ay, bx, by);
    Envelope e = new Envelope(s.p0, s.p1);
    e.expandBy(60);
    for (Object o : riverSegments.query(e)) {
      Object[] item = (Object[]) o;
      if (s.distance((LineSegment) item[0]) < geo.rivers.get((Integer) item[1]).width() / 2 + 8) {
        return true;
      }
    }
    return false;
  }

  private void addDiagonalsAndSpurs() {
    int spurs = 0;
    for (int j = 0; j + 1 < ny; j++) {
      for (int i = 0; i + 1 < nx; i++) {
        double roll = r.nextDouble();
        int a = node(i, j);
        if (roll < 0.025) {
          diagonal(a, node(i + 1, j + 1), RoadClass.RESIDENTIAL, "d" + j + "_" + i);
        } else if (roll < 0.05) {
          diagonal(node(i + 1, j), node(i, j + 1), RoadClass.FOOTWAY, "d" + j + "_" + i);
        }
        if (a >= 0 && r.nextDouble() < 0.02 + 0.06 * geo.urbanity(net.x(a), net.y(a), net.ele(a))) {
          double angle = Math.PI / 4 + (r.nextInt(4) * Math.PI / 2);
          double len = 45 + 35 * r.nextDouble();
          double ex = net.x(a) + len * Math.cos(angle), ey = net.y(a) + len * Math.sin(angle);
          if (geo.isDryLand(ex, ey, 14) && !nearRiver(net.x(a), net.y(a), ex, ey)) {
            int end = net.addNode(ex, ey, geo.elevation(ex, ey));
            if (!touchesSea(a, end)) {
              pieces.add(new Piece(a, end, RoadClass.SERVICE, tags(RoadClass.SERVICE, null, false, false, null), "s" + spurs++));
            }
          }
        }
      }
    }
  }

  private void diagonal(int a, int b, RoadClass cls, String line) {
    if (a < 0 || b < 0 || touchesSea(a, b) || !crossings(a, b).isEmpty()
        || nearRiver(net.x(a), net.y(a), net.x(b), net.y(b))) {
      return;
    }
    double len = Math.hypot(net.x(b) - net.x(a), net.y(b) - net.y(a));
    double grade = (net.ele(b) - net.ele(a)) / len;
    String incline = Math.abs(grade) >= 0.08 ? Math.round(grade * 100) + "%" : null;
    pieces.add(new Piece(a, b, cls, tags(cls, null, false, false, incline), line));
  }

  /** The pieces of the largest network connected by car, and the footways and steps between its nodes. */
  private List<Piece> largestCarNetwork() {
    int[] parent = new int[net.nodeCount()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (Piece p : pieces) {
      if (p.cls().car) {
        parent[find(parent, p.from())] = find(parent, p.to());
      }
    }
    int[] size = new int[parent.length];
    boolean[] onCarRoad = new boolean[parent.length];
    for (Piece p : pieces) {
      if (p.cls().car) {
        onCarRoad[p.from()] = true;
        onCarRoad[p.to()] = true;
      }
    }
    int best = -1;
    for (int i = 0; i < parent.length; i++) {
      if (onCarRoad[i]) {
        int root = find(parent, i);
        if (++size[root] > (best < 0 ? 0 : size[best])) {
          best = root;
        }
      }
    }
    List<Piece> kept = new ArrayList<>();
    for (Piece p : pieces) {
      boolean inMain = onCarRoad[p.from()] && onCarRoad[p.to()]
          && find(parent, p.from()) == best && find(parent, p.to()) == best;
      if (inMain) {
        kept.add(p);
      }
    }
    return kept;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Joins consecutive pieces of one grid line with the same tags into one way. */
  private void writeWays(List<Piece> kept) {
    List<Integer> nodes = new ArrayList<>();
    Piece prev = null;
    for (Piece p : kept) {
      boolean continues = prev != null && prev.line().equals(p.line()) && prev.to() == p.from()
          && prev.tags().equals(p.tags());
      if (!continues) {
        flush(nodes, prev);
        nodes.add(p.from());
      }
      nodes.add(p.to());
      prev = p;
    }
    flush(nodes, prev);
  }

  private void flush(List<Integer> nodes, Piece last) {
    if (last != null && nodes.size() >= 2) {
      net.addWay(nodes.stream().mapToInt(Integer::intValue).toArray(), last.tags());
    }
    nodes.clear();
  }

  private HomeSampler homeSampler(List<Piece> kept) {
    double[] segs = new double[kept.size() * 4];
    double[] weights = new double[kept.size()];
    int n = 0;
    for (Piece p : kept) {
      if (!p.cls().car || p.tags().containsKey("bridge")) {
        continue;
      }
      double x1 = net.x(p.from()), y1 = net.y(p.from()), x2 = net.x(p.to()), y2 = net.y(p.to());
      double len = Math.hypot(x2 - x1, y2 - y1);
      double ele = (net.ele(p.from()) + net.ele(p.to())) / 2;
      segs[4 * n] = x1;
      segs[4 * n + 1] = y1;
      segs[4 * n + 2] = x2;
      segs[4 * n + 3] = y2;
      double u = geo.urbanity((x1 + x2) / 2, (y1 + y2) / 2, ele);
      weights[n++] = len * p.cls().homeWeight * u * u;
    }
    return new HomeSampler(geo, segs, weights, n);
  }

  private void addWater() {
    for (River rv : geo.rivers) {
      Map<String, String> t = new LinkedHashMap<>();
      t.put("waterway", "river");
      t.put("name", rv.name());
      t.put("width", Long.toString(Math.round(rv.width())));
      net.addWay(lineNodes(rv.line()), t);
    }
    Map<String, String> t = new LinkedHashMap<>();
    t.put("natural", "coastline");
    net.addWay(lineNodes(geo.coast), t);
  }

  private int[] lineNodes(LineString line) {
    Coordinate[] cs = line.getCoordinates();
    int[] ids = new int[cs.length];
    for (int i = 0; i < cs.length; i++) {
      ids[i] = net.addNode(cs[i].x, cs[i].y, i == 0 || i == cs.length - 1 ? 0.5 : Math.max(0.5, geo.elevation(cs[i].x, cs[i].y)));
    }
    return ids;
  }
}
