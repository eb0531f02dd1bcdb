package io.mimamori.routing.search;

import io.mimamori.routing.CrossedZone;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.Route;
import io.mimamori.routing.RouterSettings;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.graph.RoadGraph;
import io.mimamori.routing.hazard.ActiveHazards;
import io.mimamori.routing.hazard.HazardArea;
import java.util.ArrayList;
import java.util.List;

/**
 * One route between two points (use {@code HazardAwareRouter}). The route leaves the start's
 * blocking areas (if any) inside them, crosses the clean network, and enters the end's blocking
 * areas (if any) inside them; it is the least weight such way, found by Dijkstra seeded with the
 * start's zone tree and stopped as soon as no better meeting with the end's zone tree can come.
 */
public final class RouteSearch {

  private RouteSearch() {}

  public static Route route(RoadGraph graph, ActiveHazards hazards, RouterSettings settings, SpacePool pool,
      TravelProfile profile, GeoPoint from, GeoPoint to) {
    SearchContext ctx = new SearchContext(graph, profile, hazards, settings);
    Endpoint p = ctx.snap(from);
    Endpoint q = ctx.snap(to);
    if (!p.onNetwork) {
      return Route.none(Route.Status.FROM_OFF_NETWORK, profile, from, to, p.snapMetres, q.snapMetres);
    }
    if (!q.onNetwork) {
      return Route.none(Route.Status.TO_OFF_NETWORK, profile, from, to, p.snapMetres, q.snapMetres);
    }
    SearchSpace exit = pool.take(), entry = pool.take(), main = pool.take();
    try {
      return search(ctx, p, q, exit, entry, main);
    } finally {
      pool.give(exit);
      pool.give(entry);
      pool.give(main);
    }
  }

  private static Route search(SearchContext ctx, Endpoint p, Endpoint q, SearchSpace exit, SearchSpace entry,
      SearchSpace main) {
    double exposure = ctx.settings.exposureFactor();
    ZoneTree.grow(exit, ctx.net, ctx.costs, ctx.combos, p, true, exposure);
    ZoneTree.grow(entry, ctx.net, ctx.costs, ctx.combos, q, false, exposure);
    main.reset();
    for (int i = 0; i < exit.settledCount(); i++) {
      int v = exit.settledNode(i);
      main.seed(v, exit.weight[v], exit.seconds[v], exit.metres[v]);
    }
    double[] direct = Endpoint.direct(p, q);
    double[] best = {direct != null ? direct[0] : Double.POSITIVE_INFINITY};
    int[] bestNode = {-1};
    main.run(ctx.net, ctx.costs, true, ctx.combos, null, 1, (node, w) -> {
      if (w >= best[0]) {
        return true;
      }
      if (entry.labelled(node)) {
        double t = w + entry.weight[node];
        if (t < best[0]) {
          best[0] = t;
          bestNode[0] = node;
        }
      }
      return false;
    });
    if (best[0] == Double.POSITIVE_INFINITY) {
      return Route.none(Route.Status.UNREACHABLE, ctx.profile, p.point, q.point, p.snapMetres, q.snapMetres);
    }
    List<GeoPoint> points = new ArrayList<>();
    double seconds, metres;
    if (bestNode[0] < 0) {
      EdgeGeometry.appendPart(ctx.graph.baseGraph(), p.edge, p.along, q.along, points);
      seconds = direct[1];
      metres = direct[2];
    } else {
      int v = bestNode[0];
      seconds = main.seconds[v] + entry.seconds[v];
      metres = main.metres[v] + entry.metres[v];
      points = geometry(ctx, p, q, exit, main, entry, v);
    }
    return new Route(Route.Status.FOUND, ctx.profile, p.point, q.point, points, metres, seconds,
        zones(ctx.hazards, p.point, q.point, points), p.snapMetres, q.snapMetres);
  }

  /** Start partial, exit tree, clean part, entry tree, end partial. */
  private static List<GeoPoint> geometry(SearchContext ctx, Endpoint p, Endpoint q, SearchSpace exit,
      SearchSpace main, SearchSpace entry, int meet) {
    // nodes and edges in travel order: [exit root .. seed] [seed .. meet] [meet .. entry root]
    List<int[]> steps = new ArrayList<>();
    int seed = meet;
    List<int[]> mainRev = new ArrayList<>();
    while (main.parentNode[seed] >= 0) {
      mainRev.add(new int[] {main.parentEdge[seed], main.parentNode[seed], seed});
      seed = main.parentNode[seed];
    }
    List<int[]> exitRev = new ArrayList<>();
    int root = seed;
    while (exit.parentNode[root] >= 0) {
      exitRev.add(new int[] {exit.parentEdge[root], exit.parentNode[root], root});
      root = exit.parentNode[root];
    }
    for (int i = exitRev.size() - 1; i >= 0; i--) {
      steps.add(exitRev.get(i));
    }
    for (int i = mainRev.size() - 1; i >= 0; i--) {
      steps.add(mainRev.get(i));
    }
    int end = meet;
    while (entry.parentNode[end] >= 0) {
      steps.add(new int[] {entry.parentEdge[end], end, entry.parentNode[end]});
      end = entry.parentNode[end];
    }
    List<GeoPoint> points = new ArrayList<>();
    var g = ctx.graph.baseGraph();
    EdgeGeometry.appendPart(g, p.edge, p.along, root == p.a ? 0 : totalAlong(ctx, p.edge), points);
    for (int[] s : steps) {
      EdgeGeometry.appendWhole(g, s[0], s[2], points);
    }
    EdgeGeometry.appendPart(g, q.edge, end == q.a ? 0 : totalAlong(ctx, q.edge), q.along, points);
    return points;
  }

  private static double totalAlong(SearchContext ctx, int edge) {
    var pts = ctx.graph.baseGraph().getEdgeIteratorState(edge, Integer.MIN_VALUE)
        .fetchWayGeometry(com.graphhopper.util.FetchMode.ALL);
    double[] c = Endpoint.cumulative(pts);
    return c[c.length - 1];
  }

  static List<CrossedZone> zones(ActiveHazards hazards, GeoPoint from, GeoPoint to, List<GeoPoint> points) {
    if (hazards.areas().isEmpty() || points.isEmpty()) {
      return List.of();
    }
    org.locationtech.jts.geom.Coordinate[] cs = new org.locationtech.jts.geom.Coordinate[Math.max(2, points.size())];
    for (int i = 0; i < points.size(); i++) {
      cs[i] = new org.locationtech.jts.geom.Coordinate(points.get(i).lon(), points.get(i).lat());
    }
    if (points.size() == 1) {
      cs[1] = cs[0];
    }
    int fromZone = hazards.zoneContaining(from), toZone = hazards.zoneContaining(to);
    List<CrossedZone> out = new ArrayList<>();
    for (int i : hazards.indicesCrossedBy(ActiveHazards.GEOMETRY.createLineString(cs))) {
      HazardArea a = hazards.areas().get(i);
      int z = hazards.zoneOfArea(i);
      out.add(new CrossedZone(a.id(), a.label(), a.blocks(),
          hazards.contains(i, from) || (z >= 0 && z == fromZone), hazards.contains(i, to) || (z >= 0 && z == toZone)));
    }
    return out;
  }
}
