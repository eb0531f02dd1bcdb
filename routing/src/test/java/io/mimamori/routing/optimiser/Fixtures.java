package io.mimamori.routing.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/** Small hand-made problems on a plane (speed 1: a unit of distance is a second) and a checked solve. */
final class Fixtures {

  private Fixtures() {}

  /** Locations at the given x, on the line y = 0. */
  static EuclideanTravelTimes line(double... x) {
    return EuclideanTravelTimes.of(x, new double[x.length]);
  }

  static EuclideanTravelTimes points(double[][] xy) {
    double[] x = new double[xy.length];
    double[] y = new double[xy.length];
    for (int i = 0; i < xy.length; i++) {
      x[i] = xy[i][0];
      y[i] = xy[i][1];
    }
    return EuclideanTravelTimes.of(x, y);
  }

  /** Solves with a short, repeatable budget and fails unless the checker accepts the result. */
  static Solution solve(RoutingProblem problem) {
    return solve(problem, SolverSettings.ofIterations(3000, 7));
  }

  static Solution solve(RoutingProblem problem, SolverSettings settings) {
    Solution s = RouteOptimiser.solve(problem, settings);
    CheckReport report = SolutionChecker.check(problem, s);
    assertThat(report.violations()).as("checker").isEmpty();
    return s;
  }

  static SolverSettings quick() {
    return new SolverSettings(Duration.ofSeconds(10), 3000, 7, 1);
  }

  /** Task ids of each route, in order, e.g. [[a, b], []]. */
  static java.util.List<java.util.List<String>> ids(Solution s) {
    return s.routes().stream().map(r -> r.visits().stream().map(Visit::taskId).toList()).toList();
  }

  static java.util.List<String> leftOutIds(Solution s) {
    return s.leftOut().stream().map(LeftOut::taskId).sorted().toList();
  }
}
