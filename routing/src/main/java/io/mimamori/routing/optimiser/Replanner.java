package io.mimamori.routing.optimiser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Re-plans during operations: some tasks are done or cancelled, new ones (a new urgent case) have
 * come in, and the teams are somewhere along their routes. The remaining work is planned again from
 * each team's current position and time, starting from the previous routes, with a penalty for
 * each task taken away from the team it was planned for, so a supporter is not sent elsewhere
 * without a gain worth the confusion.
 *
 * <p>The new travel times must answer for the old location indices (tasks keep theirs) and for the
 * teams' current positions (new indices, appended).
 */
public final class Replanner {

  private Replanner() {}

  /**
   * Where a team is now and when it can take its next task (after finishing the visit it is at).
   *
   * @param location index in the new travel times
   */
  public record TeamState(String teamId, int location, double availableFrom) {}

  /**
   * @param teams where each team is now; teams not listed keep their planned start and shift;
   *     teams of the previous problem that are absent from the list... are kept too
   * @param finished ids of tasks done or cancelled since the previous plan
   * @param added new tasks (their locations index the new travel times)
   * @param reassignPenaltySeconds cost of moving a planned task to another team
   */
  public record Changes(
      List<TeamState> teams, Set<String> finished, List<Task> added, double reassignPenaltySeconds) {
    public Changes {
      teams = List.copyOf(teams);
      finished = Set.copyOf(finished);
      added = List.copyOf(added);
    }
  }

  /** The problem to solve now, and the previous routes (new task indices) to start from. */
  public record Replan(RoutingProblem problem, int[][] initialRoutes) {}

  public static Replan prepare(RoutingProblem previous, Solution plan, TravelTimes now, Changes changes) {
    Objects.requireNonNull(now, "now");
    Map<String, Task> remaining = new java.util.LinkedHashMap<>();
    for (Task t : previous.tasks()) {
      if (!changes.finished().contains(t.id())) {
        remaining.put(t.id(), t);
      }
    }
    for (Task t : changes.added()) {
      if (remaining.containsKey(t.id())) {
        throw new IllegalArgumentException("added task " + t.id() + " is already planned");
      }
      remaining.put(t.id(), t);
    }
    List<Task> tasks = new ArrayList<>(remaining.values());
    Map<String, Integer> newIndex = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      newIndex.put(tasks.get(i).id(), i);
    }
    Map<String, TeamState> states = new HashMap<>();
    for (TeamState s : changes.teams()) {
      states.put(s.teamId(), s);
    }
    List<Team> teams = new ArrayList<>();
    for (Team t : previous.teams()) {
      TeamState s = states.get(t.id());
      if (s == null) {
        teams.add(t);
        continue;
      }
      double from = Math.max(t.shift().earliest(), s.availableFrom());
      if (from > t.shift().latest()) {
        from = t.shift().latest();
      }
      teams.add(new Team(t.id(), s.location(), t.end(), TimeWindow.of(from, t.shift().latest()), t.skills(),
          t.size(), t.capacity()));
    }
    Map<String, String> previousTeam = new HashMap<>();
    int[][] initial = new int[teams.size()][];
    for (int r = 0; r < plan.routes().size() && r < teams.size(); r++) {
      PlannedRoute route = plan.routes().get(r);
      List<Integer> order = new ArrayList<>();
      for (Visit v : route.visits()) {
        Integer i = newIndex.get(v.taskId());
        if (i != null) {
          order.add(i);
          previousTeam.put(v.taskId(), route.teamId());
        }
      }
      initial[r] = order.stream().mapToInt(Integer::intValue).toArray();
    }
    for (int r = 0; r < initial.length; r++) {
      if (initial[r] == null) {
        initial[r] = new int[0];
      }
    }
    Objective objective = new Objective(previous.objective().minimiseTeams(), previousTeam,
        changes.reassignPenaltySeconds());
    return new Replan(new RoutingProblem(now, tasks, teams, objective), initial);
  }

  /** Prepares and starts the new plan as a job, from the previous routes. */
  public static OptimisationJob start(RoutingProblem previous, Solution plan, TravelTimes now, Changes changes,
      SolverSettings settings, java.util.function.Consumer<Progress> onProgress) {
    Replan replan = prepare(previous, plan, now, changes);
    return OptimisationJob.start(replan.problem(), settings, replan.initialRoutes(), onProgress);
  }
}
