package io.mimamori.routing.search;

import io.mimamori.routing.graph.ProfileCosts;
import io.mimamori.routing.graph.RoadNetwork;

/**
 * The nodes a point reaches on its own: the end nodes of its segment and, when it lies in a
 * blocked zone, every node reachable over that zone's segments (the way out of the zone when
 * leaving the point, the way in when arriving), their weight multiplied by the exposure factor.
 * A search between two points joins the clean network to these.
 */
final class ZoneTree {

  private ZoneTree() {}

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
}
