package io.mimamori.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * At most {@code perWindow} login attempts per client address in a sliding window; bounded in
 * memory (100,000 addresses, least recently used dropped). Complements the per-account lockout:
 * this one stops guessing across many accounts from one place.
 */
public final class LoginRateLimiter {

  private final int perWindow;
  private final long windowNanos;
  private final Cache<String, long[]> attempts;

  public LoginRateLimiter(int perWindow, Duration window) {
    this.perWindow = perWindow;
    this.windowNanos = window.toNanos();
    this.attempts = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
  }

  /** Records an attempt; false when the address is over its allowance. */
  public boolean tryAcquire(String address) {
    long now = System.nanoTime();
    long[] ring = attempts.get(address, a -> new long[perWindow + 1]);
    synchronized (ring) {
      // ring[0] is the next slot; the rest are attempt times
      int next = (int) ring[0];
      long oldest = ring[1 + next];
      if (oldest != 0 && now - oldest < windowNanos) {
        return false;
      }
      ring[1 + next] = now;
      ring[0] = (next + 1) % perWindow;
      return true;
    }
  }
}
