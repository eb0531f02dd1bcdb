package io.mimamori.server.dispatch;

import io.mimamori.routing.optimiser.RoutingProblem;
import io.mimamori.routing.optimiser.Solution;
import java.util.ArrayList;
import java.util.List;

/**
 * A dispatch plan: the optimiser's problem, a solution of it (the optimiser's, or the one the
 * dispatcher made by moving tasks) and what its tasks and teams stand for. Immutable; an edit is a
 * new plan with {@link #withSolution}.
 */
public record DispatchPlan(DispatchInput input, RoutingProblem problem, Solution solution) {

  public DispatchPlan withSolution(Solution s) {
    return new DispatchPlan(input, problem, s);
  }

  public TaskRef task(int taskIndex) {
    return input.tasks().get(problem.tasks().get(taskIndex).id());
  }

  /** The residents the plan names, served or left out, in task order. */
  public List<Long> residentIds() {
    List<Long> out = new ArrayList<>();
    problem.tasks().forEach(t -> out.add(input.tasks().get(t.id()).residentId()));
    return out;
  }
}
