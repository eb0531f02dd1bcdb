package io.mimamori.routing.optimiser;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how the optimiser searches.
 *
 * @param timeLimit stop after this long (the result is the best found so far)
 * @param maxIterations stop after this many ruin-and-recreate steps as well (Long.MAX_VALUE for no
 *     such bound); a single-threaded run bounded by iterations only (time limit long enough) is
 *     repeatable for a seed
 * @param seed random seed; thread k uses seed + k
 * @param threads independent searches run side by side (the best wins); 1 is repeatable
 * @param cpuTime count the time limit in CPU time of each search thread rather than wall-clock
 *     time: for benchmarks on a shared machine, where other processes take the cores
 */
public record SolverSettings(Duration timeLimit, long maxIterations, long seed, int threads, boolean cpuTime) {

  public SolverSettings(Duration timeLimit, long maxIterations, long seed, int threads) {
    this(timeLimit, maxIterations, seed, threads, false);
  }

  public SolverSettings {
    Objects.requireNonNull(timeLimit, "timeLimit");
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("time limit must be positive: " + timeLimit);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("max iterations must be 1 or more: " + maxIterations);
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be 1 to 64: " + threads);
    }
  }

  /** One thread, seed 1, no iteration bound. */
  public static SolverSettings ofTime(Duration limit) {
    return new SolverSettings(limit, Long.MAX_VALUE, 1, 1);
  }

  /** One thread, bounded by iterations only (repeatable for the seed). */
  public static SolverSettings ofIterations(long iterations, long seed) {
    return new SolverSettings(Duration.ofDays(1), iterations, seed, 1);
  }

  public SolverSettings withThreads(int n) {
    return new SolverSettings(timeLimit, maxIterations, seed, n, cpuTime);
  }

  public SolverSettings withSeed(long s) {
    return new SolverSettings(timeLimit, maxIterations, s, threads, cpuTime);
  }

  /** The time limit counts each search thread's CPU time. */
  public SolverSettings withCpuTime() {
    return new SolverSettings(timeLimit, maxIterations, seed, threads, true);
  }
}
