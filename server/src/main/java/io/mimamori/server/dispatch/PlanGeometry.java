package io.mimamori.server.dispatch;

import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.routing.Route;
import io.mimamori.routing.hazard.ActiveHazards;
import io.mimamori.routing.optimiser.PlannedRoute;
import io.mimamori.routing.optimiser.Team;
import io.mimamori.routing.optimiser.Visit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The roads of a team's route: from its start through each visit to its end, one road route per
 * leg with the roads blocked now, the exact points (homes, the team's start) joined to the road at
 * both ends of every leg. A leg with no road route (blocked since the plan was made) is drawn
 * straight. Legs are remembered in the plan's {@link DispatchInput#legs()} until the blocked set
 * changes.
 */
public final class PlanGeometry {

  /** A leg's points and the blocked set it was drawn with. */
  public record Leg(ActiveHazards drawnWith, List<GeoPoint> points) {}

  private PlanGeometry() {}

  /** The points of route {@code r} of the plan's solution; empty for a team that stays. */
  public static List<GeoPoint> route(DispatchPlan plan, int r, HazardAwareRouter router) {
    PlannedRoute route = plan.solution().routes().get(r);
    if (route.visits().isEmpty()) {
      return List.of();
    }
    Team team = plan.problem().teams().get(r);
    List<Integer> stops = new ArrayList<>();
    stops.add(team.start());
    for (Visit v : route.visits()) {
      stops.add(plan.problem().tasks().get(v.taskIndex()).location());
    }
    if (team.end() != Team.NO_END) {
      stops.add(team.end());
    }
    List<GeoPoint> out = new ArrayList<>();
    for (int i = 1; i < stops.size(); i++) {
      List<GeoPoint> leg = leg(plan.input(), stops.get(i - 1), stops.get(i), router);
      for (GeoPoint p : leg) {
        if (out.isEmpty() || !out.get(out.size() - 1).equals(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** The route as well-known text (lon lat), or null when it has fewer than two distinct points. */
  public static String wkt(List<GeoPoint> points) {
    if (points.size() < 2) {
      return null;
    }
    StringBuilder b = new StringBuilder("LINESTRING(");
    for (int i = 0; i < points.size(); i++) {
      b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.7f %.7f", points.get(i).lon(), points.get(i).lat()));
    }
    return b.append(')').toString();
  }

  private static List<GeoPoint> leg(DispatchInput input, int from, int to, HazardAwareRouter router) {
    if (from == to) {
      return List.of(input.point(from));
    }
    ActiveHazards now = router.hazards();
    long key = ((long) from << 32) | (to & 0xffffffffL);
    Leg known = input.legs().get(key);
    if (known != null && known.drawnWith() == now) {
      return known.points();
    }
    GeoPoint a = input.point(from), b = input.point(to);
    Route road = router.route(input.profile(), a, b);
    List<GeoPoint> pts = new ArrayList<>();
    pts.add(a);
    if (road.found()) {
      pts.addAll(road.points());
    }
    pts.add(b);
    List<GeoPoint> kept = List.copyOf(pts);
    input.legs().put(key, new Leg(now, kept));
    return kept;
  }
}
