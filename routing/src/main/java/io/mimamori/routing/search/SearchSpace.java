package io.mimamori.routing.search;

import io.mimamori.routing.graph.ProfileCosts;
import io.mimamori.routing.graph.RoadNetwork;

/**
 * The labels of one Dijkstra search over a {@link RoadNetwork}: weight (what is minimised),
 * seconds and metres of the path found, and the parent node and edge to rebuild it. Reused from
 * search to search (reset by stamping, not by clearing); one per thread.
 *
 * <p>Two kinds of search: over clean segments only (no blocking area), and "inside" searches
 * that use only segments blocked by some of the areas a point lies in, their weight multiplied by
 * an exposure factor (the way out of, or into, a zone).
 */
final class SearchSpace {

  /** Decides when a search may stop: told of each node as it is settled. */
  interface Stop {
    /** Returns true to stop now; {@code node} is settled with {@code weight}. */
    boolean settled(int node, double weight);
  }

  final int nodes;
  final double[] weight;
  final double[] seconds;
  final double[] metres;
  final int[] parentNode;
  final int[] parentEdge;
  private final int[] labelStamp;
  private final int[] settledStamp;
  private final int[] settledOrder;
  private int settledCount;
  private int stamp = 1;
  private final NodeHeap heap;

  SearchSpace(int nodes) {
    this.nodes = nodes;
    weight = new double[nodes];
    seconds = new double[nodes];
    metres = new double[nodes];
    parentNode = new int[nodes];
    parentEdge = new int[nodes];
    labelStamp = new int[nodes];
    settledStamp = new int[nodes];
    settledOrder = new int[nodes];
    heap = new NodeHeap(nodes);
  }

  void reset() {
    stamp++;
    if (stamp == Integer.MAX_VALUE) {
      java.util.Arrays.fill(labelStamp, 0);
      java.util.Arrays.fill(settledStamp, 0);
      stamp = 1;
    }
    settledCount = 0;
    heap.clear();
  }

  boolean labelled(int node) {
    return labelStamp[node] == stamp;
  }

  boolean settled(int node) {
    return settledStamp[node] == stamp;
  }

  /** Nodes settled so far, in the order they were settled. */
  int settledCount() {
    return settledCount;
  }

  int settledNode(int i) {
    return settledOrder[i];
  }

  /** A start of the search (parent -1); kept only if better than the node's present label. */
  void seed(int node, double w, double s, double m) {
    if (!Double.isFinite(w)) {
      return;
    }
    if (labelStamp[node] == stamp && weight[node] <= w) {
      return;
    }
    labelStamp[node] = stamp;
    weight[node] = w;
    seconds[node] = s;
    metres[node] = m;
    parentNode[node] = -1;
    parentEdge[node] = -1;
    heap.offer(node, w);
  }

  /** Settles the seeds and nothing more. */
  void settleSeeds() {
    while (!heap.isEmpty()) {
      int u = heap.poll();
      settledStamp[u] = stamp;
      settledOrder[settledCount++] = u;
    }
  }

  /**
   * Runs Dijkstra from the seeds. {@code forward}: along the direction of travel (labels are from
   * the seeds); otherwise against it (labels are to the seeds). {@code combos}: each edge's
   * combination of blocking areas, or null when nothing blocks. {@code inside}: null for a search
   * over clean segments only; otherwise the combinations usable inside, whose weight is multiplied
   * by {@code exposure} (clean segments are then not used).
   */
  void run(RoadNetwork net, ProfileCosts costs, boolean forward, int[] combos, boolean[] inside, double exposure,
      Stop stop) {
    int[] first = net.first();
    int[] adj = net.adjNode();
    int[] slotEdge = net.slotEdge();
    float[] metresOfEdge = net.metres();
    float[] w = forward ? costs.weightOut() : costs.weightIn();
    float[] s = forward ? costs.secondsOut() : costs.secondsIn();
    boolean insideSearch = inside != null;
    if (insideSearch && combos == null) {
      // nothing is blocked: an inside search has nowhere to go, the seeds are all it finds
      settleSeeds();
      return;
    }
    while (!heap.isEmpty()) {
      int u = heap.poll();
      settledStamp[u] = stamp;
      settledOrder[settledCount++] = u;
      double wu = weight[u];
      if (stop != null && stop.settled(u, wu)) {
        return;
      }
      double su = seconds[u], mu = metres[u];
      for (int k = first[u], end = first[u + 1]; k < end; k++) {
        float wk = w[k];
        if (wk == Float.POSITIVE_INFINITY) {
          continue;
        }
        int e = slotEdge[k];
        double factor = 1;
        if (insideSearch) {
          int c = combos[e];
          if (c == 0 || !inside[c]) {
            continue;
          }
          factor = exposure;
        } else if (combos != null && combos[e] != 0) {
          continue;
        }
        int v = adj[k];
        if (settledStamp[v] == stamp) {
          continue;
        }
        double nw = wu + wk * factor;
        if (labelStamp[v] != stamp || nw < weight[v]) {
          labelStamp[v] = stamp;
          weight[v] = nw;
          seconds[v] = su + s[k];
          metres[v] = mu + metresOfEdge[e];
          parentNode[v] = u;
          parentEdge[v] = e;
          heap.offer(v, nw);
        }
      }
    }
  }
}
