package io.mimamori.routing.optimiser;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a solution against its problem, recomputing everything from the raw input (the tasks, the
 * teams and {@link TravelTimes#seconds}) and sharing no code with the solver: every task served at
 * most once and either served or left out with a reason that holds; skills, people and capacity;
 * arrival and start times (a team leaves at the start of its shift, waits when early, and must begin
 * each visit within its window and reach its end within its shift); and the reported priority,
 * teams used, travel and cost.
 *
 * <p>Limits (windows, shift ends) are met to within 1e-6 s, or one part in 10^9 for larger times;
 * reported figures must match the recomputed ones to within 1e-6, absolute or relative.
 */
public final class SolutionChecker {

  private SolutionChecker() {}

  public static CheckReport check(RoutingProblem problem, Solution solution) {
    List<String> v = new ArrayList<>();
    List<Task> tasks = problem.tasks();
    List<Team> teams = problem.teams();
    TravelTimes tt = problem.travelTimes();
    Objective objective = problem.objective();
    int[] servedBy = new int[tasks.size()];
    java.util.Arrays.fill(servedBy, -1);
    long priority = 0;
    int used = 0;
    double travel = 0;
    double penalties = 0;

    if (solution.routes().size() != teams.size()) {
      v.add("solution has " + solution.routes().size() + " routes for " + teams.size() + " teams");
    }
    for (int r = 0; r < Math.min(teams.size(), solution.routes().size()); r++) {
      Team team = teams.get(r);
      PlannedRoute route = solution.routes().get(r);
      String where = "team " + team.id();
      if (route.teamIndex() != r || !team.id().equals(route.teamId())) {
        v.add("route " + r + " names team " + route.teamId() + " (index " + route.teamIndex() + "), expected " + team.id());
      }
      if (route.visits().isEmpty()) {
        if (route.travelSeconds() != 0) {
          v.add(where + ": empty route reports travel " + route.travelSeconds());
        }
        continue;
      }
      used++;
      double t = team.shift().earliest();
      int at = team.start();
      double routeTravel = 0;
      long load = 0;
      if (!close(route.departure(), t)) {
        v.add(where + ": departure " + route.departure() + ", expected " + t);
      }
      for (Visit visit : route.visits()) {
        int i = visit.taskIndex();
        if (i < 0 || i >= tasks.size()) {
          v.add(where + ": visit to task index " + i + ", outside 0.." + (tasks.size() - 1));
          continue;
        }
        Task task = tasks.get(i);
        String what = where + ", task " + task.id();
        if (!task.id().equals(visit.taskId())) {
          v.add(what + ": visit names task " + visit.taskId());
        }
        if (servedBy[i] >= 0) {
          v.add(what + ": already served by team " + teams.get(servedBy[i]).id());
        }
        servedBy[i] = r;
        if (!team.skills().containsAll(task.skills())) {
          v.add(what + ": needs skills " + task.skills() + ", team has " + team.skills());
        }
        if (team.size() < task.peopleNeeded()) {
          v.add(what + ": needs " + task.peopleNeeded() + " people, team has " + team.size());
        }
        load += task.demand();
        double leg = tt.seconds(at, task.location());
        if (!Double.isFinite(leg)) {
          v.add(what + ": no way from location " + at + " to " + task.location());
        }
        routeTravel += leg;
        double arrival = t + leg;
        double start = Math.max(arrival, task.window().earliest());
        if (start > task.window().latest() + tol(task.window().latest())) {
          v.add(what + ": begins at " + start + ", after its window closes at " + task.window().latest());
        }
        if (!close(visit.arrival(), arrival) || !close(visit.start(), start)
            || !close(visit.departure(), start + task.serviceSeconds())) {
          v.add(what + ": reported times " + visit.arrival() + "/" + visit.start() + "/" + visit.departure()
              + ", recomputed " + arrival + "/" + start + "/" + (start + task.serviceSeconds()));
        }
        t = start + task.serviceSeconds();
        at = task.location();
        priority += task.priority();
        String previous = objective.previousTeam().get(task.id());
        if (previous != null && !previous.equals(team.id())) {
          penalties += objective.reassignPenaltySeconds();
        }
      }
      if (team.end() != Team.NO_END) {
        double leg = tt.seconds(at, team.end());
        if (!Double.isFinite(leg)) {
          v.add(where + ": no way from location " + at + " to its end " + team.end());
        }
        routeTravel += leg;
        t += leg;
      }
      if (t > team.shift().latest() + tol(team.shift().latest())) {
        v.add(where + ": finishes at " + t + ", after its shift ends at " + team.shift().latest());
      }
      if (!close(route.finish(), t)) {
        v.add(where + ": reported finish " + route.finish() + ", recomputed " + t);
      }
      if (load > team.capacity()) {
        v.add(where + ": carries " + load + ", capacity " + team.capacity());
      }
      if (!close(route.travelSeconds(), routeTravel)) {
        v.add(where + ": reported travel " + route.travelSeconds() + ", recomputed " + routeTravel);
      }
      travel += routeTravel;
    }

    boolean[] listed = new boolean[tasks.size()];
    for (LeftOut out : solution.leftOut()) {
      int i = out.taskIndex();
      if (i < 0 || i >= tasks.size()) {
        v.add("left-out task index " + i + " is outside 0.." + (tasks.size() - 1));
        continue;
      }
      Task task = tasks.get(i);
      if (!task.id().equals(out.taskId())) {
        v.add("left-out task index " + i + " names " + out.taskId() + ", expected " + task.id());
      }
      if (servedBy[i] >= 0) {
        v.add("task " + task.id() + " is both served and left out");
      }
      if (listed[i]) {
        v.add("task " + task.id() + " is left out twice");
      }
      listed[i] = true;
      String wrong = wrongReason(problem, task, out.reason());
      if (wrong != null) {
        v.add("task " + task.id() + " left out as " + out.reason() + ": " + wrong);
      }
    }
    for (int i = 0; i < tasks.size(); i++) {
      if (servedBy[i] < 0 && !listed[i]) {
        v.add("task " + tasks.get(i).id() + " is neither served nor left out");
      }
    }
    double cost = travel + penalties;
    if (solution.priorityReached() != priority) {
      v.add("reported priority " + solution.priorityReached() + ", recomputed " + priority);
    }
    if (solution.teamsUsed() != used) {
      v.add("reported teams used " + solution.teamsUsed() + ", recomputed " + used);
    }
    if (!close(solution.travelSeconds(), travel)) {
      v.add("reported travel " + solution.travelSeconds() + ", recomputed " + travel);
    }
    if (!close(solution.cost(), cost)) {
      v.add("reported cost " + solution.cost() + ", recomputed " + cost);
    }
    return new CheckReport(v, priority, used, travel, cost);
  }

  /** Null when the reason holds, else what contradicts it. */
  private static String wrongReason(RoutingProblem problem, Task task, LeftOut.Reason reason) {
    List<Team> teams = problem.teams();
    boolean skilled = teams.stream().anyMatch(t -> t.skills().containsAll(task.skills()));
    boolean large = teams.stream().anyMatch(t -> t.size() >= task.peopleNeeded());
    boolean roomy = teams.stream().anyMatch(t -> t.capacity() >= task.demand());
    boolean alone = teams.stream().anyMatch(t -> t.canServe(task) && aloneFits(problem, t, task));
    return switch (reason) {
      case NO_TEAM_WITH_SKILLS -> skilled ? "a team has the skills" : null;
      case NO_TEAM_LARGE_ENOUGH -> large ? "a team is large enough" : null;
      case NO_TEAM_WITH_CAPACITY -> roomy ? "a team has the capacity" : null;
      case OUT_OF_REACH_IN_TIME -> alone ? "a team could serve it alone in time" : null;
      case NO_TIME_LEFT -> alone ? null : "no team could serve it even alone";
    };
  }

  private static boolean aloneFits(RoutingProblem problem, Team team, Task task) {
    TravelTimes tt = problem.travelTimes();
    double arrival = team.shift().earliest() + tt.seconds(team.start(), task.location());
    double start = Math.max(arrival, task.window().earliest());
    if (!(start <= task.window().latest() + tol(task.window().latest()))) {
      return false;
    }
    double finish = start + task.serviceSeconds()
        + (team.end() == Team.NO_END ? 0 : tt.seconds(task.location(), team.end()));
    return finish <= team.shift().latest() + tol(team.shift().latest());
  }

  private static double tol(double x) {
    return Double.isInfinite(x) ? 0 : Math.max(1e-6, Math.abs(x) * 1e-9);
  }

  private static boolean close(double a, double b) {
    if (a == b) {
      return true;
    }
    return Math.abs(a - b) <= Math.max(1e-6, 1e-6 * Math.max(Math.abs(a), Math.abs(b)));
  }
}
