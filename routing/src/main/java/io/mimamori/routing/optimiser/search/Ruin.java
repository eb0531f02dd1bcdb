package io.mimamori.routing.optimiser.search;

import java.util.SplittableRandom;

/**
 * The ways to take tasks out of a solution before putting them back: strings of neighbouring
 * visits from a few routes (SISR's adjacent string removal), a random handful, the costliest visits
 * (worst removal), a task and its nearest relatives (related or Shaw removal), or a whole route
 * (which is how the number of teams goes down).
 */
final class Ruin {

  enum Kind { STRING, RANDOM, WORST, RELATED, ROUTE }

  private final CompiledProblem p;
  private final boolean[] touched;
  private final int[] scratch;
  private final double[] gain;

  Ruin(CompiledProblem p) {
    this.p = p;
    touched = new boolean[p.m];
    scratch = new int[p.n];
    gain = new double[p.n];
  }

  /** Removes about q tasks by the given kind; returns how many were removed. */
  int apply(Kind kind, Working w, SplittableRandom rnd, int q) {
    int assigned = p.n - w.unassignedCount;
    if (assigned == 0) {
      return 0;
    }
    q = Math.max(1, Math.min(q, assigned));
    return switch (kind) {
      case STRING -> strings(w, rnd, q);
      case RANDOM -> random(w, rnd, q);
      case WORST -> worst(w, rnd, q);
      case RELATED -> related(w, rnd, q);
      case ROUTE -> route(w, rnd);
    };
  }

  private int randomAssigned(Working w, SplittableRandom rnd) {
    while (true) {
      int u = rnd.nextInt(p.n);
      if (w.routeOf[u] >= 0) {
        return u;
      }
    }
  }

  private int strings(Working w, SplittableRandom rnd, int cbar) {
    int nonEmpty = 0;
    int total = 0;
    for (Route r : w.routes) {
      if (r.size > 0) {
        nonEmpty++;
        total += r.size;
      }
    }
    double lsmax = Math.min(10.0, (double) total / Math.max(1, nonEmpty));
    double ksmax = 4.0 * cbar / (1 + lsmax) - 1;
    int ks = (int) Math.floor(1 + rnd.nextDouble() * ksmax);
    java.util.Arrays.fill(touched, false);
    int seed = randomAssigned(w, rnd);
    int removed = 0;
    int routesRuined = 0;
    int[] nb = p.neighbours[seed];
    for (int k = -1; k < nb.length && routesRuined < ks; k++) {
      int c = k < 0 ? seed : nb[k];
      int r = w.routeOf[c];
      if (r < 0 || touched[r]) {
        continue;
      }
      touched[r] = true;
      routesRuined++;
      Route route = w.routes[r];
      int lmax = (int) Math.min(route.size, lsmax);
      int l = 1 + rnd.nextInt(Math.max(1, lmax));
      int at = 0;
      while (route.tasks[at] != c) {
        at++;
      }
      int lo = Math.max(0, at - l + 1);
      int hi = Math.min(at, route.size - l);
      int s = lo + rnd.nextInt(hi - lo + 1);
      for (int i = 0; i < l; i++) {
        scratch[i] = route.tasks[s + i];
      }
      for (int i = 0; i < l; i++) {
        w.unassign(scratch[i]);
        removed++;
      }
    }
    return removed;
  }

  private int random(Working w, SplittableRandom rnd, int q) {
    for (int i = 0; i < q; i++) {
      w.unassign(randomAssigned(w, rnd));
    }
    return q;
  }

  private int worst(Working w, SplittableRandom rnd, int q) {
    int k = 0;
    for (Route route : w.routes) {
      for (int i = 0; i < route.size; i++) {
        int u = route.tasks[i];
        int prev = route.locBefore(p, i);
        int next = i + 1 == route.size ? p.endLoc[route.team] : p.loc[route.tasks[i + 1]];
        double g = p.t(prev, p.loc[u]) + p.t(p.loc[u], next) - (route.size == 1 ? 0 : p.t(prev, next));
        if (p.preferredTeam[u] >= 0 && p.preferredTeam[u] != route.team) {
          g += p.reassignPenalty;
        }
        // a little noise so the same tasks do not always go
        gain[u] = g * (0.8 + 0.4 * rnd.nextDouble());
        scratch[k++] = u;
      }
    }
    // partial selection of the q largest gains
    for (int i = 0; i < q && i < k; i++) {
      int bestJ = i;
      for (int j = i + 1; j < k; j++) {
        if (gain[scratch[j]] > gain[scratch[bestJ]]) {
          bestJ = j;
        }
      }
      int t = scratch[i];
      scratch[i] = scratch[bestJ];
      scratch[bestJ] = t;
    }
    int removed = Math.min(q, k);
    for (int i = 0; i < removed; i++) {
      w.unassign(scratch[i]);
    }
    return removed;
  }

  private int related(Working w, SplittableRandom rnd, int q) {
    int seed = randomAssigned(w, rnd);
    w.unassign(seed);
    int removed = 1;
    int[] nb = p.neighbours[seed];
    for (int k = 0; k < nb.length && removed < q; k++) {
      int c = nb[k];
      if (w.routeOf[c] >= 0 && rnd.nextDouble() < 0.8) {
        w.unassign(c);
        removed++;
      }
    }
    return removed;
  }

  private int route(Working w, SplittableRandom rnd) {
    // a small route, more likely the smaller it is
    int pick = -1;
    double pickKey = Double.POSITIVE_INFINITY;
    for (Route route : w.routes) {
      if (route.size > 0) {
        double key = route.size * (0.5 + rnd.nextDouble());
        if (key < pickKey) {
          pickKey = key;
          pick = route.team;
        }
      }
    }
    Route route = w.routes[pick];
    int size = route.size;
    System.arraycopy(route.tasks, 0, scratch, 0, size);
    for (int i = 0; i < size; i++) {
      w.unassign(scratch[i]);
    }
    return size;
  }
}
