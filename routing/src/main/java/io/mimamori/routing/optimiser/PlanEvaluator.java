package io.mimamori.routing.optimiser;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Solution} from routes given as task indices per team, with the times and
 * objective worked out from the problem, whether or not the routes keep the rules: the dispatcher
 * moves a task by hand, sees the new times, and {@link SolutionChecker} says what (if anything)
 * the move breaks. Tasks on no route are left out with the reason that applies.
 */
public final class PlanEvaluator {

  private PlanEvaluator() {}

  /** @param taskOrder one array per team, in the problem's team order (missing arrays: no visits) */
  public static Solution evaluate(RoutingProblem problem, int[][] taskOrder) {
    List<Task> tasks = problem.tasks();
    List<Team> teams = problem.teams();
    TravelTimes tt = problem.travelTimes();
    boolean[] served = new boolean[tasks.size()];
    List<PlannedRoute> routes = new ArrayList<>();
    long priority = 0;
    int used = 0;
    double travel = 0;
    double cost = 0;
    for (int r = 0; r < teams.size(); r++) {
      Team team = teams.get(r);
      int[] order = r < taskOrder.length && taskOrder[r] != null ? taskOrder[r] : new int[0];
      List<Visit> visits = new ArrayList<>();
      double t = team.shift().earliest();
      int at = team.start();
      double routeTravel = 0;
      for (int i : order) {
        Task task = tasks.get(i);
        served[i] = true;
        double leg = tt.seconds(at, task.location());
        routeTravel += leg;
        double arrival = t + leg;
        double start = Math.max(arrival, task.window().earliest());
        t = start + task.serviceSeconds();
        visits.add(new Visit(task.id(), i, arrival, start, t));
        at = task.location();
        priority += task.priority();
        String previous = problem.objective().previousTeam().get(task.id());
        if (previous != null && !previous.equals(team.id())) {
          cost += problem.objective().reassignPenaltySeconds();
        }
      }
      if (order.length > 0) {
        used++;
        if (team.end() != Team.NO_END) {
          double leg = tt.seconds(at, team.end());
          routeTravel += leg;
          t += leg;
        }
      }
      travel += routeTravel;
      routes.add(new PlannedRoute(team.id(), r, visits, team.shift().earliest(), t, routeTravel));
    }
    List<LeftOut> out = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      if (!served[i]) {
        out.add(new LeftOut(tasks.get(i).id(), i, reason(problem, tasks.get(i))));
      }
    }
    return new Solution(routes, out, priority, used, travel, travel + cost);
  }

  /** Why a task no route serves is left out (see {@link LeftOut.Reason} for the order). */
  public static LeftOut.Reason reason(RoutingProblem problem, Task task) {
    List<Team> teams = problem.teams();
    if (teams.stream().noneMatch(t -> t.skills().containsAll(task.skills()))) {
      return LeftOut.Reason.NO_TEAM_WITH_SKILLS;
    }
    if (teams.stream().noneMatch(t -> t.size() >= task.peopleNeeded())) {
      return LeftOut.Reason.NO_TEAM_LARGE_ENOUGH;
    }
    if (teams.stream().noneMatch(t -> t.capacity() >= task.demand())) {
      return LeftOut.Reason.NO_TEAM_WITH_CAPACITY;
    }
    TravelTimes tt = problem.travelTimes();
    for (Team team : teams) {
      if (!team.canServe(task)) {
        continue;
      }
      double start = Math.max(team.shift().earliest() + tt.seconds(team.start(), task.location()),
          task.window().earliest());
      double end = start + task.serviceSeconds()
          + (team.end() == Team.NO_END ? 0 : tt.seconds(task.location(), team.end()));
      if (start <= task.window().latest() && end <= team.shift().latest()) {
        return LeftOut.Reason.NO_TIME_LEFT;
      }
    }
    return LeftOut.Reason.OUT_OF_REACH_IN_TIME;
  }
}
