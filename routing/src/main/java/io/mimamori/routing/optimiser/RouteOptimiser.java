package io.mimamori.routing.optimiser;

/**
 * The optimiser's front door. {@link #solve} blocks; {@link OptimisationJob#start} runs in the
 * background with progress and early stop; {@link Replanner} re-plans during operations.
 *
 * <pre>{@code
 * RoutingProblem problem = RoutingProblem.of(matrix, tasks, teams);
 * Solution s = RouteOptimiser.solve(problem, SolverSettings.ofTime(Duration.ofSeconds(10)));
 * }</pre>
 */
public final class RouteOptimiser {

  private RouteOptimiser() {}

  /** Solves and returns the best solution found within the settings' limits (checked). */
  public static Solution solve(RoutingProblem problem, SolverSettings settings) {
    try {
      return OptimisationJob.start(problem, settings, null).result();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while solving", e);
    }
  }
}
