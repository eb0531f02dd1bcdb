package io.mimamori.routing.optimiser;

import java.util.List;

/**
 * One team's route: visits in order, when it sets out, when it reaches its end (or finishes its
 * last visit, for a team without an end), and the travel seconds it takes. A team with no visits
 * stays home: its route is empty and its travel 0.
 */
public record PlannedRoute(
    String teamId, int teamIndex, List<Visit> visits, double departure, double finish, double travelSeconds) {

  public PlannedRoute {
    visits = List.copyOf(visits);
  }

  public boolean isUsed() {
    return !visits.isEmpty();
  }
}
