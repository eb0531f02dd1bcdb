package io.mimamori.routing.search;

import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import io.mimamori.routing.GeoPoint;
import java.util.List;

/** The shapes of road segments, whole or cut at points along them, appended to a route's points. */
final class EdgeGeometry {

  private EdgeGeometry() {}

  /** Appends segment {@code edge} travelled towards {@code toNode}, without its first point. */
  static void appendWhole(BaseGraph g, int edge, int toNode, List<GeoPoint> out) {
    PointList pts = g.getEdgeIteratorState(edge, toNode).fetchWayGeometry(FetchMode.ALL);
    for (int i = 1; i < pts.size(); i++) {
      out.add(GeoPoint.ofLatLon(pts.getLat(i), pts.getLon(i)));
    }
  }

  /**
   * Appends the part of segment {@code edge} (in GraphHopper's orientation) between {@code from}
   * and {@code to} metres along its geometry, in the order travelled; the first point only when
   * {@code out} is empty.
   */
  static void appendPart(BaseGraph g, int edge, double from, double to, List<GeoPoint> out) {
    PointList pts = g.getEdgeIteratorState(edge, Integer.MIN_VALUE).fetchWayGeometry(FetchMode.ALL);
    double[] cum = Endpoint.cumulative(pts);
    boolean forward = to >= from;
    double lo = Math.min(from, to), hi = Math.max(from, to);
    List<GeoPoint> part = new java.util.ArrayList<>();
    part.add(at(pts, cum, lo));
    for (int i = 0; i < pts.size(); i++) {
      if (cum[i] > lo && cum[i] < hi) {
        part.add(GeoPoint.ofLatLon(pts.getLat(i), pts.getLon(i)));
      }
    }
    part.add(at(pts, cum, hi));
    if (!forward) {
      java.util.Collections.reverse(part);
    }
    for (int i = out.isEmpty() ? 0 : 1; i < part.size(); i++) {
      out.add(part.get(i));
    }
  }

  private static GeoPoint at(PointList pts, double[] cum, double along) {
    int n = pts.size();
    if (along <= 0 || n == 1) {
      return GeoPoint.ofLatLon(pts.getLat(0), pts.getLon(0));
    }
    for (int i = 1; i < n; i++) {
      if (cum[i] >= along) {
        double seg = cum[i] - cum[i - 1];
        double t = seg > 0 ? (along - cum[i - 1]) / seg : 0;
        return GeoPoint.ofLatLon(pts.getLat(i - 1) + t * (pts.getLat(i) - pts.getLat(i - 1)),
            pts.getLon(i - 1) + t * (pts.getLon(i) - pts.getLon(i - 1)));
      }
    }
    return GeoPoint.ofLatLon(pts.getLat(n - 1), pts.getLon(n - 1));
  }
}
