package io.mimamori.routing;

/**
 * Travel times and distances from each of {@code rows} origins to each of {@code cols}
 * destinations on one profile, with the hazard areas active when it was computed. An unreachable
 * pair (blocked, not usable on the profile, or a point off the network) is {@code +∞}, never 0; the
 * same point to itself is 0. Row-major {@code float} storage: 1,000 × 1,000 takes 8 MB.
 */
public final class TravelTimeMatrix {

  private final TravelProfile profile;
  private final int rows;
  private final int cols;
  private final float[] seconds;
  private final float[] metres;
  private final boolean[] rowOnNetwork;
  private final boolean[] colOnNetwork;

  /** Wraps computed arrays (row-major, {@code rows * cols} long); the arrays are kept, not copied. */
  public TravelTimeMatrix(TravelProfile profile, int rows, int cols, float[] seconds, float[] metres, boolean[] rowOnNetwork,
      boolean[] colOnNetwork) {
    if (seconds.length != rows * cols || metres.length != rows * cols) {
      throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs " + rows * cols + " values");
    }
    this.profile = profile;
    this.rows = rows;
    this.cols = cols;
    this.seconds = seconds;
    this.metres = metres;
    this.rowOnNetwork = rowOnNetwork;
    this.colOnNetwork = colOnNetwork;
  }

  public TravelProfile profile() {
    return profile;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Seconds from origin {@code from} to destination {@code to}; {@code +∞} when unreachable. */
  public double seconds(int from, int to) {
    return seconds[from * cols + to];
  }

  /** Metres along the roads from origin {@code from} to destination {@code to}; {@code +∞} when unreachable. */
  public double metres(int from, int to) {
    return metres[from * cols + to];
  }

  public boolean reachable(int from, int to) {
    return seconds[from * cols + to] != Float.POSITIVE_INFINITY;
  }

  /** Whether origin {@code i} could be placed on the road network at all. */
  public boolean originOnNetwork(int i) {
    return rowOnNetwork[i];
  }

  /** Whether destination {@code j} could be placed on the road network at all. */
  public boolean destinationOnNetwork(int j) {
    return colOnNetwork[j];
  }

  /** How many pairs are unreachable. */
  public long unreachableCount() {
    long n = 0;
    for (float s : seconds) {
      if (s == Float.POSITIVE_INFINITY) {
        n++;
      }
    }
    return n;
  }
}
