package io.mimamori.routing.optimiser.search;

/**
 * Improves a solution until no move in its neighbourhoods helps, first improvement, over each
 * task's nearest tasks: relocate a string of 1 to 3 visits (Or-opt) to another route or another
 * place in its own, swap two visits of different routes, exchange the tails of two routes
 * (2-opt*), reverse part of a route (2-opt), and insert tasks still left out. Moves between routes
 * are checked in O(1) with each route's departure times and backward slack; moves within one route
 * by replaying it.
 */
final class LocalSearch {

  private static final double EPS = 1e-9;
  private static final int NEIGHBOURS = 20;
  private final CompiledProblem p;
  private final Inserter inserter;
  private int[] buf;
  private int[] buf2;
  private final int[] order;

  LocalSearch(CompiledProblem p) {
    this.p = p;
    this.inserter = new Inserter(p);
    this.buf = new int[16];
    this.buf2 = new int[16];
    this.order = new int[p.n];
  }

  void improve(Working w) {
    improve(w, () -> false);
  }

  /** Improves until no move helps or {@code stop} says so (checked between tasks). */
  void improve(Working w, java.util.function.BooleanSupplier stop) {
    w.refresh();
    boolean improved = true;
    int rounds = 0;
    while (improved && rounds++ < 50 && !stop.getAsBoolean()) {
      improved = false;
      for (int i = 0; i < p.n; i++) {
        order[i] = i;
      }
      for (int k = 0; k < order.length; k++) {
        int u = order[k];
        if ((k & 63) == 0 && stop.getAsBoolean()) {
          break;
        }
        if (w.routeOf[u] < 0) {
          continue;
        }
        if (relocate(w, u) || swap(w, u) || twoOptStar(w, u) || twoOpt(w, u)) {
          improved = true;
        }
      }
      if (p.m <= 100 && exchangeRoutes(w)) {
        improved = true;
      }
      if (w.unassignedCount > 0) {
        long before = w.lostPriority;
        int[] left = java.util.Arrays.copyOf(w.unassigned, w.unassignedCount);
        inserter.greedy(w, left, left.length, null, 0);
        improved |= w.lostPriority < before;
      }
    }
    w.refresh();
  }

  private int posOf(Route route, int u) {
    for (int i = 0; i < route.size; i++) {
      if (route.tasks[i] == u) {
        return i;
      }
    }
    throw new IllegalStateException("task not in its route");
  }

  private double pen(int u, int team) {
    return p.preferredTeam[u] >= 0 && p.preferredTeam[u] != team ? p.reassignPenalty : 0;
  }

  /** Moves u's string (u and up to 2 after it) next to one of u's neighbours. */
  private boolean relocate(Working w, int u) {
    int ra = w.routeOf[u];
    Route a = w.routes[ra];
    int i = posOf(a, u);
    for (int len = 1; len <= 3 && i + len <= a.size; len++) {
      int first = a.tasks[i];
      int last = a.tasks[i + len - 1];
      int prevA = a.locBefore(p, i);
      int nextA = a.locAt(p, i + len);
      double removeGain = p.t(prevA, p.loc[first]) + p.t(p.loc[last], nextA)
          - (a.size == len ? 0 : p.t(prevA, nextA));
      // removal from a must keep a feasible (it does unless travel times break the triangle)
      if (a.size > len && a.departBefore(p, i) + p.t(prevA, nextA) > a.latestAt(p, i + len)) {
        continue;
      }
      int segLoad = 0;
      double segPenA = 0;
      for (int k = i; k < i + len; k++) {
        segLoad += p.demand[a.tasks[k]];
        segPenA += pen(a.tasks[k], ra);
      }
      for (int v : p.neighbours[u]) {
        int rb = w.routeOf[v];
        if (rb < 0) {
          continue;
        }
        Route b = w.routes[rb];
        if (rb == ra) {
          if (len == 1 && intraRelocate(w, a, i, v)) {
            return true;
          }
          continue;
        }
        if (b.load + segLoad > p.capacity[rb] || !compatible(a.tasks, i, len, rb)) {
          continue;
        }
        double segPenB = 0;
        for (int k = i; k < i + len; k++) {
          segPenB += pen(a.tasks[k], rb);
        }
        int j = posOf(b, v);
        for (int pos = j; pos <= j + 1; pos++) {
          double add = segmentInsertion(b, a.tasks, i, len, pos);
          if (add == Double.POSITIVE_INFINITY) {
            continue;
          }
          double delta = add - removeGain + segPenB - segPenA;
          if (delta < -EPS) {
            int[] seg = new int[len];
            System.arraycopy(a.tasks, i, seg, 0, len);
            for (int k = 0; k < len; k++) {
              a.removeAt(i);
            }
            for (int k = 0; k < len; k++) {
              b.insert(seg[k], pos + k);
              w.routeOf[seg[k]] = rb;
            }
            w.refreshRoute(ra);
            w.refreshRoute(rb);
            w.refresh();
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean compatible(int[] tasks, int from, int len, int team) {
    for (int k = from; k < from + len; k++) {
      if (!p.compatible[tasks[k]][team]) {
        return false;
      }
    }
    return true;
  }

  /** Added cost of putting tasks[from..from+len) before position pos of route b, or +infinity. */
  private double segmentInsertion(Route b, int[] tasks, int from, int len, int pos) {
    int prev = b.locBefore(p, pos);
    int next = b.locAt(p, pos);
    double t = b.departBefore(p, pos);
    double travel = 0;
    int at = prev;
    for (int k = from; k < from + len; k++) {
      int x = tasks[k];
      double leg = p.t(at, p.loc[x]);
      travel += leg;
      double start = Math.max(t + leg, p.early[x]);
      if (start > p.late[x]) {
        return Double.POSITIVE_INFINITY;
      }
      t = start + p.service[x];
      at = p.loc[x];
    }
    double leg = p.t(at, next);
    if (t + leg > b.latestAt(p, pos)) {
      return Double.POSITIVE_INFINITY;
    }
    return travel + leg - (b.size == 0 ? 0 : p.t(prev, next));
  }

  private boolean intraRelocate(Working w, Route a, int i, int v) {
    int u = a.tasks[i];
    int j = posOf(a, v);
    double before = a.travel;
    for (int target = j; target <= j + 1; target++) {
      // build the sequence with u moved before position target (of the original)
      if (target == i || target == i + 1) {
        continue;
      }
      int len = 0;
      ensure(a.size);
      for (int k = 0; k <= a.size; k++) {
        if (k == target) {
          buf[len++] = u;
        }
        if (k < a.size && k != i) {
          buf[len++] = a.tasks[k];
        }
      }
      double c = evaluate(a.team, buf, len);
      if (c < before - EPS) {
        w.setRoute(a.team, buf, len);
        w.refresh();
        return true;
      }
    }
    return false;
  }

  /** Swaps u with a neighbour in another route. */
  private boolean swap(Working w, int u) {
    int ra = w.routeOf[u];
    Route a = w.routes[ra];
    int i = posOf(a, u);
    for (int v : p.neighbours[u]) {
      int rb = w.routeOf[v];
      if (rb < 0 || rb == ra || !p.compatible[u][rb] || !p.compatible[v][ra]) {
        continue;
      }
      Route b = w.routes[rb];
      if (a.load - p.demand[u] + p.demand[v] > p.capacity[ra]
          || b.load - p.demand[v] + p.demand[u] > p.capacity[rb]) {
        continue;
      }
      int j = posOf(b, v);
      double da = replace(a, i, v);
      if (da == Double.POSITIVE_INFINITY) {
        continue;
      }
      double db = replace(b, j, u);
      if (db == Double.POSITIVE_INFINITY) {
        continue;
      }
      double delta = da + db + pen(v, ra) + pen(u, rb) - pen(u, ra) - pen(v, rb);
      if (delta < -EPS) {
        a.tasks[i] = v;
        b.tasks[j] = u;
        w.routeOf[v] = ra;
        w.routeOf[u] = rb;
        w.refreshRoute(ra);
        w.refreshRoute(rb);
        w.refresh();
        return true;
      }
    }
    return false;
  }

  /** Travel change of putting x in place of the task at position i, or +infinity if infeasible. */
  private double replace(Route r, int i, int x) {
    int prev = r.locBefore(p, i);
    int next = r.locAt(p, i + 1);
    double toX = p.t(prev, p.loc[x]);
    double start = Math.max(r.departBefore(p, i) + toX, p.early[x]);
    if (start > p.late[x]) {
      return Double.POSITIVE_INFINITY;
    }
    double fromX = p.t(p.loc[x], next);
    if (start + p.service[x] + fromX > r.latestAt(p, i + 1)) {
      return Double.POSITIVE_INFINITY;
    }
    int old = r.tasks[i];
    return toX + fromX - p.t(prev, p.loc[old]) - p.t(p.loc[old], next);
  }

  /** Joins u's route up to u with a neighbour's route from the neighbour on, and the other way. */
  private boolean twoOptStar(Working w, int u) {
    int ra = w.routeOf[u];
    Route a = w.routes[ra];
    int i = posOf(a, u);
    for (int v : p.neighbours[u]) {
      int rb = w.routeOf[v];
      if (rb < 0 || rb == ra) {
        continue;
      }
      Route b = w.routes[rb];
      int j = posOf(b, v);
      // a' = a[0..i] + b[j..], b' = b[0..j-1] + a[i+1..]
      double old = p.t(p.loc[u], a.locAt(p, i + 1)) + p.t(b.locBefore(p, j), p.loc[v]);
      double neu = p.t(p.loc[u], p.loc[v]) + p.t(b.locBefore(p, j), a.locAt(p, i + 1));
      // ends differ between teams: the tails' end legs change too
      boolean sameEnd = p.endLoc[ra] == p.endLoc[rb] && p.shiftEnd[ra] == p.shiftEnd[rb];
      boolean merge = j == 0 && i + 1 == a.size;
      if (sameEnd && !merge) {
        // a quick bound before replaying
        double pd = 0;
        for (int k = j; k < b.size; k++) {
          pd += pen(b.tasks[k], ra) - pen(b.tasks[k], rb);
        }
        for (int k = i + 1; k < a.size; k++) {
          pd += pen(a.tasks[k], rb) - pen(a.tasks[k], ra);
        }
        if (neu - old + pd >= -EPS) {
          continue;
        }
        if (a.depart[i] + p.t(p.loc[u], p.loc[v]) > b.latest[j]) {
          continue;
        }
        if (b.departBefore(p, j) + p.t(b.locBefore(p, j), a.locAt(p, i + 1)) > a.latestAt(p, i + 1)) {
          continue;
        }
      }
      ensure(a.size + b.size);
      int la = 0;
      for (int k = 0; k <= i; k++) {
        buf[la++] = a.tasks[k];
      }
      for (int k = j; k < b.size; k++) {
        buf[la++] = b.tasks[k];
      }
      int lb = 0;
      for (int k = 0; k < j; k++) {
        buf2[lb++] = b.tasks[k];
      }
      for (int k = i + 1; k < a.size; k++) {
        buf2[lb++] = a.tasks[k];
      }
      double ca = evaluate(ra, buf, la);
      if (ca == Double.POSITIVE_INFINITY) {
        continue;
      }
      double cb = evaluate(rb, buf2, lb);
      if (cb == Double.POSITIVE_INFINITY) {
        continue;
      }
      if (ca + cb < a.travel + a.penalty + b.travel + b.penalty - EPS) {
        w.setRoute(ra, buf, la);
        w.setRoute(rb, buf2, lb);
        w.refresh();
        return true;
      }
    }
    return false;
  }

  /** Gives two teams each other's routes (teams differ in start, end, shift or skills). */
  private boolean exchangeRoutes(Working w) {
    boolean any = false;
    for (int r1 = 0; r1 < p.m; r1++) {
      for (int r2 = r1 + 1; r2 < p.m; r2++) {
        Route a = w.routes[r1];
        Route b = w.routes[r2];
        if (a.size + b.size == 0 || p.teamClass[r1] == p.teamClass[r2]) {
          continue;
        }
        ensure(a.size + b.size);
        System.arraycopy(a.tasks, 0, buf, 0, a.size);
        System.arraycopy(b.tasks, 0, buf2, 0, b.size);
        double ca = evaluate(r2, buf, a.size);
        double cb = ca == Double.POSITIVE_INFINITY ? ca : evaluate(r1, buf2, b.size);
        if (ca + cb < a.travel + a.penalty + b.travel + b.penalty - EPS) {
          int la = a.size;
          int lb = b.size;
          w.setRoute(r1, buf2, lb);
          w.setRoute(r2, buf, la);
          w.refresh();
          any = true;
        }
      }
    }
    return any;
  }

  /** Reverses the part of u's route between u and a neighbour in the same route. */
  private boolean twoOpt(Working w, int u) {
    int ra = w.routeOf[u];
    Route a = w.routes[ra];
    int i = posOf(a, u);
    for (int v : p.neighbours[u]) {
      if (w.routeOf[v] != ra) {
        continue;
      }
      int j = posOf(a, v);
      int lo = Math.min(i, j) + 1;
      int hi = Math.max(i, j);
      if (hi - lo < 1) {
        continue;
      }
      // edges (lo-1, lo) and (hi, hi+1) become (lo-1, hi) and (lo, hi+1); hi is u or v
      ensure(a.size);
      for (int k = 0; k < a.size; k++) {
        buf[k] = a.tasks[k];
      }
      for (int x = lo, y = hi; x < y; x++, y--) {
        int t = buf[x];
        buf[x] = buf[y];
        buf[y] = t;
      }
      double c = evaluate(ra, buf, a.size);
      if (c < a.travel + a.penalty - EPS) {
        w.setRoute(ra, buf, a.size);
        w.refresh();
        return true;
      }
    }
    return false;
  }

  private void ensure(int size) {
    if (buf.length < size + 1) {
      buf = new int[2 * size + 2];
      buf2 = new int[2 * size + 2];
    }
  }

  /** Travel plus penalties of team r doing seq[0..len), or +infinity if it breaks any limit. */
  double evaluate(int r, int[] seq, int len) {
    double t = p.shiftStart[r];
    int at = p.startLoc[r];
    double travel = 0;
    double penalty = 0;
    int load = 0;
    for (int k = 0; k < len; k++) {
      int x = seq[k];
      if (!p.compatible[x][r]) {
        return Double.POSITIVE_INFINITY;
      }
      double leg = p.t(at, p.loc[x]);
      travel += leg;
      double start = Math.max(t + leg, p.early[x]);
      if (start > p.late[x]) {
        return Double.POSITIVE_INFINITY;
      }
      t = start + p.service[x];
      at = p.loc[x];
      load += p.demand[x];
      penalty += pen(x, r);
    }
    if (len > 0) {
      double leg = p.t(at, p.endLoc[r]);
      travel += leg;
      t += leg;
    }
    if (t > p.shiftEnd[r] || load > p.capacity[r]) {
      return Double.POSITIVE_INFINITY;
    }
    return travel + penalty;
  }
}
