package io.mimamori.routing.optimiser;

import io.mimamori.routing.optimiser.search.Search;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A running optimisation: started by {@link #start}, it searches on threads of its own until its
 * time or iteration limit or until {@link #stop()}; {@link #best()} is the best solution so far at
 * any moment, {@link #result()} waits for the end. Every solution it hands out (progress and
 * result) has passed {@link SolutionChecker}; one that did not would be a bug, and the job fails
 * with the checker's message rather than hand it out.
 *
 * <p>The job holds nothing once finished but its result; the caller decides how long to keep it.
 */
public final class OptimisationJob {

  /** How a job ended. */
  public enum Status { RUNNING, FINISHED, STOPPED, FAILED }

  private final RoutingProblem problem;
  private final CompletableFuture<Solution> result = new CompletableFuture<>();
  private volatile boolean stopRequested;
  private volatile Progress best;
  private final AtomicLong iterations = new AtomicLong();
  private final long startNanos = System.nanoTime();

  private OptimisationJob(RoutingProblem problem) {
    this.problem = problem;
  }

  /**
   * Starts solving on {@code settings.threads()} threads.
   *
   * @param initialRoutes task indices per team to start from (re-optimisation), or null
   * @param onProgress told of each new best (at most about ten times a second per thread), on a
   *     solver thread: keep it short
   */
  public static OptimisationJob start(RoutingProblem problem, SolverSettings settings, int[][] initialRoutes,
      Consumer<Progress> onProgress) {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(settings, "settings");
    OptimisationJob job = new OptimisationJob(problem);
    Consumer<Progress> listener = onProgress == null ? x -> {} : onProgress;
    int threads = settings.threads();
    List<CompletableFuture<Search.Outcome>> runs = new ArrayList<>();
    for (int k = 0; k < threads; k++) {
      Search.Config config = new Search.Config(settings.timeLimit().toNanos(), settings.maxIterations(),
          settings.seed() + k, initialRoutes, settings.cpuTime());
      CompletableFuture<Search.Outcome> run = new CompletableFuture<>();
      Thread thread = new Thread(() -> {
        try {
          run.complete(Search.run(problem, config, (solution, it, secs) -> job.offer(solution, listener),
              () -> job.stopRequested));
        } catch (Throwable e) {
          run.completeExceptionally(e);
        }
      }, "optimiser-" + k);
      thread.setDaemon(true);
      runs.add(run);
      thread.start();
    }
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
      if (error != null) {
        job.result.completeExceptionally(error);
        return;
      }
      long total = 0;
      for (CompletableFuture<Search.Outcome> run : runs) {
        Search.Outcome o = run.join();
        total += o.iterations();
        job.offer(o.best(), x -> {});
      }
      job.iterations.set(total);
      Progress b = job.best;
      job.result.complete(b.best());
    });
    return job;
  }

  public static OptimisationJob start(RoutingProblem problem, SolverSettings settings, Consumer<Progress> onProgress) {
    return start(problem, settings, null, onProgress);
  }

  private synchronized void offer(Solution s, Consumer<Progress> listener) {
    CheckReport report = SolutionChecker.check(problem, s);
    if (!report.valid()) {
      IllegalStateException e = new IllegalStateException("optimiser produced an invalid solution: "
          + String.join("; ", report.violations().subList(0, Math.min(5, report.violations().size()))));
      result.completeExceptionally(e);
      stopRequested = true;
      throw e;
    }
    Progress current = best;
    if (current == null || better(s, current.best())) {
      best = new Progress(s, iterations.get(), (System.nanoTime() - startNanos) / 1e9);
      listener.accept(best);
    }
  }

  private boolean better(Solution a, Solution b) {
    if (a.priorityReached() != b.priorityReached()) {
      return a.priorityReached() > b.priorityReached();
    }
    if (problem.objective().minimiseTeams() && a.teamsUsed() != b.teamsUsed()) {
      return a.teamsUsed() < b.teamsUsed();
    }
    return a.cost() < b.cost() - 1e-9;
  }

  /** Asks the job to stop soon; {@link #result()} then gives the best solution found. */
  public void stop() {
    stopRequested = true;
  }

  /** The best solution so far, empty before construction ends. */
  public Optional<Progress> best() {
    return Optional.ofNullable(best);
  }

  public Status status() {
    if (!result.isDone()) {
      return Status.RUNNING;
    }
    if (result.isCompletedExceptionally()) {
      return Status.FAILED;
    }
    return stopRequested ? Status.STOPPED : Status.FINISHED;
  }

  /** Waits for the end and returns the best solution. */
  public Solution result() throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("optimisation failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Completes with the best solution when the job ends. */
  public CompletableFuture<Solution> future() {
    return result.copy();
  }

  /** Iterations over all threads, known once the job has ended. */
  public long iterations() {
    return iterations.get();
  }
}
