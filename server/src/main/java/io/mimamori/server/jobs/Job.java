package io.mimamori.server.jobs;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of background work: its kind, who started it, where it is (state, phase, fraction),
 * the best result so far and, once ended, its result or why it failed. Thread-safe: the work
 * updates it on its thread, clients read it on theirs.
 *
 * <p>How the work ends decides the state: it returns a result (FINISHED; STOPPED when a stop was
 * asked before it returned), throws {@link CancellationException} (CANCELLED), or throws anything
 * else (FAILED, with the exception's message as the error; the cause goes to the log only).
 */
public final class Job<R> implements JobControl<R> {

  /** The work of a job. */
  @FunctionalInterface
  public interface Work<R> {
    R run(JobControl<R> control) throws Exception;
  }

  private static final Logger log = LoggerFactory.getLogger(Job.class);

  private final String id;
  private final String kind;
  private final long ownerId;
  private final Instant createdAt = Instant.now();
  private final long startNanos = System.nanoTime();
  private volatile JobState state = JobState.RUNNING;
  private volatile String phase = "queued";
  private volatile double fraction;
  private volatile boolean stopRequested;
  private volatile R best;
  private volatile R result;
  private volatile String error;
  private volatile Instant endedAt;
  private volatile double seconds = -1;

  Job(String id, String kind, long ownerId) {
    this.id = id;
    this.kind = kind;
    this.ownerId = ownerId;
  }

  void run(Work<R> work) {
    R out;
    try {
      out = work.run(this);
    } catch (CancellationException e) {
      end(JobState.CANCELLED, null, null);
      return;
    } catch (Exception | Error e) {
      log.atWarn().setMessage("Job failed").addKeyValue("job", id).addKeyValue("kind", kind)
          .addKeyValue("exception", e.getClass().getName()).setCause(e).log();
      end(JobState.FAILED, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      return;
    }
    end(stopRequested ? JobState.STOPPED : JobState.FINISHED, out, null);
  }

  private synchronized void end(JobState s, R out, String why) {
    result = out;
    error = why;
    if (s.hasResult()) {
      fraction = 1;
      phase = s == JobState.STOPPED ? "stopped early" : "done";
    } else {
      phase = s.code();
    }
    seconds = (System.nanoTime() - startNanos) / 1e9;
    endedAt = Instant.now();
    state = s;
  }

  @Override
  public void progress(String phase, double fraction) {
    if (!state.ended()) {
      this.phase = phase;
      this.fraction = Math.max(0, Math.min(1, fraction));
    }
  }

  @Override
  public void best(R bestSoFar) {
    best = bestSoFar;
  }

  @Override
  public boolean stopRequested() {
    return stopRequested;
  }

  /** Asks the work to stop; it ends soon (STOPPED with its best, or CANCELLED). No effect once ended. */
  public void stop() {
    stopRequested = true;
  }

  /**
   * Replaces the result of an ended job by an edit of it (a dispatcher moving a task by hand).
   *
   * @throws IllegalStateException when the job has no result
   */
  public synchronized R editResult(UnaryOperator<R> edit) {
    if (!state.hasResult()) {
      throw new IllegalStateException("job " + id + " has no result to change (" + state.code() + ")");
    }
    result = edit.apply(result);
    return result;
  }

  public String id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public long ownerId() {
    return ownerId;
  }

  public JobState state() {
    return state;
  }

  public String phase() {
    return phase;
  }

  public double fraction() {
    return fraction;
  }

  public boolean stopWasRequested() {
    return stopRequested;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  /** Seconds since the job started, or its whole run once ended. */
  public double seconds() {
    return seconds >= 0 ? seconds : (System.nanoTime() - startNanos) / 1e9;
  }

  /** The result once ended with one; otherwise the best so far, if the work reported one. */
  public Optional<R> latest() {
    R r = result;
    return Optional.ofNullable(r != null ? r : best);
  }

  /** The result, present once the job has ended FINISHED or STOPPED. */
  public Optional<R> result() {
    return Optional.ofNullable(result);
  }

  /** Why the job failed, when it did. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }
}
