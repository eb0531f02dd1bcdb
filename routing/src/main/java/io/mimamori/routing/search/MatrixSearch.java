package io.mimamori.routing.search;

import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.RouterSettings;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.TravelTimeMatrix;
import io.mimamori.routing.graph.RoadGraph;
import io.mimamori.routing.hazard.ActiveHazards;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A many-to-many travel-time matrix (use {@code HazardAwareRouter}): one search per point of the
 * smaller side over the flat arrays, all sharing the snapped points of the other side, spread over
 * the router's threads. Searches run from the origins when there are no more of them than
 * destinations, otherwise backwards from the destinations.
 *
 * <p>Each search: the point's own zone tree (its way out of a blocked zone), Dijkstra over the
 * clean network until every node where it can meet the other side is settled, then, for each zone
 * some point of the other side lies in, one Dijkstra inside that zone seeded with the clean labels
 * where the zone meets them (the way in). Gives what {@link RouteSearch} gives for each pair.
 */
public final class MatrixSearch {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MatrixSearch.class);

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
  /** Processor time the workers spent, for the debug log. */
  private static final java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();

  private MatrixSearch() {}

  public static TravelTimeMatrix compute(RoadGraph graph, ActiveHazards hazards, RouterSettings settings,
      SpacePool pool, ExecutorService executor, TravelProfile profile, List<GeoPoint> from, List<GeoPoint> to,
      ProgressListener listener, BooleanSupplier cancelled) {
    SearchContext ctx = new SearchContext(graph, profile, hazards, settings);
    int rows = from.size(), cols = to.size();
    float[] seconds = new float[rows * cols];
    float[] metres = new float[rows * cols];
    Arrays.fill(seconds, Float.POSITIVE_INFINITY);
    Arrays.fill(metres, Float.POSITIVE_INFINITY);
    boolean forward = rows <= cols;
    List<GeoPoint> originPoints = forward ? from : to;
    List<GeoPoint> otherPoints = forward ? to : from;
    int n = originPoints.size(), m = otherPoints.size();
    int threads = Math.max(1, Math.min(settings.threads(), Math.max(n, 1)));

    long t0 = System.nanoTime();
    // 1. snap every point
    listener.progress("placing points on the roads", 0);
    Endpoint[] origins = new Endpoint[n];
    Endpoint[] others = new Endpoint[m];
    forEachIndex(executor, threads, n + m, cancelled, i -> {
      if (i < n) {
        origins[i] = ctx.snap(originPoints.get(i));
      } else {
        others[i - n] = ctx.snap(otherPoints.get(i - n));
      }
    });
    long t1 = System.nanoTime();
    // where a search must have settled before it can stop: the other side's snap nodes, and where
    // the clean network meets a zone one of them lies in
    boolean[] needed = new boolean[ctx.net.nodes()];
    int neededCount = 0;
    List<Integer> plain = new ArrayList<>();
    java.util.Map<Integer, List<Integer>> byZone = new java.util.TreeMap<>();
    for (int j = 0; j < m; j++) {
      Endpoint q = others[j];
      if (!q.onNetwork) {
        continue;
      }
      for (int v : new int[] {q.a, q.b}) {
        if (!needed[v]) {
          needed[v] = true;
          neededCount++;
        }
      }
      if (q.zone >= 0) {
        byZone.computeIfAbsent(q.zone, z -> new ArrayList<>()).add(j);
      } else {
        plain.add(j);
      }
    }
    for (int z : byZone.keySet()) {
      for (int v : hazards.zoneBoundary(z)) {
        if (!needed[v]) {
          needed[v] = true;
          neededCount++;
        }
      }
    }
    int totalNeeded = neededCount;
    // per zone, the distinct snap nodes of the points in it: an inside search stops once all are settled
    java.util.Map<Integer, int[]> zoneTargets = new java.util.HashMap<>();
    for (var e : byZone.entrySet()) {
      java.util.Set<Integer> nodes = new java.util.HashSet<>();
      for (int j : e.getValue()) {
        nodes.add(others[j].a);
        nodes.add(others[j].b);
      }
      zoneTargets.put(e.getKey(), nodes.stream().mapToInt(Integer::intValue).sorted().toArray());
    }
    long t2 = System.nanoTime();
    long cpuBefore = cpuNanos.get();

    // 2. per origin: its own zone tree, the clean network, then into each zone the other side is in
    AtomicInteger done = new AtomicInteger();
    Runnable report = () -> listener.progress("searching", (double) done.get() / Math.max(1, n));
    double exposure = settings.exposureFactor();
    forEachWithSpaces(executor, threads, n, cancelled, (i, exit, main, inside) -> {
      Endpoint p = origins[i];
      if (p.onNetwork) {
        ZoneTree.grow(exit, ctx.net, ctx.costs, ctx.combos, p, forward, exposure);
        main.reset();
        for (int k = 0; k < exit.settledCount(); k++) {
          int v = exit.settledNode(k);
          main.seed(v, exit.weight[v], exit.seconds[v], exit.metres[v]);
        }
        int[] remaining = {totalNeeded};
        SearchSpace.Stop stop = totalNeeded == 0 ? null : (node, w) -> needed[node] && --remaining[0] == 0;
        main.run(ctx.net, ctx.costs, forward, ctx.combos, null, 1, stop);
        for (int j : plain) {
          write(i, j, p, others[j], main, null, forward, cols, seconds, metres);
        }
        for (var zone : byZone.entrySet()) {
          int z = zone.getKey();
          inside.reset();
          // the clean search meets a zone at its boundary; only a search from inside it has more
          for (int v : p.zone == z ? hazards.zoneNodes(z) : hazards.zoneBoundary(z)) {
            if (main.labelled(v)) {
              inside.seed(v, main.weight[v], main.seconds[v], main.metres[v]);
            }
          }
          int[] targets = zoneTargets.get(z);
          int[] targetsLeft = {targets.length};
          inside.run(ctx.net, ctx.costs, forward, ctx.combos, hazards.usableInZone(z), exposure,
              (node, w) -> Arrays.binarySearch(targets, node) >= 0 && --targetsLeft[0] == 0);
          for (int j : zone.getValue()) {
            write(i, j, p, others[j], main, inside, forward, cols, seconds, metres);
          }
        }
      }
      done.incrementAndGet();
    }, pool, report);
    long t3 = System.nanoTime();
    log.debug("matrix {} x {} {}: snapping {} ms, meeting nodes {} ms, searches {} ms ({} ms processor time)", rows,
        cols, profile.code(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
        (cpuNanos.get() - cpuBefore) / 1_000_000);
    boolean[] rowOn = new boolean[rows], colOn = new boolean[cols];
    for (int i = 0; i < n; i++) {
      (forward ? rowOn : colOn)[i] = origins[i].onNetwork;
    }
    for (int j = 0; j < m; j++) {
      (forward ? colOn : rowOn)[j] = others[j].onNetwork;
    }
    listener.progress("matrix ready", 1);
    return new TravelTimeMatrix(profile, rows, cols, seconds, metres, rowOn, colOn);
  }

  /**
   * Writes the cell of origin {@code i} and other point {@code j}: the best of meeting the other
   * point's segment from either end node (labels of the clean search, and of the search inside the
   * point's zone when there is one) and going straight along a shared segment.
   */
  private static void write(int i, int j, Endpoint p, Endpoint q, SearchSpace clean, SearchSpace zone,
      boolean forward, int cols, float[] seconds, float[] metres) {
    double[] part = forward ? q.arrive : q.leave;
    double[] best = {Double.POSITIVE_INFINITY, 0, 0};
    meet(clean, q.a, part, 0, best);
    meet(clean, q.b, part, 1, best);
    if (zone != null) {
      meet(zone, q.a, part, 0, best);
      meet(zone, q.b, part, 1, best);
    }
    double bw = best[0], bs = best[1], bm = best[2];
    double[] direct = forward ? Endpoint.direct(p, q) : Endpoint.direct(q, p);
    if (direct != null && direct[0] < bw) {
      bw = direct[0];
      bs = direct[1];
      bm = direct[2];
    }
    if (bw < Double.POSITIVE_INFINITY) {
      int cell = forward ? i * cols + j : j * cols + i;
      seconds[cell] = (float) bs;
      metres[cell] = (float) bm;
    }
  }

  private static void meet(SearchSpace labels, int node, double[] part, int end, double[] best) {
    if (labels.labelled(node)) {
      double w = labels.weight[node] + part[end];
      if (w < best[0]) {
        best[0] = w;
        best[1] = labels.seconds[node] + part[2 + end];
        best[2] = labels.metres[node] + part[4 + end];
      }
    }
  }

  interface IndexTask {
    void run(int i);
  }

  interface SpacesTask {
    void run(int i, SearchSpace a, SearchSpace b, SearchSpace c);
  }

  private static void forEachIndex(ExecutorService ex, int threads, int count, BooleanSupplier cancelled,
      IndexTask task) {
    forEachWithSpaces(ex, threads, count, cancelled, (i, a, b, c) -> task.run(i), null, null);
  }

  /**
   * Runs {@code task} for 0..count-1 on {@code threads} workers pulling the next index, each with
   * three search spaces of its own (none when {@code pool} is null). The calling thread waits,
   * reports and checks {@code cancelled}; a cancel stops the workers after their current index.
   */
  private static void forEachWithSpaces(ExecutorService ex, int threads, int count, BooleanSupplier cancelled,
      SpacesTask task, SpacePool pool, Runnable report) {
    if (count == 0) {
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int t = 0; t < Math.min(threads, count); t++) {
      workers.add(CompletableFuture.runAsync(() -> {
        long cpu0 = CPU.getCurrentThreadCpuTime();
        SearchSpace a = pool == null ? null : pool.take();
        SearchSpace b = pool == null ? null : pool.take();
        SearchSpace c = pool == null ? null : pool.take();
        try {
          int i;
          while (!stop.get() && (i = next.getAndIncrement()) < count) {
            task.run(i, a, b, c);
          }
        } finally {
          if (pool != null) {
            pool.give(a);
            pool.give(b);
            pool.give(c);
          }
          cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpu0);
        }
      }, ex));
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new));
    try {
      while (true) {
        try {
          all.get(100, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException e) {
          if (cancelled.getAsBoolean()) {
            stop.set(true);
          }
          if (report != null) {
            report.run();
          }
        }
      }
    } catch (InterruptedException e) {
      stop.set(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("the matrix was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("a matrix worker failed", cause);
    }
    if (stop.get() || cancelled.getAsBoolean()) {
      throw new CancellationException("the matrix was cancelled");
    }
  }
}
