package io.mimamori.routing.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OptimisationJobTest {

  @Test
  void reportsProgressStopsEarlyAndReturnsACheckedResult() throws Exception {
    RoutingProblem p = RandomProblems.random(150, 8, 5);
    List<Progress> seen = new CopyOnWriteArrayList<>();
    long t0 = System.nanoTime();
    OptimisationJob job = OptimisationJob.start(p, SolverSettings.ofTime(Duration.ofSeconds(60)).withThreads(2), seen::add);
    // wait for the first solution, then stop
    while (job.best().isEmpty()) {
      Thread.sleep(10);
    }
    assertThat(job.status()).isEqualTo(OptimisationJob.Status.RUNNING);
    Thread.sleep(300);
    job.stop();
    Solution s = job.future().get(10, TimeUnit.SECONDS);
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
    assertThat(job.status()).isEqualTo(OptimisationJob.Status.STOPPED);
    assertThat(SolutionChecker.check(p, s).violations()).isEmpty();
    assertThat(seen).isNotEmpty();
    // progress only ever improves, and the result is the last of it
    for (int i = 1; i < seen.size(); i++) {
      Solution a = seen.get(i - 1).best();
      Solution b = seen.get(i).best();
      assertThat(b.priorityReached() > a.priorityReached()
          || b.priorityReached() == a.priorityReached() && b.cost() < a.cost()).isTrue();
    }
    assertThat(s).isEqualTo(seen.get(seen.size() - 1).best());
    assertThat(job.iterations()).isPositive();
  }

  @Test
  void finishesWithinItsTimeLimit() throws Exception {
    RoutingProblem p = RandomProblems.random(60, 4, 8);
    long t0 = System.nanoTime();
    OptimisationJob job = OptimisationJob.start(p, SolverSettings.ofTime(Duration.ofMillis(500)), null);
    Solution s = job.result();
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(3);
    assertThat(job.status()).isEqualTo(OptimisationJob.Status.FINISHED);
    assertThat(SolutionChecker.check(p, s).valid()).isTrue();
  }
}
