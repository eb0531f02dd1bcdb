package io.mimamori.routing.optimiser;

import java.util.Objects;
import java.util.Set;

/**
 * Supporters who travel and visit together: one person or a pair.
 *
 * @param id the caller's identifier (no personal data)
 * @param start location index where the team sets out (often a supporter's home)
 * @param end location index where the team must finish (home, a shelter, HQ), or {@link #NO_END}
 *     when the route may end at its last visit
 * @param shift leave {@code start} no earlier than its earliest, reach {@code end} (or finish the
 *     last visit, without an end) no later than its latest
 * @param skills what the team can do; a task is open to it only if these include all the task's
 * @param size people in the team, 1 or more; a task needing two people needs a team of two or more
 * @param capacity load the team can carry (CVRP benchmarks); {@link Integer#MAX_VALUE} for none
 */
public record Team(
    String id, int start, int end, TimeWindow shift, Set<String> skills, int size, int capacity) {

  /** The route ends at the team's last visit. */
  public static final int NO_END = -1;

  public Team {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(shift, "shift of team " + id);
    skills = Set.copyOf(skills);
    if (start < 0) {
      throw new IllegalArgumentException("team " + id + ": start must be 0 or more: " + start);
    }
    if (end < NO_END) {
      throw new IllegalArgumentException("team " + id + ": end must be a location or NO_END: " + end);
    }
    if (Double.isInfinite(shift.earliest())) {
      throw new IllegalArgumentException("team " + id + ": shift must have a finite start");
    }
    if (size < 1) {
      throw new IllegalArgumentException("team " + id + ": size must be 1 or more: " + size);
    }
    if (capacity < 0) {
      throw new IllegalArgumentException("team " + id + ": capacity must be 0 or more: " + capacity);
    }
  }

  /** One person, no skills, no load limit, back to the start. */
  public static Team of(String id, int home, TimeWindow shift) {
    return new Team(id, home, home, shift, Set.of(), 1, Integer.MAX_VALUE);
  }

  public Team withSkills(Set<String> s) {
    return new Team(id, start, end, shift, s, size, capacity);
  }

  public Team withSize(int n) {
    return new Team(id, start, end, shift, skills, n, capacity);
  }

  public Team withCapacity(int c) {
    return new Team(id, start, end, shift, skills, size, c);
  }

  public Team withEnd(int e) {
    return new Team(id, start, e, shift, skills, size, capacity);
  }

  /** Whether this team may serve the task by skills, size and capacity (time aside). */
  public boolean canServe(Task task) {
    return size >= task.peopleNeeded() && skills.containsAll(task.skills()) && capacity >= task.demand();
  }
}
