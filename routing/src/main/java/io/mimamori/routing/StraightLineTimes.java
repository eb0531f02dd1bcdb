package io.mimamori.routing;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Travel times along straight lines: great-circle metres times a detour factor, at a fixed speed per
 * profile (foot 4.5 km/h, wheelchair 3 km/h, car 25 km/h in town). Every point is reachable. For
 * tests, and as a rough answer when no road graph is loaded.
 */
public final class StraightLineTimes implements TravelTimeSource {

  private final double detour;

  public StraightLineTimes(double detour) {
    if (!(detour >= 1)) {
      throw new IllegalArgumentException("detour factor must be at least 1, got " + detour);
    }
    this.detour = detour;
  }

  /** Straight lines with the 1.3 detour typical of a street grid. */
  public static StraightLineTimes typical() {
    return new StraightLineTimes(1.3);
  }

  public static double metresPerSecond(TravelProfile p) {
    return switch (p) {
      case FOOT -> 4.5 / 3.6;
      case WHEELCHAIR -> 3.0 / 3.6;
      case CAR -> 25 / 3.6;
    };
  }

  @Override
  public TravelTimeMatrix matrix(TravelProfile profile, List<GeoPoint> from, List<GeoPoint> to,
      ProgressListener listener, BooleanSupplier cancelled) {
    int rows = from.size(), cols = to.size();
    float[] seconds = new float[rows * cols];
    float[] metres = new float[rows * cols];
    double speed = metresPerSecond(profile);
    for (int i = 0; i < rows; i++) {
      if (cancelled.getAsBoolean()) {
        throw new java.util.concurrent.CancellationException("the matrix was cancelled");
      }
      for (int j = 0; j < cols; j++) {
        double m = from.get(i).metresTo(to.get(j)) * detour;
        metres[i * cols + j] = (float) m;
        seconds[i * cols + j] = (float) (m / speed);
      }
    }
    boolean[] rowOn = new boolean[rows], colOn = new boolean[cols];
    java.util.Arrays.fill(rowOn, true);
    java.util.Arrays.fill(colOn, true);
    listener.progress("matrix ready", 1);
    return new TravelTimeMatrix(profile, rows, cols, seconds, metres, rowOn, colOn);
  }
}
