package io.mimamori.routing.search;

import io.mimamori.routing.graph.ProfileCosts;
import io.mimamori.routing.graph.RoadNetwork;

/**
 * The nodes a point reaches on its own: the end nodes of its segment and, when it lies inside
 * blocking areas, every node reachable inside them (the way out of the zone when leaving the
 * point, the way in when arriving). A search between two points joins the clean network to these.
 * {@code boundary} marks nodes with some segment not usable inside, where a clean search can meet
 * the tree; interior nodes meet only a search that starts inside one of the same areas.
 */
final class ZoneTree {

  final int[] nodes;
  final double[] weight;
  final double[] seconds;
  final double[] metres;
  final boolean[] boundary;

  private ZoneTree(int n) {
    nodes = new int[n];
    weight = new double[n];
    seconds = new double[n];
    metres = new double[n];
    boundary = new boolean[n];
  }

  static final ZoneTree EMPTY = new ZoneTree(0);

  /**
   * Grows the tree of {@code p} in {@code space}: leaving the point when {@code forward}, arriving
   * at it otherwise. The labels stay in {@code space} (with parents) for a route to be rebuilt.
   */
  static void grow(SearchSpace space, RoadNetwork net, ProfileCosts costs, int[] combos, Endpoint p, boolean forward,
      double exposure) {
    space.reset();
    p.seed(space, forward);
    if (p.inside == null) {
      space.settleSeeds();
    } else {
      space.run(net, costs, forward, combos, p.inside, exposure, null);
    }
  }

  /** A compact copy of the tree just grown in {@code space}. */
  static ZoneTree copyOf(SearchSpace space, RoadNetwork net, int[] combos, Endpoint p) {
    int n = space.settledCount();
    ZoneTree t = new ZoneTree(n);
    for (int i = 0; i < n; i++) {
      int v = space.settledNode(i);
      t.nodes[i] = v;
      t.weight[i] = space.weight[v];
      t.seconds[i] = space.seconds[v];
      t.metres[i] = space.metres[v];
      t.boundary[i] = isBoundary(net, combos, p.inside, v);
    }
    return t;
  }

  static boolean isBoundary(RoadNetwork net, int[] combos, boolean[] inside, int v) {
    if (combos == null || inside == null) {
      return true;
    }
    int[] first = net.first();
    int[] slotEdge = net.slotEdge();
    for (int k = first[v]; k < first[v + 1]; k++) {
      int c = combos[slotEdge[k]];
      if (c == 0 || !inside[c]) {
        return true;
      }
    }
    return false;
  }
}
