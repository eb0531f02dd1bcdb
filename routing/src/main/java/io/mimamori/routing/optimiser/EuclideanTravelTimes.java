package io.mimamori.routing.optimiser;

/**
 * Straight-line travel times on a plane: the distance between two points divided by a speed. The
 * literature benchmarks (Solomon, Gehring-Homberger, Chao) use it with speed 1, exact; CVRPLIB's
 * EUC_2D rounds each distance to the nearest integer. Unit tests use it because a person can work
 * out the answer; real routes use a road matrix.
 */
public final class EuclideanTravelTimes implements TravelTimes {

  /** How each distance is rounded before use. */
  public enum Rounding {
    /** The exact Euclidean distance. */
    EXACT,
    /** Rounded to the nearest integer, as TSPLIB's EUC_2D (nint). */
    NEAREST_INTEGER
  }

  private final double[] x;
  private final double[] y;
  private final double speed;
  private final Rounding rounding;

  /**
   * @param x plane coordinates, one per location
   * @param y plane coordinates, one per location
   * @param speed units of distance per second (1 for the benchmarks)
   */
  public EuclideanTravelTimes(double[] x, double[] y, double speed, Rounding rounding) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " values, y has " + y.length);
    }
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive: " + speed);
    }
    this.x = x.clone();
    this.y = y.clone();
    this.speed = speed;
    this.rounding = rounding;
  }

  /** Speed 1, exact distances. */
  public static EuclideanTravelTimes of(double[] x, double[] y) {
    return new EuclideanTravelTimes(x, y, 1, Rounding.EXACT);
  }

  @Override
  public double seconds(int from, int to) {
    double dx = x[from] - x[to];
    double dy = y[from] - y[to];
    double d = Math.sqrt(dx * dx + dy * dy);
    if (rounding == Rounding.NEAREST_INTEGER) {
      d = Math.floor(d + 0.5);
    }
    return d / speed;
  }

  @Override
  public int size() {
    return x.length;
  }

  public double x(int location) {
    return x[location];
  }

  public double y(int location) {
    return y[location];
  }
}
