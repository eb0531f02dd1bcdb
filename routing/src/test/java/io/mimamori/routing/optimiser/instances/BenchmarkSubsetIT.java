package io.mimamori.routing.optimiser.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.routing.optimiser.CheckReport;
import io.mimamori.routing.optimiser.RouteOptimiser;
import io.mimamori.routing.optimiser.Solution;
import io.mimamori.routing.optimiser.SolutionChecker;
import io.mimamori.routing.optimiser.SolverSettings;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The quick benchmark subset for CI: one instance of each format at a short budget, judged by the
 * checker only (valid, everything served where everything can be), never by speed or gap: the
 * full runs with figures are {@code io.mimamori.bench.vrp.VrpBench} in the bench module.
 */
class BenchmarkSubsetIT {

  private static final SolverSettings SHORT = SolverSettings.ofTime(Duration.ofMillis(1500));

  @Test
  void solomonR101() throws IOException {
    BenchmarkInstance inst = SolomonReader.read(SharedData.dir("vrp-solomon-jsprit").resolve("R101.txt"));
    Solution s = RouteOptimiser.solve(inst.problem(), SHORT);
    CheckReport report = SolutionChecker.check(inst.problem(), s);
    assertThat(report.violations()).isEmpty();
    assertThat(s.leftOut()).isEmpty();
  }

  @Test
  void cvrpX101() throws IOException {
    BenchmarkInstance inst = CvrpLibReader.read(SharedData.dir("vrp-cvrplib-x-pyvrp").resolve("X-n101-k25.vrp"));
    Solution s = RouteOptimiser.solve(inst.problem(), SHORT);
    assertThat(SolutionChecker.check(inst.problem(), s).violations()).isEmpty();
    assertThat(s.leftOut()).isEmpty();
  }

  @Test
  void chaoTop() throws IOException {
    BenchmarkInstance inst = TopReader.read(SharedData.dir("vrp-top-chao").resolve("p4.3.j.txt"));
    Solution s = RouteOptimiser.solve(inst.problem(), SHORT);
    assertThat(SolutionChecker.check(inst.problem(), s).violations()).isEmpty();
    assertThat(s.priorityReached()).isPositive();
  }
}
