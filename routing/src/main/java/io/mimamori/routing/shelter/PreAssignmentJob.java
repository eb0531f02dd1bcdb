package io.mimamori.routing.shelter;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A pre-assignment running in the background: {@link #progress()} at any moment, {@link #cancel()}
 * to stop it, {@link #result()} to wait for it. Holds nothing but its inputs until it ends and its
 * result after; the caller decides how long to keep it.
 */
public final class PreAssignmentJob {

  /** Where a job is: the phase, the fraction done (0 to 1), and whether it has ended. */
  public record Progress(String phase, double fraction, boolean finished) {}

  private final CompletableFuture<PreAssignment> result;
  private volatile Progress progress = new Progress("queued", 0, false);
  private volatile boolean cancelled;

  private PreAssignmentJob(PreAssigner assigner, List<Resident> residents, List<ShelterSite> shelters,
      double maxSeconds, Executor executor) {
    this.result = CompletableFuture.supplyAsync(() -> {
      try {
        return assigner.assign(residents, shelters, maxSeconds,
            (phase, f) -> progress = new Progress(phase, f, false), () -> cancelled);
      } finally {
        Progress last = progress;
        progress = new Progress(cancelled ? "cancelled" : last.phase(), last.fraction(), true);
      }
    }, executor);
  }

  /** Starts the pre-assignment on {@code executor}. */
  public static PreAssignmentJob start(PreAssigner assigner, List<Resident> residents, List<ShelterSite> shelters,
      double maxSeconds, Executor executor) {
    Objects.requireNonNull(assigner, "assigner");
    return new PreAssignmentJob(assigner, List.copyOf(residents), List.copyOf(shelters), maxSeconds, executor);
  }

  public Progress progress() {
    return progress;
  }

  /** Asks the job to stop; {@link #result()} then completes with a CancellationException. */
  public void cancel() {
    cancelled = true;
  }

  /** Completes with the pre-assignment, or exceptionally (CancellationException when cancelled). */
  public CompletableFuture<PreAssignment> result() {
    return result;
  }
}
