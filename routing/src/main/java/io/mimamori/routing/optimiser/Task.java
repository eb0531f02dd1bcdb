package io.mimamori.routing.optimiser;

import java.util.Objects;
import java.util.Set;

/**
 * One visit to make: a safety check, help to evacuate, or a watch-over visit after the disaster.
 *
 * @param id the caller's identifier (no personal data: it is printed in reasons and logs)
 * @param location index into the {@link TravelTimes}
 * @param priority what reaching this task is worth (0 or more); the optimiser first maximises the
 *     sum over tasks served, so one task of priority 10 outweighs any travel saving
 * @param serviceSeconds how long the visit takes once begun
 * @param window when the visit may begin; {@link TimeWindow#ALWAYS} for no limit
 * @param skills skills the team must all have (wheelchair transfer, medical device, sign language,
 *     same-gender visit, ...)
 * @param peopleNeeded people needed at the door at once, 1 or 2; only a team of at least that size
 *     may serve it (two separate teams meeting at the door are not modelled)
 * @param demand load taken up in the team's vehicle (0 for visits; the CVRP benchmarks use it)
 */
public record Task(
    String id,
    int location,
    long priority,
    double serviceSeconds,
    TimeWindow window,
    Set<String> skills,
    int peopleNeeded,
    int demand) {

  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(window, "window of task " + id);
    skills = Set.copyOf(skills);
    if (location < 0) {
      throw new IllegalArgumentException("task " + id + ": location must be 0 or more: " + location);
    }
    if (priority < 0) {
      throw new IllegalArgumentException("task " + id + ": priority must be 0 or more: " + priority);
    }
    if (!(serviceSeconds >= 0) || Double.isInfinite(serviceSeconds)) {
      throw new IllegalArgumentException("task " + id + ": service seconds must be finite and 0 or more");
    }
    if (peopleNeeded < 1 || peopleNeeded > 2) {
      throw new IllegalArgumentException("task " + id + ": people needed must be 1 or 2: " + peopleNeeded);
    }
    if (demand < 0) {
      throw new IllegalArgumentException("task " + id + ": demand must be 0 or more: " + demand);
    }
  }

  /** A visit with no window, no skills, one person and no load. */
  public static Task visit(String id, int location, long priority, double serviceSeconds) {
    return new Task(id, location, priority, serviceSeconds, TimeWindow.ALWAYS, Set.of(), 1, 0);
  }

  public Task withWindow(TimeWindow w) {
    return new Task(id, location, priority, serviceSeconds, w, skills, peopleNeeded, demand);
  }

  public Task withSkills(Set<String> s) {
    return new Task(id, location, priority, serviceSeconds, window, s, peopleNeeded, demand);
  }

  public Task withPeopleNeeded(int people) {
    return new Task(id, location, priority, serviceSeconds, window, skills, people, demand);
  }

  public Task withDemand(int d) {
    return new Task(id, location, priority, serviceSeconds, window, skills, peopleNeeded, d);
  }

  public Task withPriority(long p) {
    return new Task(id, location, p, serviceSeconds, window, skills, peopleNeeded, demand);
  }
}
