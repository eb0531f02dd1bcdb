package io.mimamori.routing.optimiser;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Tasks to visit, teams to send, the travel times between their locations, and the objective. Not
 * every task must be served: when time is short the optimiser leaves out what fits least, lowest
 * priority first. Hard limits, never broken: task windows, team shifts, skills, people needed and
 * capacity.
 */
public record RoutingProblem(
    TravelTimes travelTimes, List<Task> tasks, List<Team> teams, Objective objective) {

  public RoutingProblem {
    Objects.requireNonNull(travelTimes, "travelTimes");
    Objects.requireNonNull(objective, "objective");
    tasks = List.copyOf(tasks);
    teams = List.copyOf(teams);
    int size = travelTimes.size();
    Set<String> ids = new HashSet<>();
    for (Task t : tasks) {
      if (!ids.add(t.id())) {
        throw new IllegalArgumentException("task id " + t.id() + " appears twice");
      }
      if (size >= 0 && t.location() >= size) {
        throw new IllegalArgumentException(
            "task " + t.id() + ": location " + t.location() + " is outside the " + size + " travel-time locations");
      }
    }
    ids.clear();
    for (Team t : teams) {
      if (!ids.add(t.id())) {
        throw new IllegalArgumentException("team id " + t.id() + " appears twice");
      }
      if (size >= 0 && (t.start() >= size || t.end() >= size)) {
        throw new IllegalArgumentException("team " + t.id() + ": start or end is outside the " + size + " locations");
      }
    }
  }

  public static RoutingProblem of(TravelTimes times, List<Task> tasks, List<Team> teams) {
    return new RoutingProblem(times, tasks, teams, Objective.PRIORITY_THEN_TRAVEL);
  }

  public RoutingProblem withObjective(Objective o) {
    return new RoutingProblem(travelTimes, tasks, teams, o);
  }

  /** Sum of all tasks' priorities: what would be reached if every task were served. */
  public long totalPriority() {
    return tasks.stream().mapToLong(Task::priority).sum();
  }
}
