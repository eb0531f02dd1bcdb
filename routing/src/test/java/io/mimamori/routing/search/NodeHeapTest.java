package io.mimamori.routing.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NodeHeapTest {

  @Test
  void pollsInKeyOrderWithDecreasesAndReuse() {
    SplittableRandom r = new SplittableRandom(1);
    NodeHeap heap = new NodeHeap(500);
    for (int round = 0; round < 20; round++) {
      heap.clear();
      Map<Integer, Double> best = new HashMap<>();
      for (int i = 0; i < 2000; i++) {
        int node = r.nextInt(500);
        double key = r.nextDouble() * 100;
        heap.offer(node, key);
        best.merge(node, key, Math::min);
      }
      PriorityQueue<double[]> expected = new PriorityQueue<>((a, b) -> Double.compare(a[1], b[1]));
      best.forEach((n, k) -> expected.add(new double[] {n, k}));
      double last = -1;
      int polled = 0;
      while (!heap.isEmpty()) {
        double key = heap.peekKey();
        int node = heap.poll();
        assertThat(key).isGreaterThanOrEqualTo(last).isEqualTo(best.get(node));
        last = key;
        polled++;
      }
      assertThat(polled).isEqualTo(best.size());
    }
  }
}
