package io.mimamori.server.routing;

import io.mimamori.layers.hazard.ActiveZoneStore;
import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.routing.hazard.ActiveHazards;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the router's blocked roads in step with the database: reads the zones and the active
 * emergencies' areas ({@link ActiveZoneStore}), applies {@link BlockingRule} and sets the result on
 * the router. It refreshes when the graph becomes ready and whenever {@link #requestRefresh()} is
 * called (the server calls it on every 'map_change' notification of hazard zones or emergencies,
 * from any instance, and after the notification connection was lost). Requests that arrive while a
 * refresh runs are folded into one more refresh after it.
 */
public final class HazardBlocking implements AutoCloseable {

  /**
   * The blocked set now: a version counting refreshes, when it was made, how many areas and
   * blocking areas it holds, road segments blocked, what each area id stands for, and the last
   * refresh's error (the previous set stays in force then).
   */
  public record Snapshot(long version, Instant refreshedAt, int areas, int blockingAreas, int blockedSegments,
      Map<String, BlockingRule.ZoneInfo> zones, String error) {

    static final Snapshot NONE = new Snapshot(0, null, 0, 0, 0, Map.of(), null);

    public Optional<BlockingRule.ZoneInfo> zone(String areaId) {
      return Optional.ofNullable(zones.get(areaId));
    }
  }

  private static final Logger log = LoggerFactory.getLogger(HazardBlocking.class);

  private final ActiveZoneStore store;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "hazard-blocking");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile HazardAwareRouter router;
  private volatile Snapshot snapshot = Snapshot.NONE;

  public HazardBlocking(ActiveZoneStore store) {
    this.store = store;
  }

  /** Sets the blocked set on a router that has just been made, before it serves requests. */
  public void attach(HazardAwareRouter r) {
    router = r;
    refresh();
  }

  /** Asks for a refresh soon, on the refresher's thread; returns at once. */
  public void requestRefresh() {
    if (router == null || !pending.compareAndSet(false, true)) {
      return;
    }
    worker.execute(() -> {
      pending.set(false);
      refresh();
    });
  }

  /** Reads the zones and sets the blocked set now, on the caller's thread. */
  synchronized void refresh() {
    HazardAwareRouter r = router;
    if (r == null) {
      return;
    }
    long t0 = System.nanoTime();
    Snapshot before = snapshot;
    try {
      BlockingRule.Areas areas = BlockingRule.areas(store.list());
      ActiveHazards set = r.setHazards(areas.areas());
      int blocking = (int) areas.areas().stream().filter(a -> a.blocks()).count();
      snapshot = new Snapshot(before.version() + 1, Instant.now(), areas.areas().size(), blocking,
          set.blockedEdgeCount(), Map.copyOf(areas.zones()), null);
      log.atInfo().setMessage("Hazard blocking refreshed").addKeyValue("areas", areas.areas().size())
          .addKeyValue("blocking", blocking).addKeyValue("blocked_segments", set.blockedEdgeCount())
          .addKeyValue("ms", (System.nanoTime() - t0) / 1_000_000).log();
    } catch (Exception e) {
      snapshot = new Snapshot(before.version(), before.refreshedAt(), before.areas(), before.blockingAreas(),
          before.blockedSegments(), before.zones(), "the blocked roads could not be refreshed: " + e.getMessage());
      log.atError().setMessage("Hazard blocking refresh failed").setCause(e).log();
    }
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
