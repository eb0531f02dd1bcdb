package io.mimamori.routing;

/**
 * How the router places points and treats zones.
 *
 * @param maxSnapMetres a point farther than this from every road its profile may use is off the
 *     network (default 1,000 m)
 * @param exposureFactor inside a blocking area (to leave the start's zone or reach the end's), each
 *     segment weighs this many times its travel time, so that routes take the shortest way out
 *     rather than the fastest way through (default 3; 1 = no preference). Reported times are real
 *     times.
 * @param threads how many threads a matrix uses (default: the processors available)
 */
public record RouterSettings(double maxSnapMetres, double exposureFactor, int threads) {

  public RouterSettings {
    if (!(maxSnapMetres > 0)) {
      throw new IllegalArgumentException("maxSnapMetres must be positive, got " + maxSnapMetres);
    }
    if (!(exposureFactor >= 1)) {
      throw new IllegalArgumentException("exposureFactor must be at least 1, got " + exposureFactor);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  public static RouterSettings defaults() {
    return new RouterSettings(1000, 3, Runtime.getRuntime().availableProcessors());
  }

  public RouterSettings withThreads(int n) {
    return new RouterSettings(maxSnapMetres, exposureFactor, n);
  }
}
