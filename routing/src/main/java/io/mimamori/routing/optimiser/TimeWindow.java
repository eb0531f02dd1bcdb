package io.mimamori.routing.optimiser;

/**
 * An interval of time in seconds on the plan's clock (for example, seconds since the alert). For a
 * task it bounds the start of the visit: a team that arrives early waits, and one that would arrive
 * after {@code latest} may not go. For a team it bounds the whole shift: leave the start no earlier
 * than {@code earliest}, reach the end no later than {@code latest}.
 */
public record TimeWindow(double earliest, double latest) {

  /** No limit at all. */
  public static final TimeWindow ALWAYS = new TimeWindow(0, Double.POSITIVE_INFINITY);

  public TimeWindow {
    if (Double.isNaN(earliest) || Double.isNaN(latest) || earliest > latest) {
      throw new IllegalArgumentException("time window [" + earliest + ", " + latest + "] is empty");
    }
  }

  public static TimeWindow of(double earliest, double latest) {
    return new TimeWindow(earliest, latest);
  }

  public boolean contains(double t) {
    return t >= earliest && t <= latest;
  }
}
