package io.mimamori.bench.routing;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The pre-assignment's exact reference: a textbook min-cost flow (successive shortest paths with
 * Dijkstra and potentials) on the whole bipartite graph source → residents → shelters → sink,
 * written independently of the solver it checks. Each resident supplies {@code units} (1, or the
 * household's people) at {@code (seconds - bonus) / units} per unit, so that placing a resident
 * always pays (bonus larger than any chain of moves) and among as many placed the least travel
 * wins; augmenting stops when no path pays any more. With one unit per resident the optimum is
 * integral and is the exact optimum of the assignment; with households it is the linear relaxation
 * (households may be split), a lower bound.
 */
final class ReferenceMinCostFlow {

  /** Residents placed (fractions when split), their travel seconds, and the run time. */
  record Result(double placed, double seconds, double elapsed) {}

  private int[] head;
  private int[] to;
  private int[] next;
  private long[] cap;
  private double[] cost;
  private int edges;

  static Result solve(double[][] seconds, int[] units, int[] capacity) {
    return new ReferenceMinCostFlow().run(seconds, units, capacity);
  }

  private Result run(double[][] seconds, int[] units, int[] capacity) {
    long t0 = System.nanoTime();
    int n = seconds.length, m = capacity.length;
    int source = n + m, sink = n + m + 1, nodes = n + m + 2;
    double bonus = 1;
    for (double[] row : seconds) {
      for (double s : row) {
        if (Double.isFinite(s)) {
          bonus = Math.max(bonus, s);
        }
      }
    }
    bonus *= 4.0 * (m + 2);
    int arcs = 2 * (n + m);
    for (double[] row : seconds) {
      for (double s : row) {
        arcs += Double.isFinite(s) ? 2 : 0;
      }
    }
    head = new int[nodes];
    Arrays.fill(head, -1);
    to = new int[arcs];
    next = new int[arcs];
    cap = new long[arcs];
    cost = new double[arcs];
    for (int r = 0; r < n; r++) {
      arc(source, r, units[r], 0);
      for (int j = 0; j < m; j++) {
        if (Double.isFinite(seconds[r][j])) {
          arc(r, n + j, units[r], (seconds[r][j] - bonus) / units[r]);
        }
      }
    }
    for (int j = 0; j < m; j++) {
      arc(n + j, sink, capacity[j], 0);
    }
    // initial potentials: the graph is acyclic, costs negative only on resident -> shelter arcs
    double[] pi = new double[nodes];
    double minShelter = 0;
    for (int j = 0; j < m; j++) {
      double best = 0;
      for (int e = head[n + j]; e >= 0; e = next[e]) {
        // reverse arcs from shelters to residents carry the negated costs
        if (to[e] < n && (e & 1) == 1) {
          best = Math.min(best, -cost[e]);
        }
      }
      pi[n + j] = best;
      minShelter = Math.min(minShelter, best);
    }
    pi[sink] = minShelter;
    double[] dist = new double[nodes];
    int[] via = new int[nodes];
    double placedUnits = 0, totalCost = 0;
    double[] placedShare = new double[n];
    while (true) {
      Arrays.fill(dist, Double.POSITIVE_INFINITY);
      Arrays.fill(via, -1);
      dist[source] = 0;
      PriorityQueue<double[]> pq = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
      pq.add(new double[] {0, source});
      while (!pq.isEmpty()) {
        double[] top = pq.poll();
        int u = (int) top[1];
        if (top[0] > dist[u]) {
          continue;
        }
        for (int e = head[u]; e >= 0; e = next[e]) {
          if (cap[e] <= 0) {
            continue;
          }
          int v = to[e];
          double nd = dist[u] + cost[e] + pi[u] - pi[v];
          if (nd < dist[v] - 1e-9) {
            dist[v] = nd;
            via[v] = e;
            pq.add(new double[] {nd, v});
          }
        }
      }
      if (dist[sink] == Double.POSITIVE_INFINITY) {
        break;
      }
      for (int v = 0; v < nodes; v++) {
        if (dist[v] < Double.POSITIVE_INFINITY) {
          pi[v] += dist[v];
        }
      }
      double pathCost = pi[sink] - pi[source];
      if (pathCost >= -1e-9) {
        break; // no augmenting path pays any more
      }
      long push = Long.MAX_VALUE;
      for (int v = sink; v != source; v = to[via[v] ^ 1]) {
        push = Math.min(push, cap[via[v]]);
      }
      for (int v = sink; v != source; v = to[via[v] ^ 1]) {
        cap[via[v]] -= push;
        cap[via[v] ^ 1] += push;
      }
      placedUnits += push;
      totalCost += push * pathCost;
    }
    // read the flow on resident -> shelter arcs
    double placed = 0, travel = 0;
    for (int r = 0; r < n; r++) {
      for (int e = head[r]; e >= 0; e = next[e]) {
        int v = to[e];
        if (v >= n && v < n + m && (e & 1) == 0) {
          long flow = cap[e ^ 1];
          if (flow > 0) {
            placedShare[r] += (double) flow / units[r];
            travel += (double) flow / units[r] * seconds[r][v - n];
          }
        }
      }
      placed += placedShare[r];
    }
    return new Result(placed, travel, (System.nanoTime() - t0) / 1e9);
  }

  private void arc(int u, int v, long capacity, double c) {
    add(u, v, capacity, c);
    add(v, u, 0, -c);
  }

  private void add(int u, int v, long capacity, double c) {
    to[edges] = v;
    cap[edges] = capacity;
    cost[edges] = c;
    next[edges] = head[u];
    head[u] = edges++;
  }
}
