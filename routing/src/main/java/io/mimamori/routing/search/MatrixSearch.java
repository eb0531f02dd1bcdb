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
 * A many-to-many travel-time matrix (use {@code HazardAwareRouter}): one Dijkstra per point of the
 * smaller side over the flat arrays, all sharing the snapped points and the zone trees of the
 * other side, spread over the router's threads. Searches run from the origins when there are no
 * more of them than destinations, otherwise backwards from the destinations. Each search stops
 * once every node where it can meet the other side is settled. Gives exactly what {@link
 * RouteSearch} gives for each pair.
 */
public final class MatrixSearch {

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

    // 1. snap every point; grow the zone trees of the other side (arriving when searching forward)
    listener.progress("placing points on the roads", 0);
    Endpoint[] origins = new Endpoint[n];
    Endpoint[] others = new Endpoint[m];
    ZoneTree[] trees = new ZoneTree[m];
    forEachIndex(executor, threads, n + m, cancelled, i -> {
      if (i < n) {
        origins[i] = ctx.snap(originPoints.get(i));
      } else {
        others[i - n] = ctx.snap(otherPoints.get(i - n));
      }
    });
    forEachWithSpace(executor, threads, m, cancelled, (j, space) -> {
      Endpoint q = others[j];
      if (!q.onNetwork) {
        trees[j] = ZoneTree.EMPTY;
        return;
      }
      ZoneTree.grow(space, ctx.net, ctx.costs, ctx.combos, q, !forward, settings.exposureFactor());
      trees[j] = ZoneTree.copyOf(space, ctx.net, ctx.combos, q);
    }, pool);
    // where a search can meet the other side: boundary nodes of their trees
    boolean[] needed = new boolean[ctx.net.nodes()];
    int neededCount = 0;
    List<Integer> zoned = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      ZoneTree t = trees[j];
      for (int k = 0; k < t.nodes.length; k++) {
        if (t.boundary[k] && !needed[t.nodes[k]]) {
          needed[t.nodes[k]] = true;
          neededCount++;
        }
      }
      if (others[j].zones.length > 0) {
        zoned.add(j);
      }
    }
    int totalNeeded = neededCount;

    // 2. one search per origin
    AtomicInteger done = new AtomicInteger();
    Runnable report = () -> listener.progress("searching", (double) done.get() / Math.max(1, n));
    forEachWithSpaces(executor, threads, n, cancelled, (i, exit, main) -> {
      Endpoint p = origins[i];
      if (p.onNetwork) {
        boolean overlap = false;
        if (p.zones.length > 0) {
          for (int j : zoned) {
            if (ActiveHazards.intersect(p.zones, others[j].zones)) {
              overlap = true;
              break;
            }
          }
        }
        ZoneTree.grow(exit, ctx.net, ctx.costs, ctx.combos, p, forward, settings.exposureFactor());
        main.reset();
        for (int k = 0; k < exit.settledCount(); k++) {
          int v = exit.settledNode(k);
          main.seed(v, exit.weight[v], exit.seconds[v], exit.metres[v]);
        }
        int[] remaining = {totalNeeded};
        SearchSpace.Stop stop = overlap || totalNeeded == 0 ? null : (node, w) -> needed[node] && --remaining[0] == 0;
        main.run(ctx.net, ctx.costs, forward, ctx.combos, null, 1, stop);
        for (int j = 0; j < m; j++) {
          Endpoint q = others[j];
          if (!q.onNetwork) {
            continue;
          }
          boolean all = overlap && ActiveHazards.intersect(p.zones, q.zones);
          ZoneTree t = trees[j];
          double bw = Double.POSITIVE_INFINITY, bs = 0, bm = 0;
          for (int k = 0; k < t.nodes.length; k++) {
            if (!all && !t.boundary[k]) {
              continue;
            }
            int v = t.nodes[k];
            if (!main.labelled(v)) {
              continue;
            }
            double w = main.weight[v] + t.weight[k];
            if (w < bw) {
              bw = w;
              bs = main.seconds[v] + t.seconds[k];
              bm = main.metres[v] + t.metres[k];
            }
          }
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
      }
      done.incrementAndGet();
    }, pool, report);
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

  interface IndexTask {
    void run(int i);
  }

  interface SpaceTask {
    void run(int i, SearchSpace space);
  }

  interface TwoSpaceTask {
    void run(int i, SearchSpace a, SearchSpace b);
  }

  private static void forEachIndex(ExecutorService ex, int threads, int count, BooleanSupplier cancelled,
      IndexTask task) {
    forEachWithSpaces(ex, threads, count, cancelled, (i, a, b) -> task.run(i), null, null);
  }

  private static void forEachWithSpace(ExecutorService ex, int threads, int count, BooleanSupplier cancelled,
      SpaceTask task, SpacePool pool) {
    forEachWithSpaces(ex, threads, count, cancelled, (i, a, b) -> task.run(i, a), pool, null);
  }

  /**
   * Runs {@code task} for 0..count-1 on {@code threads} workers pulling the next index, each with
   * two search spaces of its own (none when {@code pool} is null). The calling thread waits,
   * reports and checks {@code cancelled}; a cancel stops the workers after their current index.
   */
  private static void forEachWithSpaces(ExecutorService ex, int threads, int count, BooleanSupplier cancelled,
      TwoSpaceTask task, SpacePool pool, Runnable report) {
    if (count == 0) {
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int t = 0; t < Math.min(threads, count); t++) {
      workers.add(CompletableFuture.runAsync(() -> {
        SearchSpace a = pool == null ? null : pool.take();
        SearchSpace b = pool == null ? null : pool.take();
        try {
          int i;
          while (!stop.get() && (i = next.getAndIncrement()) < count) {
            task.run(i, a, b);
          }
        } finally {
          if (pool != null) {
            pool.give(a);
            pool.give(b);
          }
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
