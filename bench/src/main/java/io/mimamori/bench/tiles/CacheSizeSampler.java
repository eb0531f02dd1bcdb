package io.mimamori.bench.tiles;

import io.mimamori.layers.tiles.TileCache;

/**
 * Samples a tile cache's charged bytes ({@link TileCache#weightedSize()}) every
 * {@code intervalMs} while a load runs, and keeps the largest value seen. {@code weightedSize()}
 * first runs the cache's pending maintenance (evictions), so a sample is the size after the
 * evictions that were due at that moment.
 */
public final class CacheSizeSampler implements AutoCloseable {

  private final Thread thread;
  private volatile boolean running = true;
  private volatile long max;
  private volatile long samples;

  private CacheSizeSampler(TileCache cache, long intervalMs) {
    this.thread = new Thread(() -> {
      while (running) {
        long size = cache.weightedSize();
        if (size > max) {
          max = size;
        }
        samples++;
        try {
          Thread.sleep(intervalMs);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "tile-cache-sampler");
    this.thread.setDaemon(true);
  }

  public static CacheSizeSampler start(TileCache cache, long intervalMs) {
    CacheSizeSampler s = new CacheSizeSampler(cache, intervalMs);
    s.thread.start();
    return s;
  }

  /** The largest charged size seen so far, in bytes. */
  public long max() {
    return max;
  }

  public long samples() {
    return samples;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
