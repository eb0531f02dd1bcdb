package io.mimamori.routing.optimiser;

/**
 * Travel time in seconds between two locations, given by index. The optimiser only ever asks for
 * locations named by its tasks and teams; a matrix from the road graph (with hazard blocking)
 * implements this, and {@link EuclideanTravelTimes} stands in for tests and literature benchmarks.
 *
 * <p>Times need not be symmetric. An unreachable pair answers {@link Double#POSITIVE_INFINITY}; it
 * is never used in a route. The optimiser may call this millions of times and copies small
 * matrices into an array of its own, so an implementation must answer the same value each time.
 */
@FunctionalInterface
public interface TravelTimes {

  /** Seconds from location {@code from} to location {@code to}; 0 when they are the same. */
  double seconds(int from, int to);

  /** How many locations there are (indices 0 to size-1), or -1 when unknown. */
  default int size() {
    return -1;
  }
}
