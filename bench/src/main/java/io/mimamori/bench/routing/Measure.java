package io.mimamori.bench.routing;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

/** Clocks, memory and the machine's load, for the routing benchmark's tables. */
final class Measure {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Measure() {}

  /** Wall and processor seconds of one run. */
  record Times(double wall, double cpu) {}

  static Times time(Runnable r) {
    long c0 = OS.getProcessCpuTime(), t0 = System.nanoTime();
    r.run();
    return new Times((System.nanoTime() - t0) / 1e9, (OS.getProcessCpuTime() - c0) / 1e9);
  }

  /** The run with the median wall time of {@code runs}. */
  static Times median(int runs, Runnable r) {
    Times[] t = new Times[runs];
    for (int i = 0; i < runs; i++) {
      t[i] = time(r);
    }
    Arrays.sort(t, (a, b) -> Double.compare(a.wall(), b.wall()));
    return t[runs / 2];
  }

  static double loadAverage() {
    return OS.getSystemLoadAverage();
  }

  /** Heap in use after two collections, bytes. */
  static long usedHeapAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  static long folderBytes(Path folder) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static String f(String fmt, Object... args) {
    return String.format(Locale.ROOT, fmt, args);
  }
}
