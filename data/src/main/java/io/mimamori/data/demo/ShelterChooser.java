package io.mimamori.data.demo;

import io.mimamori.layers.shelter.Shelter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The nearest shelter (straight line) meeting a condition, from a grid of 1 km buckets searched ring
 * by ring; and what is left of each shelter's capacity as plans are matched to it: persons (everyone
 * in the household goes along, as the plan check counts them) and, at a child welfare shelter,
 * children.
 */
final class ShelterChooser {

  private static final double BUCKET = 1000;

  final List<Shelter> shelters;
  final long[] storedIds;
  private final double[] xs;
  private final double[] ys;
  private final int[] remainingPersons;
  private final int[] remainingChildren;
  private final int bx;
  private final int by;
  private final List<List<Integer>> buckets = new ArrayList<>();

  ShelterChooser(TownGeography geo, List<Shelter> shelters, long[] storedIds) {
    this.shelters = shelters;
    this.storedIds = storedIds;
    this.xs = new double[shelters.size()];
    this.ys = new double[shelters.size()];
    this.remainingPersons = new int[shelters.size()];
    this.remainingChildren = new int[shelters.size()];
    this.bx = (int) Math.ceil(geo.width / BUCKET) + 1;
    this.by = (int) Math.ceil(geo.height / BUCKET) + 1;
    for (int i = 0; i < bx * by; i++) {
      buckets.add(new ArrayList<>());
    }
    for (int i = 0; i < shelters.size(); i++) {
      Shelter s = shelters.get(i);
      xs[i] = geo.frame.x(s.location().lon());
      ys[i] = geo.frame.y(s.location().lat());
      remainingPersons[i] = s.capacityPersons() == null ? Integer.MAX_VALUE : s.capacityPersons();
      remainingChildren[i] = s.capacityChildren() == null ? Integer.MAX_VALUE : s.capacityChildren();
      buckets.get(bucket(xs[i], ys[i])).add(i);
    }
  }

  /** The index of the nearest shelter satisfying {@code ok}, or -1. */
  int nearest(double x, double y, IntPredicate ok) {
    return nearest(x, y, Double.MAX_VALUE, ok);
  }

  /** The index of the nearest shelter within {@code maxDistance} m satisfying {@code ok}, or -1. */
  int nearest(double x, double y, double maxDistance, IntPredicate ok) {
    int cx = clamp((int) (x / BUCKET), bx), cy = clamp((int) (y / BUCKET), by);
    int best = -1;
    double bestD = maxDistance;
    int rings = (int) Math.min(Math.max(bx, by), Math.ceil(maxDistance / BUCKET) + 1);
    for (int ring = 0; ring < rings; ring++) {
      if (best >= 0 && (ring - 1) * BUCKET > bestD) {
        break;
      }
      for (int j = cy - ring; j <= cy + ring; j++) {
        for (int i = cx - ring; i <= cx + ring; i++) {
          if (i < 0 || j < 0 || i >= bx || j >= by || (Math.abs(i - cx) != ring && Math.abs(j - cy) != ring)) {
            continue;
          }
          for (int s : buckets.get(j * bx + i)) {
            double d = Math.hypot(xs[s] - x, ys[s] - y);
            if ((d < bestD || (d == bestD && s < best)) && ok.test(s)) {
              bestD = d;
              best = s;
            }
          }
        }
      }
    }
    return best;
  }

  boolean hasRoom(int shelter, int persons, int children) {
    return remainingPersons[shelter] >= persons && remainingChildren[shelter] >= children;
  }

  void take(int shelter, int persons, int children) {
    remainingPersons[shelter] -= persons;
    remainingChildren[shelter] -= children;
  }

  private int bucket(double x, double y) {
    return clamp((int) (y / BUCKET), by) * bx + clamp((int) (x / BUCKET), bx);
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(n - 1, v));
  }
}
