package io.mimamori.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobRegistryTest {

  private final JobRegistry jobs = new JobRegistry(Duration.ofMinutes(10), 2, 3);

  @AfterEach
  void close() {
    jobs.close();
  }

  @Test
  void aJobReportsProgressAndItsBestSoFarThenItsResult() throws Exception {
    CountDownLatch reported = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    Job<String> job = jobs.start("test", 7, c -> {
      c.progress("halfway", 0.5);
      c.best("draft");
      reported.countDown();
      go.await();
      return "final";
    });
    assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(job.state()).isEqualTo(JobState.RUNNING);
    assertThat(job.phase()).isEqualTo("halfway");
    assertThat(job.fraction()).isEqualTo(0.5);
    assertThat(job.latest()).contains("draft");
    assertThat(job.result()).isEmpty();
    assertThat(job.ownerId()).isEqualTo(7);
    go.countDown();
    await(() -> job.state().ended());
    assertThat(job.state()).isEqualTo(JobState.FINISHED);
    assertThat(job.result()).contains("final");
    assertThat(job.latest()).contains("final");
    assertThat(job.fraction()).isEqualTo(1.0);
    assertThat(jobs.<String>find(job.id(), "test")).containsSame(job);
    assertThat(jobs.find(job.id(), "other")).isEmpty();
    assertThat(job.id()).matches("[0-9a-f]{32}");
  }

  @Test
  void stoppingKeepsWhatTheWorkReturnsOrCancelsWhenItThrows() {
    Job<String> kept = jobs.start("test", 1, c -> {
      while (!c.stopRequested()) {
        Thread.sleep(5);
      }
      return "best so far";
    });
    Job<String> dropped = jobs.start("test", 1, c -> {
      while (!c.stopRequested()) {
        Thread.sleep(5);
      }
      throw new CancellationException("stopped");
    });
    kept.stop();
    dropped.stop();
    await(() -> kept.state().ended() && dropped.state().ended());
    assertThat(kept.state()).isEqualTo(JobState.STOPPED);
    assertThat(kept.result()).contains("best so far");
    assertThat(dropped.state()).isEqualTo(JobState.CANCELLED);
    assertThat(dropped.result()).isEmpty();
  }

  @Test
  void aFailureIsKeptWithItsMessage() {
    Job<String> job = jobs.start("test", 1, c -> {
      throw new IllegalStateException("no road from here");
    });
    await(() -> job.state().ended());
    assertThat(job.state()).isEqualTo(JobState.FAILED);
    assertThat(job.error()).contains("no road from here");
    assertThatThrownBy(() -> job.editResult(r -> r)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void noMoreThanMaxRunningAtOnce() {
    CountDownLatch go = new CountDownLatch(1);
    jobs.start("test", 1, c -> {
      go.await();
      return "a";
    });
    jobs.start("test", 1, c -> {
      go.await();
      return "b";
    });
    assertThatThrownBy(() -> jobs.start("test", 1, c -> "c")).isInstanceOf(JobRegistry.TooManyJobs.class);
    go.countDown();
    await(() -> jobs.list().stream().allMatch(j -> j.state().ended()));
    assertThat(jobs.start("test", 1, c -> "d")).isNotNull();
  }

  @Test
  void endedJobsAreForgottenAfterTheirTimeAndBeyondTheMostKept() throws Exception {
    for (int i = 0; i < 5; i++) {
      String v = "r" + i;
      Job<String> j = jobs.start("test", 1, c -> v);
      await(() -> j.state().ended());
    }
    jobs.sweep();
    assertThat(jobs.list()).hasSize(3);
    assertThat(jobs.list().stream().map(j -> (Object) j.result().orElseThrow()).toList()).containsExactly("r4", "r3", "r2");

    try (JobRegistry shortLived = new JobRegistry(Duration.ofMillis(50), 2, 10)) {
      Job<String> j = shortLived.start("test", 1, c -> "x");
      await(() -> j.state().ended());
      assertThat(shortLived.find(j.id(), "test")).isPresent();
      Thread.sleep(120);
      assertThat(shortLived.find(j.id(), "test")).isEmpty();
    }
  }

  @Test
  void anEditReplacesTheResultOfAnEndedJob() {
    Job<String> job = jobs.start("test", 1, c -> "plan");
    await(() -> job.state().ended());
    assertThat(job.editResult(r -> r + " edited")).isEqualTo("plan edited");
    assertThat(job.result()).contains("plan edited");
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
