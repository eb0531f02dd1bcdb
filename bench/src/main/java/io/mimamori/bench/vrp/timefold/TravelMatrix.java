package io.mimamori.bench.vrp.timefold;

import io.mimamori.routing.optimiser.TravelTimes;
import java.util.Arrays;

/**
 * The problem's travel times copied into an array over the locations its tasks and teams name (a
 * location seen first gets the next compact index), so that the score never calls back into
 * {@link TravelTimes}. Values are the same doubles {@code TravelTimes} answers, so arrival times
 * add up exactly as the checker adds them.
 */
public final class TravelMatrix {

  private final int[] compact;
  private final double[] seconds;
  private final int size;

  /** @param locations every location index in use (repeats allowed) */
  public TravelMatrix(TravelTimes times, int[] locations) {
    int max = Arrays.stream(locations).max().orElse(0);
    compact = new int[max + 1];
    Arrays.fill(compact, -1);
    int[] original = new int[locations.length];
    int n = 0;
    for (int l : locations) {
      if (compact[l] < 0) {
        compact[l] = n;
        original[n++] = l;
      }
    }
    size = n;
    seconds = new double[n * n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        seconds[a * n + b] = times.seconds(original[a], original[b]);
      }
    }
  }

  /** The compact index of a location given to the constructor. */
  public int index(int location) {
    return compact[location];
  }

  /** Seconds between two compact indices. */
  public double seconds(int from, int to) {
    return seconds[from * size + to];
  }
}
