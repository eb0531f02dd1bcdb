package io.mimamori.routing.search;

import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.graph.ProfileCosts;
import io.mimamori.routing.graph.RoadGraph;
import io.mimamori.routing.graph.RoadNetwork;
import io.mimamori.routing.hazard.ActiveHazards;

/**
 * A point placed on the road graph for one profile and one set of hazards: the nearest road
 * segment the profile may use and, when the point is not inside a blocking area, that is not
 * blocked ("snapped out" of the zone); inside blocking areas it may also take segments blocked by
 * those areas only. The segment's end nodes are {@code a} (GraphHopper's base node) and {@code b};
 * {@code along} is how far along the segment's geometry from {@code a} the snapped point lies.
 */
final class Endpoint {

  static final int A = 0;
  static final int B = 1;

  final GeoPoint point;
  final boolean onNetwork;
  final double snapMetres;
  final GeoPoint snapped;
  final int edge;
  final int a;
  final int b;
  final double fraction;
  final double along;
  /** The zone (of touching blocking areas) containing the point, -1 when none does. */
  final int zone;
  /** Per combination, usable inside {@link #zone}; null when the point is in no zone. */
  final boolean[] inside;
  /** Whether the snapped segment is itself blocked (by areas containing the point). */
  final boolean edgeInside;
  // the whole segment: weight, seconds a -> b and b -> a, and its length
  final double wAB;
  final double wBA;
  final double sAB;
  final double sBA;
  final double edgeMetres;
  /** Leaving the point towards a and b: weight a, weight b, seconds a, seconds b, metres a, metres b. */
  final double[] leave;
  /** Arriving at the point from a and b, in the same order. */
  final double[] arrive;

  private Endpoint(GeoPoint point) {
    this.point = point;
    onNetwork = false;
    snapMetres = Double.NaN;
    snapped = null;
    edge = a = b = -1;
    fraction = along = 0;
    zone = -1;
    inside = null;
    edgeInside = false;
    wAB = wBA = sAB = sBA = edgeMetres = Double.POSITIVE_INFINITY;
    leave = arrive = new double[] {wAB, wAB, wAB, wAB, wAB, wAB};
  }

  private Endpoint(GeoPoint point, double snapMetres, GeoPoint snapped, int edge, int a, int b, double along,
      double geometryMetres, int zone, boolean[] inside, boolean edgeInside, double wAB, double wBA, double sAB,
      double sBA, double edgeMetres) {
    this.point = point;
    this.onNetwork = true;
    this.snapMetres = snapMetres;
    this.snapped = snapped;
    this.edge = edge;
    this.a = a;
    this.b = b;
    this.along = along;
    this.fraction = geometryMetres > 0 ? Math.min(1, Math.max(0, along / geometryMetres)) : 0;
    this.zone = zone;
    this.inside = inside;
    this.edgeInside = edgeInside;
    this.wAB = wAB;
    this.wBA = wBA;
    this.sAB = sAB;
    this.sBA = sBA;
    this.edgeMetres = edgeMetres;
    double f = fraction, g = 1 - fraction;
    // p -> a runs b -> a over the first part; p -> b runs a -> b over the rest
    leave = new double[] {part(f, wBA), part(g, wAB), part(f, sBA), part(g, sAB), f * edgeMetres, g * edgeMetres};
    arrive = new double[] {part(f, wAB), part(g, wBA), part(f, sAB), part(g, sBA), f * edgeMetres, g * edgeMetres};
  }

  /** A share of a cost; none of an impassable direction is free (the point is on the node). */
  private static double part(double share, double cost) {
    return share == 0 ? 0 : share * cost;
  }

  /**
   * Places {@code p} on the graph, or returns an endpoint off the network when no usable segment
   * lies within {@code maxSnapMetres}.
   */
  static Endpoint snap(RoadGraph g, ProfileCosts costs, ActiveHazards hazards, GeoPoint p, double maxSnapMetres,
      double exposure) {
    int zone = hazards.zoneContaining(p);
    boolean[] inside = hazards.usableInZone(zone);
    int[] combos = hazards.edgeCombos();
    Snap snap = g.locationIndex().findClosest(p.lat(), p.lon(), state -> {
      int e = state.getEdge();
      if (!costs.usable(e)) {
        return false;
      }
      if (combos == null || combos[e] == 0) {
        return true;
      }
      return inside != null && inside[combos[e]];
    });
    if (!snap.isValid() || snap.getQueryDistance() > maxSnapMetres) {
      return new Endpoint(p);
    }
    EdgeIteratorState closest = snap.getClosestEdge();
    int e = closest.getEdge();
    PointList pts = closest.fetchWayGeometry(FetchMode.ALL);
    double[] cumulative = cumulative(pts);
    double total = cumulative[cumulative.length - 1];
    int wi = snap.getWayIndex();
    double along = cumulative[Math.min(wi, cumulative.length - 1)];
    if (snap.getSnappedPosition() == Snap.Position.EDGE && wi + 1 < pts.size()) {
      along += DistanceCalcEarth.DIST_EARTH.calcDist(pts.getLat(wi), pts.getLon(wi), snap.getSnappedPoint().getLat(),
          snap.getSnappedPoint().getLon());
    }
    int a = closest.getBaseNode(), b = closest.getAdjNode();
    RoadNetwork net = g.network();
    int base = g.baseGraph().getEdgeIteratorState(e, Integer.MIN_VALUE).getBaseNode();
    if (base != a) {
      // keep GraphHopper's own orientation, so that two points on one segment agree
      int t = a;
      a = b;
      b = t;
      along = total - along;
    }
    int slot = net.slotAt(a, e);
    double factor = combos != null && combos[e] != 0 ? exposure : 1;
    GeoPoint snapped = GeoPoint.ofLatLon(snap.getSnappedPoint().getLat(), snap.getSnappedPoint().getLon());
    return new Endpoint(p, snap.getQueryDistance(), snapped, e, a, b, along, total, zone, inside, factor != 1,
        costs.weightOut()[slot] * factor, costs.weightIn()[slot] * factor, costs.secondsOut()[slot],
        costs.secondsIn()[slot], net.metres()[e]);
  }

  static double[] cumulative(PointList pts) {
    double[] c = new double[pts.size()];
    for (int i = 1; i < pts.size(); i++) {
      c[i] = c[i - 1]
          + DistanceCalcEarth.DIST_EARTH.calcDist(pts.getLat(i - 1), pts.getLon(i - 1), pts.getLat(i), pts.getLon(i));
    }
    return c;
  }

  /** Seeds a search leaving this point ({@code forward}) or arriving at it. */
  void seed(SearchSpace space, boolean forward) {
    if (!onNetwork) {
      return;
    }
    double[] x = forward ? leave : arrive;
    space.seed(a, x[0], x[2], x[4]);
    space.seed(b, x[1], x[3], x[5]);
  }

  /**
   * Weight, seconds and metres straight along the shared segment from {@code from} to {@code to},
   * or null when they are on different segments or the segment is one-way against it.
   */
  static double[] direct(Endpoint from, Endpoint to) {
    if (!from.onNetwork || !to.onNetwork || from.edge != to.edge) {
      return null;
    }
    double d = to.fraction - from.fraction;
    double w = d >= 0 ? d * from.wAB : -d * from.wBA;
    double s = d >= 0 ? d * from.sAB : -d * from.sBA;
    if (!Double.isFinite(w)) {
      return d == 0 ? new double[] {0, 0, 0} : null;
    }
    return new double[] {w, s, Math.abs(d) * from.edgeMetres};
  }
}
