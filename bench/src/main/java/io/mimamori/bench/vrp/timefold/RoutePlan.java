package io.mimamori.bench.vrp.timefold;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import java.util.List;

/**
 * The teams' routes and the tasks to place on them. The score has one hard level (rules broken,
 * see {@link RoutePlanConstraints}) and three soft levels compared in order: priority left out,
 * teams sent out, travel.
 */
@PlanningSolution
public class RoutePlan {

  /** Soft levels, most important first. */
  public static final int PRIORITY = 0;
  public static final int TEAMS = 1;
  public static final int TRAVEL = 2;
  public static final int SOFT_LEVELS = 3;
  public static final int HARD_LEVELS = 1;

  @PlanningEntityCollectionProperty
  private List<TeamRoute> routes;

  @PlanningEntityCollectionProperty
  @ValueRangeProvider
  private List<TaskVisit> visits;

  @PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
  private BendableLongScore score;

  /** For Timefold's solution cloner. */
  public RoutePlan() {}

  public RoutePlan(List<TeamRoute> routes, List<TaskVisit> visits) {
    this.routes = routes;
    this.visits = visits;
  }

  public List<TeamRoute> routes() {
    return routes;
  }

  public List<TaskVisit> visits() {
    return visits;
  }

  public BendableLongScore score() {
    return score;
  }
}
