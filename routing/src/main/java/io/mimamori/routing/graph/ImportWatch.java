package io.mimamori.routing.graph;

import io.mimamori.routing.ProgressListener;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Watches a GraphHopper import from inside: counts road segments as they are read, reports every
 * 20,000 of them and throws {@link CancellationException} as soon as {@code cancelled} turns true.
 */
final class ImportWatch {

  private final ProgressListener listener;
  private final BooleanSupplier cancelled;
  private final double from;
  private final double to;
  private long segments;

  ImportWatch(ProgressListener listener, BooleanSupplier cancelled, double from, double to) {
    this.listener = listener;
    this.cancelled = cancelled;
    this.from = from;
    this.to = to;
  }

  void segmentRead() {
    segments++;
    if ((segments & 1023) == 0) {
      check();
      if (segments % 20_480 == 0) {
        // the total is unknown while reading: creep towards the end of the phase, never past it
        double f = from + (to - from) * (1 - Math.exp(-segments / 200_000.0));
        listener.progress(String.format("reading OSM: %,d road segments", segments), f);
      }
    }
  }

  long segments() {
    return segments;
  }

  void check() {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("the road graph build was cancelled");
    }
  }
}
