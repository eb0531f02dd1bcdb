package io.mimamori.routing.search;

/**
 * A binary min-heap of graph nodes keyed by weight, with decrease-key. Reset in O(1) by stamping:
 * positions from an earlier use are ignored.
 */
final class NodeHeap {

  private final int[] heap;
  private final double[] keys;
  private final int[] pos;
  private final int[] posStamp;
  private int size;
  private int stamp = 1;

  NodeHeap(int nodes) {
    heap = new int[Math.max(1, nodes)];
    keys = new double[Math.max(1, nodes)];
    pos = new int[Math.max(1, nodes)];
    posStamp = new int[Math.max(1, nodes)];
  }

  void clear() {
    size = 0;
    stamp++;
    if (stamp == Integer.MAX_VALUE) {
      java.util.Arrays.fill(posStamp, 0);
      stamp = 1;
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  double peekKey() {
    return keys[0];
  }

  /** Inserts {@code node} or lowers its key; a higher key than the present one is ignored. */
  void offer(int node, double key) {
    int i;
    if (posStamp[node] == stamp && pos[node] >= 0) {
      i = pos[node];
      if (key >= keys[i]) {
        return;
      }
    } else {
      i = size++;
      posStamp[node] = stamp;
    }
    // sift up
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= key) {
        break;
      }
      heap[i] = heap[parent];
      keys[i] = keys[parent];
      pos[heap[i]] = i;
      i = parent;
    }
    heap[i] = node;
    keys[i] = key;
    pos[node] = i;
  }

  int poll() {
    int top = heap[0];
    pos[top] = -1;
    size--;
    if (size > 0) {
      int node = heap[size];
      double key = keys[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && keys[child + 1] < keys[child]) {
          child++;
        }
        if (keys[child] >= key) {
          break;
        }
        heap[i] = heap[child];
        keys[i] = keys[child];
        pos[heap[i]] = i;
        i = child;
      }
      heap[i] = node;
      keys[i] = key;
      pos[node] = i;
    }
    return top;
  }
}
