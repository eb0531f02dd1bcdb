package io.mimamori.server.dispatch;

import io.mimamori.layers.dispatch.PublishedRouteStore;
import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.routing.optimiser.PlannedRoute;
import io.mimamori.routing.optimiser.Visit;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a plan: for every team, the next revision of its supporter's route in the emergency
 * (road geometry, stops in visiting order with planned arrival times), which assigns the route's
 * checks to the supporter and releases the checks an earlier revision gave them that this one
 * drops. A team with no visits gets an empty route, releasing what it held. One transaction per
 * team ({@link PublishedRouteStore#publish}).
 */
public final class PlanPublisher {

  private PlanPublisher() {}

  /**
   * @throws IllegalArgumentException when the emergency has ended (nothing is published then: it
   *     is checked before the first team)
   */
  public static List<PublishedRouteStore.PublishedRoute> publish(DispatchPlan plan, HazardAwareRouter router,
      PublishedRouteStore store, long publishedBy) throws SQLException {
    List<PublishedRouteStore.PublishedRoute> out = new ArrayList<>();
    DispatchInput in = plan.input();
    for (int r = 0; r < plan.solution().routes().size(); r++) {
      PlannedRoute route = plan.solution().routes().get(r);
      List<PublishedRouteStore.Stop> stops = new ArrayList<>();
      for (Visit v : route.visits()) {
        stops.add(new PublishedRouteStore.Stop(plan.task(v.taskIndex()).checkId(), in.at(v.arrival())));
      }
      String wkt = PlanGeometry.wkt(PlanGeometry.route(plan, r, router));
      long supporter = in.teams().get(route.teamId()).supporterId();
      out.add(store.publish(in.emergencyId(), supporter, in.profile().code(), wkt, stops, publishedBy));
    }
    return out;
  }
}
