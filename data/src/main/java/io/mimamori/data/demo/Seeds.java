package io.mimamori.data.demo;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from the town's seed: one per purpose (the coast, the roads,
 * ...) and one per household, so a household's content does not depend on how the register is
 * chunked and each part of the town can change without shifting the others.
 */
final class Seeds {
  private Seeds() {}

  static SplittableRandom of(long seed, String purpose) {
    long h = 0xcbf29ce484222325L;
    for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x100000001b3L;
    }
    return new SplittableRandom(mix(seed ^ h));
  }

  static SplittableRandom of(long seed, String purpose, long index) {
    return new SplittableRandom(mix(of(seed, purpose).nextLong() + index * 0x9e3779b97f4a7c15L));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A smooth wiggle: a few sines of random phase, amplitude about {@code amplitude}. */
  static java.util.function.DoubleUnaryOperator wiggle(SplittableRandom r, double amplitude, double wavelength) {
    double[] ph = {r.nextDouble() * 6.283, r.nextDouble() * 6.283, r.nextDouble() * 6.283};
    return t -> amplitude * (0.6 * Math.sin(t / wavelength * 6.283 + ph[0])
        + 0.3 * Math.sin(t / wavelength * 2.7 * 6.283 + ph[1])
        + 0.1 * Math.sin(t / wavelength * 7.1 * 6.283 + ph[2]));
  }
}
