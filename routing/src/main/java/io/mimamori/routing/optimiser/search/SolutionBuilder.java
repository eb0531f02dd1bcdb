package io.mimamori.routing.optimiser.search;

import io.mimamori.routing.optimiser.LeftOut;
import io.mimamori.routing.optimiser.PlannedRoute;
import io.mimamori.routing.optimiser.Solution;
import io.mimamori.routing.optimiser.Task;
import io.mimamori.routing.optimiser.Team;
import io.mimamori.routing.optimiser.Visit;
import java.util.ArrayList;
import java.util.List;

/** Turns a search state into the public {@link Solution}: visit times and reasons for left-out tasks. */
final class SolutionBuilder {

  private SolutionBuilder() {}

  static Solution build(CompiledProblem p, Working w) {
    w.refresh();
    List<Task> tasks = p.source.tasks();
    List<Team> teams = p.source.teams();
    List<PlannedRoute> routes = new ArrayList<>(p.m);
    long reached = 0;
    int used = 0;
    double travel = 0;
    double cost = 0;
    for (int r = 0; r < p.m; r++) {
      Route route = w.routes[r];
      List<Visit> visits = new ArrayList<>(route.size);
      double t = p.shiftStart[r];
      int at = p.startLoc[r];
      for (int i = 0; i < route.size; i++) {
        int u = route.tasks[i];
        double arrival = t + p.t(at, p.loc[u]);
        double start = Math.max(arrival, p.early[u]);
        t = start + p.service[u];
        visits.add(new Visit(tasks.get(u).id(), u, arrival, start, t));
        at = p.loc[u];
      }
      routes.add(new PlannedRoute(teams.get(r).id(), r, visits, p.shiftStart[r], route.finish,
          route.size == 0 ? 0 : route.travel));
      if (route.size > 0) {
        used++;
        reached += route.priority;
        travel += route.travel;
        cost += route.travel + route.penalty;
      }
    }
    List<LeftOut> out = new ArrayList<>();
    for (int u = 0; u < p.n; u++) {
      if (w.routeOf[u] < 0) {
        out.add(new LeftOut(tasks.get(u).id(), u, reason(p, u)));
      }
    }
    return new Solution(routes, out, reached, used, travel, cost);
  }

  static LeftOut.Reason reason(CompiledProblem p, int u) {
    boolean skills = false;
    boolean size = false;
    boolean room = false;
    boolean alone = false;
    for (int r = 0; r < p.m; r++) {
      skills |= (p.teamSkills[r] & p.skillMask[u]) == p.skillMask[u];
      size |= p.teamSize[r] >= p.people[u];
      room |= p.capacity[r] >= p.demand[u];
      alone |= p.reachableAlone(u, r);
    }
    if (!skills) {
      return LeftOut.Reason.NO_TEAM_WITH_SKILLS;
    }
    if (!size) {
      return LeftOut.Reason.NO_TEAM_LARGE_ENOUGH;
    }
    if (!room) {
      return LeftOut.Reason.NO_TEAM_WITH_CAPACITY;
    }
    return alone ? LeftOut.Reason.NO_TIME_LEFT : LeftOut.Reason.OUT_OF_REACH_IN_TIME;
  }
}
