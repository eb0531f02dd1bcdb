package io.mimamori.routing.shelter;

import java.util.Arrays;

/**
 * A binary min-heap of resident indices keyed by a cost, with lazy deletion: entries carry the
 * resident's assignment version when pushed, and an entry whose resident has since moved is
 * dropped when it reaches the top.
 */
final class ResidentHeap {

  private int[] residents = new int[4];
  private int[] versions = new int[4];
  private double[] keys = new double[4];
  private int size;

  void push(int resident, int version, double key) {
    if (size == residents.length) {
      residents = Arrays.copyOf(residents, size * 2);
      versions = Arrays.copyOf(versions, size * 2);
      keys = Arrays.copyOf(keys, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= key) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    residents[i] = resident;
    versions[i] = version;
    keys[i] = key;
  }

  /** The top resident still valid under {@code version} (entries of older versions are dropped), or -1. */
  int peek(int[] version) {
    while (size > 0 && versions[0] != version[residents[0]]) {
      pop();
    }
    return size == 0 ? -1 : residents[0];
  }

  double peekKey() {
    return keys[0];
  }

  private void pop() {
    size--;
    if (size == 0) {
      return;
    }
    int r = residents[size], v = versions[size];
    double k = keys[size];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && keys[c + 1] < keys[c]) {
        c++;
      }
      if (keys[c] >= k) {
        break;
      }
      move(c, i);
      i = c;
    }
    residents[i] = r;
    versions[i] = v;
    keys[i] = k;
  }

  private void move(int from, int to) {
    residents[to] = residents[from];
    versions[to] = versions[from];
    keys[to] = keys[from];
  }
}
