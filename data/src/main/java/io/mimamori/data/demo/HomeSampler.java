package io.mimamori.data.demo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks home locations: a road segment drawn with probability proportional to its length times how
 * many homes it fronts (more in the centre, fewer on hills and along arterials), a point along it,
 * and a step of 10-35 m to one side, kept on dry land. So homes are denser near roads and in the
 * centre, as in a real town.
 */
final class HomeSampler {

  private final TownGeography geo;
  private final double[] seg; // x1, y1, x2, y2 per segment
  private final double[] cumulative;
  private final int count;

  HomeSampler(TownGeography geo, double[] segments, double[] weights, int count) {
    this.geo = geo;
    this.seg = Arrays.copyOf(segments, count * 4);
    this.count = count;
    this.cumulative = new double[count];
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (count == 0 || sum <= 0) {
      throw new IllegalStateException("the demo town has no street to put homes on");
    }
  }

  /** A home point in local metres: {x, y}. */
  double[] sample(SplittableRandom r) {
    int i = Arrays.binarySearch(cumulative, r.nextDouble() * cumulative[count - 1]);
    if (i < 0) {
      i = -i - 1;
    }
    i = Math.min(i, count - 1);
    double x1 = seg[4 * i], y1 = seg[4 * i + 1], x2 = seg[4 * i + 2], y2 = seg[4 * i + 3];
    double len = Math.hypot(x2 - x1, y2 - y1);
    double nx = -(y2 - y1) / len, ny = (x2 - x1) / len;
    for (int attempt = 0; attempt < 8; attempt++) {
      double t = 0.05 + 0.9 * r.nextDouble();
      double off = (r.nextBoolean() ? 1 : -1) * (10 + 25 * r.nextDouble());
      double x = x1 + t * (x2 - x1) + off * nx, y = y1 + t * (y2 - y1) + off * ny;
      if (geo.isDryLand(x, y, 5)) {
        return new double[] {x, y};
      }
    }
    return new double[] {(x1 + x2) / 2, (y1 + y2) / 2};
  }
}
