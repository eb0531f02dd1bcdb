package io.mimamori.routing.optimiser;

import java.util.List;

/**
 * The optimiser's answer: one route per team (in the problem's team order, empty for teams that
 * stay), the tasks left out with a reason, and the objective's values. Every solution the
 * optimiser returns has passed {@link SolutionChecker}.
 *
 * @param priorityReached sum of the priorities of the tasks served
 * @param teamsUsed teams with at least one visit
 * @param travelSeconds total travel of all routes
 * @param cost travel plus reassignment penalties (what the objective minimises after priority)
 */
public record Solution(
    List<PlannedRoute> routes,
    List<LeftOut> leftOut,
    long priorityReached,
    int teamsUsed,
    double travelSeconds,
    double cost) {

  public Solution {
    routes = List.copyOf(routes);
    leftOut = List.copyOf(leftOut);
  }

  /** Task indices of each team's route, in the problem's team order. */
  public int[][] taskOrder() {
    int[][] out = new int[routes.size()][];
    for (int r = 0; r < out.length; r++) {
      out[r] = routes.get(r).visits().stream().mapToInt(Visit::taskIndex).toArray();
    }
    return out;
  }

  public int served() {
    return routes.stream().mapToInt(r -> r.visits().size()).sum();
  }
}
