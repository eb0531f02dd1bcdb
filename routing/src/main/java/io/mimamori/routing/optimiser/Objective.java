package io.mimamori.routing.optimiser;

import java.util.Map;
import java.util.Objects;

/**
 * What the optimiser compares, in this order: (1) the priority reached, higher is better; (2) with
 * {@code minimiseTeams}, the number of teams sent out, fewer is better (the literature's
 * hierarchical VRPTW objective: vehicles, then distance); (3) the cost: total travel seconds plus
 * {@code reassignPenaltySeconds} for each task served by a team other than the one in
 * {@code previousTeam} (re-optimisation keeps routes stable where moving a task gains little).
 *
 * @param minimiseTeams fewer teams before less travel
 * @param previousTeam task id to the team id it was planned for (empty: no stability wanted)
 * @param reassignPenaltySeconds cost of moving one such task to another team
 */
public record Objective(
    boolean minimiseTeams, Map<String, String> previousTeam, double reassignPenaltySeconds) {

  /** Priority, then travel. */
  public static final Objective PRIORITY_THEN_TRAVEL = new Objective(false, Map.of(), 0);

  /** Priority, then teams, then travel: the literature's VRPTW objective. */
  public static final Objective PRIORITY_TEAMS_TRAVEL = new Objective(true, Map.of(), 0);

  public Objective {
    previousTeam = Map.copyOf(Objects.requireNonNull(previousTeam, "previousTeam"));
    if (!(reassignPenaltySeconds >= 0) || Double.isInfinite(reassignPenaltySeconds)) {
      throw new IllegalArgumentException("reassign penalty must be finite and 0 or more");
    }
  }
}
