package io.mimamori.bench.vrp.timefold;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The score of a {@link RoutePlan}, one constraint per rule. Hard, in milliseconds or units of
 * load, so that any breach however small counts: lateness against task windows, overtime against
 * the shift's end, load over capacity, a task the team may not serve (skills, people). Soft, in
 * order: priority of the tasks left out; teams sent out (when the objective minimises them); travel
 * in microseconds, leg by leg.
 */
public final class RoutePlanConstraints implements ConstraintProvider {

  private static final BendableLongScore HARD = BendableLongScore.ofHard(RoutePlan.HARD_LEVELS, RoutePlan.SOFT_LEVELS, 0, 1);
  private static final BendableLongScore PRIORITY = soft(RoutePlan.PRIORITY);
  private static final BendableLongScore TEAMS = soft(RoutePlan.TEAMS);
  private static final BendableLongScore TRAVEL = soft(RoutePlan.TRAVEL);
  /** Beyond this many seconds a breach or a leg counts as this many (no overflow on sums). */
  private static final double CAP_SECONDS = 1e9;

  @Override
  public Constraint[] defineConstraints(ConstraintFactory factory) {
    return new Constraint[] {
        lateness(factory), overtime(factory), capacity(factory), teamMayServe(factory),
        priorityLeftOut(factory), teamsSentOut(factory), travel(factory), travelToEnd(factory)};
  }

  Constraint lateness(ConstraintFactory factory) {
    return factory.forEach(TaskVisit.class)
        .filter(v -> v.lateness() > 0)
        .penalizeLong(HARD, v -> units(v.lateness(), 1e3))
        .asConstraint("visit begins within its window");
  }

  Constraint overtime(ConstraintFactory factory) {
    return factory.forEach(TaskVisit.class)
        .filter(v -> v.next() == null && v.overtime() > 0)
        .penalizeLong(HARD, v -> units(v.overtime(), 1e3))
        .asConstraint("route ends within the shift");
  }

  Constraint capacity(ConstraintFactory factory) {
    return factory.forEach(TaskVisit.class)
        .groupBy(TaskVisit::route, sumLong(v -> v.task().demand()))
        .filter((route, load) -> load > route.team().capacity())
        .penalizeLong(HARD, (route, load) -> load - route.team().capacity())
        .asConstraint("load within capacity");
  }

  Constraint teamMayServe(ConstraintFactory factory) {
    return factory.forEach(TaskVisit.class)
        .filter(v -> !v.route().team().canServe(v.task()))
        .penalizeLong(HARD, v -> 1_000L)
        .asConstraint("team has the skills and people");
  }

  Constraint priorityLeftOut(ConstraintFactory factory) {
    return factory.forEachIncludingUnassigned(TaskVisit.class)
        .filter(v -> v.route() == null)
        .penalizeLong(PRIORITY, v -> Math.max(1, v.task().priority()))
        .asConstraint("task left out");
  }

  Constraint teamsSentOut(ConstraintFactory factory) {
    return factory.forEach(TaskVisit.class)
        .filter(v -> v.previous() == null && v.route().teamWeight() > 0)
        .penalizeLong(TEAMS, v -> v.route().teamWeight())
        .asConstraint("team sent out");
  }

  Constraint travel(ConstraintFactory factory) {
    return factory.forEach(TaskVisit.class)
        .penalizeLong(TRAVEL, v -> units(v.legIn(), 1e6))
        .asConstraint("travel to a visit");
  }

  Constraint travelToEnd(ConstraintFactory factory) {
    return factory.forEach(TaskVisit.class)
        .filter(v -> v.next() == null && v.route().hasEnd())
        .penalizeLong(TRAVEL, v -> units(v.legToEnd(), 1e6))
        .asConstraint("travel to the team's end");
  }

  private static BendableLongScore soft(int level) {
    return BendableLongScore.ofSoft(RoutePlan.HARD_LEVELS, RoutePlan.SOFT_LEVELS, level, 1);
  }

  /** Seconds in the given units, rounded up so that any positive amount counts at least 1. */
  private static long units(double seconds, double perSecond) {
    return (long) Math.ceil(Math.min(seconds, CAP_SECONDS) * perSecond);
  }
}
