package io.mimamori.routing.shelter;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Assigns residents to shelters within their capacities: as many residents as can be placed, and
 * among those assignments the least total cost (travel seconds). Successive shortest augmenting
 * paths: each step places one more resident along the cheapest chain "resident enters shelter A,
 * someone in A moves to B, ..., into a shelter with room", searched on a graph of the shelters
 * only, whose edge A→B costs the cheapest move of someone now in A to B (kept in lazily-updated
 * heaps).
 *
 * <p>When every resident takes one place this is the classical min-cost flow, solved exactly with
 * Dijkstra on reduced costs. Households of several people and children's places make it a packing
 * problem: then the chains are searched with Bellman-Ford, residents taking fewer places go first
 * ({@link HouseholdPenalty}), and a final pass places whom one ejection makes room for and moves,
 * replaces and swaps residents while travel falls. Capacities are never broken; how close to the
 * optimum it comes is measured in bench/RESULTS.md.
 *
 * <p>Input per resident {@code r} and shelter {@code j}: {@code cost[r][j]} ({@code +∞} when not
 * allowed), {@code places[r][j]} people taken; {@code child[r]} whether r takes a child's place
 * where children are counted. Per shelter: places and children's places (use {@link
 * Integer#MAX_VALUE} for "not counted").
 */
final class AssignmentSolver {

  private static final int CLASSES = 3;

  private final int n;
  private final int m;
  private final double[][] cost;
  /** Travel cost as given (without the household penalty), for the final improvements. */
  private final double[][] travel;
  private final int[][] places;
  private final boolean[] child;
  private final int[] capPlaces;
  private final int[] capChildren;
  private final int[] at;
  private final int[] version;
  private final int[] usedPlaces;
  private final int[] usedChildren;
  private final ResidentHeap[][] unplaced;
  private final ResidentHeap[][][] moves;
  private final boolean households;

  AssignmentSolver(double[][] cost, int[][] places, boolean[] child, int[] capPlaces, int[] capChildren) {
    this.n = cost.length;
    this.m = capPlaces.length;
    this.cost = HouseholdPenalty.apply(cost, places);
    this.travel = cost;
    this.households = this.cost != cost || HouseholdPenalty.anyChild(child);
    this.places = places;
    this.child = child;
    this.capPlaces = capPlaces;
    this.capChildren = capChildren;
    this.at = new int[n];
    Arrays.fill(at, -1);
    this.version = new int[n];
    this.usedPlaces = new int[m];
    this.usedChildren = new int[m];
    this.unplaced = new ResidentHeap[m][CLASSES];
    this.moves = new ResidentHeap[m][m][CLASSES];
    for (int j = 0; j < m; j++) {
      for (int c = 0; c < CLASSES; c++) {
        unplaced[j][c] = new ResidentHeap();
      }
    }
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < m; j++) {
        if (cost[r][j] < Double.POSITIVE_INFINITY) {
          unplaced[j][cls(r, j)].push(r, 0, cost[r][j]);
        }
      }
    }
  }

  private int cls(int r, int j) {
    return Math.min(places[r][j], CLASSES) - 1;
  }

  private int childAt(int r, int j) {
    return child[r] && capChildren[j] != Integer.MAX_VALUE ? 1 : 0;
  }

  private boolean fits(int j, int enterPlaces, int enterChild, int leavePlaces, int leaveChild) {
    return (long) usedPlaces[j] - leavePlaces + enterPlaces <= capPlaces[j]
        && (long) usedChildren[j] - leaveChild + enterChild <= capChildren[j];
  }

  /**
   * Runs to the end (no resident can be placed any more) and returns each resident's shelter or
   * -1. Tells {@code placed} after each resident placed; stops with {@link CancellationException}.
   */
  int[] solve(BooleanSupplier cancelled, IntConsumer placed) {
    return households ? solveHouseholds(cancelled, placed) : solveOnePlaceEach(cancelled, placed);
  }

  /**
   * Everyone takes one place: successive shortest paths with Dijkstra on reduced costs (node
   * potentials keep them non-negative), the exact min-cost flow.
   */
  private int[] solveOnePlaceEach(BooleanSupplier cancelled, IntConsumer placed) {
    double[] pi = new double[m];
    double piSink = 0;
    double[] dist = new double[m];
    int[] prev = new int[m];
    int[] via = new int[m];
    boolean[] done = new boolean[m];
    int count = 0;
    while (true) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("the pre-assignment was cancelled");
      }
      for (int j = 0; j < m; j++) {
        dist[j] = Double.POSITIVE_INFINITY;
        done[j] = false;
        int r = unplaced[j][0].peek(version);
        if (r >= 0) {
          dist[j] = Math.max(0, cost[r][j] - pi[j]);
          prev[j] = -1;
          via[j] = r;
        }
      }
      double distSink = Double.POSITIVE_INFINITY;
      int end = -1;
      for (int round = 0; round < m; round++) {
        int j = -1;
        for (int k = 0; k < m; k++) {
          if (!done[k] && dist[k] < Double.POSITIVE_INFINITY && (j < 0 || dist[k] < dist[j])) {
            j = k;
          }
        }
        if (j < 0 || dist[j] >= distSink) {
          break;
        }
        done[j] = true;
        if (usedPlaces[j] < capPlaces[j]) {
          double d = dist[j] + Math.max(0, pi[j] - piSink);
          if (d < distSink) {
            distSink = d;
            end = j;
          }
        }
        for (int k = 0; k < m; k++) {
          ResidentHeap h = moves[j][k][0];
          if (k == j || done[k] || h == null) {
            continue;
          }
          int r = h.peek(version);
          if (r < 0) {
            continue;
          }
          double nd = dist[j] + Math.max(0, h.peekKey() + pi[j] - pi[k]);
          if (nd < dist[k]) {
            dist[k] = nd;
            prev[k] = j;
            via[k] = r;
          }
        }
      }
      if (end < 0) {
        return at.clone();
      }
      for (int j = 0; j < m; j++) {
        pi[j] += Math.min(dist[j], distSink);
      }
      piSink += distSink;
      apply(end, prev, via);
      placed.accept(++count);
    }
  }

  /** Households or children's places: Bellman-Ford over the shelters, then the improving passes. */
  private int[] solveHouseholds(BooleanSupplier cancelled, IntConsumer placed) {
    double[] dist = new double[m];
    int[] need = new int[m];
    int[] needChild = new int[m];
    int[] prev = new int[m];
    int[] via = new int[m];
    int[] relaxed = new int[m];
    boolean[] queued = new boolean[m];
    int count = 0;
    while (true) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("the pre-assignment was cancelled");
      }
      Arrays.fill(dist, Double.POSITIVE_INFINITY);
      Arrays.fill(relaxed, 0);
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (int j = 0; j < m; j++) {
        for (int c = 0; c < CLASSES; c++) {
          // entries of the unplaced heaps carry version 0, which a resident loses when placed
          int r = unplaced[j][c].peek(version);
          if (r < 0) {
            continue;
          }
          double d = cost[r][j];
          if (d < dist[j] || (d == dist[j] && places[r][j] < need[j])) {
            dist[j] = d;
            need[j] = places[r][j];
            needChild[j] = childAt(r, j);
            prev[j] = -1;
            via[j] = r;
          }
        }
        if (dist[j] < Double.POSITIVE_INFINITY) {
          queue.add(j);
          queued[j] = true;
        }
      }
      while (!queue.isEmpty()) {
        int j = queue.poll();
        queued[j] = false;
        if (++relaxed[j] > m) {
          continue; // a negative cycle (possible only with households): relax no further
        }
        if (fits(j, need[j], needChild[j], 0, 0)) {
          continue; // room here: no need to move anyone out
        }
        for (int k = 0; k < m; k++) {
          if (k == j) {
            continue;
          }
          for (int c = 0; c < CLASSES; c++) {
            ResidentHeap h = moves[j][k][c];
            if (h == null) {
              continue;
            }
            int r = h.peek(version);
            if (r < 0 || !fits(j, need[j], needChild[j], places[r][j], childAt(r, j))) {
              continue;
            }
            double nd = dist[j] + h.peekKey();
            if (nd < dist[k] - 1e-9 && onPath(prev, via, j, r)) {
              dist[k] = nd;
              need[k] = places[r][k];
              needChild[k] = childAt(r, k);
              prev[k] = j;
              via[k] = r;
              if (!queued[k]) {
                queue.add(k);
                queued[k] = true;
              }
            }
          }
        }
      }
      int end = -1;
      for (int j = 0; j < m; j++) {
        if (dist[j] < Double.POSITIVE_INFINITY && fits(j, need[j], needChild[j], 0, 0)
            && (end < 0 || dist[j] < dist[end])) {
          end = j;
        }
      }
      if (end < 0 || !apply(end, prev, via)) {
        improve(cancelled);
        return at.clone();
      }
      placed.accept(++count);
    }
  }

  /**
   * With households the chains above may miss a placement or a cheaper arrangement: place whom a
   * single ejection makes room for, then move and swap residents while that lowers the cost.
   */
  private void improve(BooleanSupplier cancelled) {
    for (int round = 0; round < 20; round++) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("the pre-assignment was cancelled");
      }
      boolean better = ejectToPlace();
      better |= moveAndSwap();
      if (!better) {
        return;
      }
    }
  }

  /** Places an unplaced resident where moving one resident out to a shelter with room makes space. */
  private boolean ejectToPlace() {
    boolean any = false;
    boolean roomSomewhere = false;
    for (int k = 0; k < m; k++) {
      roomSomewhere |= usedPlaces[k] < capPlaces[k];
    }
    if (!roomSomewhere) {
      return false;
    }
    for (int r = 0; r < n; r++) {
      if (at[r] >= 0) {
        continue;
      }
      search:
      for (int j = 0; j < m; j++) {
        if (cost[r][j] == Double.POSITIVE_INFINITY) {
          continue;
        }
        if (fits(j, places[r][j], childAt(r, j), 0, 0)) {
          assign(r, j);
          any = true;
          break;
        }
        for (int q = 0; q < n; q++) {
          if (at[q] != j || !fits(j, places[r][j], childAt(r, j), places[q][j], childAt(q, j))) {
            continue;
          }
          for (int k = 0; k < m; k++) {
            if (k != j && cost[q][k] < Double.POSITIVE_INFINITY && fits(k, places[q][k], childAt(q, k), 0, 0)) {
              assign(q, k);
              assign(r, j);
              any = true;
              break search;
            }
          }
        }
      }
    }
    return any;
  }

  /**
   * Moves to a shelter with room, someone unplaced for someone placed, and swaps between two
   * shelters, whenever the travel cost falls and no fewer residents are placed.
   */
  private boolean moveAndSwap() {
    boolean any = false;
    for (int r = 0; r < n; r++) {
      int j = at[r];
      if (j < 0) {
        continue;
      }
      for (int k = 0; k < m; k++) {
        if (k != j && travel[r][k] < travel[r][at[r]] - 1e-9 && fits(k, places[r][k], childAt(r, k), 0, 0)) {
          assign(r, k);
          any = true;
        }
      }
    }
    // someone unplaced instead of someone placed, when as many stay placed and travel falls
    for (int r = 0; r < n; r++) {
      if (at[r] >= 0) {
        continue;
      }
      for (int q = 0; q < n && at[r] < 0; q++) {
        int j = at[q];
        if (j >= 0 && travel[r][j] < travel[q][j] - 1e-9
            && fits(j, places[r][j], childAt(r, j), places[q][j], childAt(q, j))) {
          usedPlaces[j] -= places[q][j];
          usedChildren[j] -= childAt(q, j);
          at[q] = -1;
          version[q]++;
          assign(r, j);
          any = true;
        }
      }
    }
    // swaps between two shelters: the cheapest move out of each towards the other, from the heaps
    for (int j = 0; j < m; j++) {
      for (int k = j + 1; k < m; k++) {
        any |= swapBetween(j, k);
      }
    }
    return any;
  }

  /** False when resident {@code r} already moves on the path ending at {@code j} (would loop). */
  private static boolean onPath(int[] prev, int[] via, int j, int r) {
    int steps = 0;
    for (int x = j; x >= 0 && steps < prev.length; x = prev[x], steps++) {
      if (via[x] == r) {
        return false;
      }
    }
    return steps < prev.length;
  }

  /** Moves the residents along the path ending at {@code end}, last move first. */
  private boolean apply(int end, int[] prev, int[] via) {
    int steps = 0;
    for (int j = end; j >= 0; j = prev[j]) {
      if (++steps > m) {
        return false;
      }
    }
    for (int j = end; j >= 0; j = prev[j]) {
      assign(via[j], j);
    }
    return true;
  }

  private void assign(int r, int j) {
    int from = at[r];
    if (from >= 0) {
      usedPlaces[from] -= places[r][from];
      usedChildren[from] -= childAt(r, from);
    }
    at[r] = j;
    version[r]++;
    usedPlaces[j] += places[r][j];
    usedChildren[j] += childAt(r, j);
    for (int k = 0; k < m; k++) {
      if (k != j && cost[r][k] < Double.POSITIVE_INFINITY) {
        int c = cls(r, j);
        if (moves[j][k][c] == null) {
          moves[j][k][c] = new ResidentHeap();
        }
        moves[j][k][c].push(r, version[r], cost[r][k] - cost[r][j]);
      }
    }
  }

  /** Swaps someone in {@code j} with someone in {@code k} while that lowers the travel cost. */
  private boolean swapBetween(int j, int k) {
    boolean any = false;
    for (int guard = 0; guard < n; guard++) {
      boolean swapped = false;
      for (int c1 = 0; c1 < CLASSES && !swapped; c1++) {
        ResidentHeap out = moves[j][k][c1];
        int r = out == null ? -1 : out.peek(version);
        if (r < 0) {
          continue;
        }
        for (int c2 = 0; c2 < CLASSES && !swapped; c2++) {
          ResidentHeap back = moves[k][j][c2];
          int q = back == null ? -1 : back.peek(version);
          if (q < 0 || travel[r][k] + travel[q][j] >= travel[r][j] + travel[q][k] - 1e-9
              || !fits(j, places[q][j], childAt(q, j), places[r][j], childAt(r, j))
              || !fits(k, places[r][k], childAt(r, k), places[q][k], childAt(q, k))) {
            continue;
          }
          usedPlaces[j] -= places[r][j];
          usedChildren[j] -= childAt(r, j);
          usedPlaces[k] -= places[q][k];
          usedChildren[k] -= childAt(q, k);
          at[r] = -1;
          at[q] = -1;
          assign(r, k);
          assign(q, j);
          swapped = true;
        }
      }
      if (!swapped) {
        return any;
      }
      any = true;
    }
    return any;
  }

  int usedPlaces(int j) {
    return usedPlaces[j];
  }

  int usedChildren(int j) {
    return usedChildren[j];
  }
}
