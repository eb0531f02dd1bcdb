package io.mimamori.routing.search;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Search spaces of one graph, lent out per search and taken back, so that concurrent routes and
 * matrix threads each work in their own arrays without allocating them every time.
 */
public final class SpacePool {

  private final int nodes;
  private final ConcurrentLinkedQueue<SearchSpace> free = new ConcurrentLinkedQueue<>();

  public SpacePool(int nodes) {
    this.nodes = nodes;
  }

  SearchSpace take() {
    SearchSpace s = free.poll();
    return s != null ? s : new SearchSpace(nodes);
  }

  void give(SearchSpace s) {
    if (free.size() < 16) {
      free.offer(s);
    }
  }
}
