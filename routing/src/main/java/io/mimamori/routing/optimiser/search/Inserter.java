package io.mimamori.routing.optimiser.search;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Puts unassigned tasks into routes at their cheapest feasible position: greedily in a given order
 * (with "blinks" that skip a position now and then, after Christiaens and Vanden Berghe's SISR), or
 * by regret (the task that would lose most by waiting goes first). A task that fits nowhere stays
 * unassigned. Tasks of priority 0 are never inserted: they add travel and reach nothing.
 */
final class Inserter {

  private final CompiledProblem p;
  private final boolean[] classSeen;
  private final double openCost;

  Inserter(CompiledProblem p) {
    this.p = p;
    int classes = 0;
    for (int c : p.teamClass) {
      classes = Math.max(classes, c + 1);
    }
    classSeen = new boolean[classes];
    // opening a team's route is the last resort when teams are minimised
    openCost = p.minimiseTeams ? 1e12 : 0;
    routeList = new int[p.m];
    stamp = new int[p.m];
  }

  /** With many teams, only routes holding one of the task's nearest tasks, and empty ones, are tried. */
  private static final int MANY_TEAMS = 100;
  private static final int NEAR = 30;
  private final int[] routeList;
  private final int[] stamp;
  private int stampNow;

  /**
   * Fills routeList with the routes worth trying for u and returns how many; returns p.m (and
   * leaves the list alone) when all routes are to be tried.
   */
  private int candidateRoutes(Working w, int u) {
    if (p.m <= MANY_TEAMS) {
      return p.m;
    }
    stampNow++;
    int k = 0;
    int[] nb = p.neighbours[u];
    for (int j = 0; j < Math.min(NEAR, nb.length); j++) {
      int r = w.routeOf[nb[j]];
      if (r >= 0 && stamp[r] != stampNow) {
        stamp[r] = stampNow;
        routeList[k++] = r;
      }
    }
    for (int r = 0; r < p.m; r++) {
      if (w.routes[r].size == 0 && stamp[r] != stampNow) {
        stamp[r] = stampNow;
        routeList[k++] = r;
      }
    }
    return k == p.m ? routeListAll() : k;
  }

  private int routeListAll() {
    for (int r = 0; r < p.m; r++) {
      routeList[r] = r;
    }
    return p.m;
  }

  /** Inserts tasks[0..count) in that order. */
  void greedy(Working w, int[] tasks, int count, SplittableRandom rnd, double blink) {
    w.refresh();
    for (int k = 0; k < count; k++) {
      int u = tasks[k];
      if (w.routeOf[u] >= 0 || p.prio[u] == 0) {
        continue;
      }
      Arrays.fill(classSeen, false);
      double best = Double.POSITIVE_INFINITY;
      int bestR = -1;
      int bestPos = -1;
      boolean[] ok = p.compatible[u];
      int nr = candidateRoutes(w, u);
      for (int c = 0; c < nr; c++) {
        int r = nr == p.m ? c : routeList[c];
        if (!ok[r]) {
          continue;
        }
        Route route = w.routes[r];
        double extra = 0;
        if (route.size == 0) {
          if (w.used >= w.fleetLimit || classSeen[p.teamClass[r]]) {
            continue;
          }
          classSeen[p.teamClass[r]] = true;
          extra = openCost;
        }
        if (route.load + p.demand[u] > p.capacity[r]) {
          continue;
        }
        for (int pos = 0; pos <= route.size; pos++) {
          if (blink > 0 && rnd.nextDouble() < blink) {
            continue;
          }
          double cost = route.insertionCost(p, u, pos) + extra;
          if (cost < best) {
            best = cost;
            bestR = r;
            bestPos = pos;
          }
        }
      }
      if (bestR >= 0) {
        if (w.routes[bestR].size == 0) {
          w.used++;
        }
        w.assign(u, bestR, bestPos);
      }
    }
    w.refresh();
  }

  /** Cheapest feasible insertion cost of u (opening a team counts as its travel only), or +infinity. */
  double cheapest(Working w, int u) {
    double best = Double.POSITIVE_INFINITY;
    Arrays.fill(classSeen, false);
    int nr = candidateRoutes(w, u);
    for (int c = 0; c < nr; c++) {
      int r = nr == p.m ? c : routeList[c];
      Route route = w.routes[r];
      if (!p.compatible[u][r] || route.load + p.demand[u] > p.capacity[r]) {
        continue;
      }
      if (route.size == 0) {
        if (w.used >= w.fleetLimit || classSeen[p.teamClass[r]]) {
          continue;
        }
        classSeen[p.teamClass[r]] = true;
      }
      for (int pos = 0; pos <= route.size; pos++) {
        best = Math.min(best, route.insertionCost(p, u, pos));
      }
    }
    return best;
  }

  /**
   * Regret-2 insertion of tasks[0..count): among the tasks of highest priority still open, insert
   * the one whose best position beats its best position in another route by most.
   */
  void regret(Working w, int[] tasks, int count) {
    w.refresh();
    int k = 0;
    int[] open = new int[count];
    for (int i = 0; i < count; i++) {
      if (w.routeOf[tasks[i]] < 0 && p.prio[tasks[i]] > 0) {
        open[k++] = tasks[i];
      }
    }
    double[][] cost = new double[k][p.m];
    int[][] pos = new int[k][p.m];
    for (int j = 0; j < k; j++) {
      for (int r = 0; r < p.m; r++) {
        column(w, open[j], r, cost[j], pos[j]);
      }
    }
    while (k > 0) {
      int pick = -1;
      long pickPrio = -1;
      double pickRegret = -1;
      int pickR = -1;
      for (int j = 0; j < k; j++) {
        int u = open[j];
        Arrays.fill(classSeen, false);
        double c1 = Double.POSITIVE_INFINITY;
        double c2 = Double.POSITIVE_INFINITY;
        int r1 = -1;
        for (int r = 0; r < p.m; r++) {
          double c = cost[j][r];
          if (c == Double.POSITIVE_INFINITY) {
            continue;
          }
          if (w.routes[r].size == 0) {
            if (w.used >= w.fleetLimit || classSeen[p.teamClass[r]]) {
              continue;
            }
            classSeen[p.teamClass[r]] = true;
            c += openCost;
          }
          if (c < c1) {
            c2 = c1;
            c1 = c;
            r1 = r;
          } else if (c < c2) {
            c2 = c;
          }
        }
        if (r1 < 0) {
          // fits nowhere now, and never will in this pass
          open[j] = open[--k];
          double[] tc = cost[j];
          cost[j] = cost[k];
          cost[k] = tc;
          int[] tp = pos[j];
          pos[j] = pos[k];
          pos[k] = tp;
          j--;
          continue;
        }
        double regret = c2 == Double.POSITIVE_INFINITY ? 1e18 - c1 : c2 - c1;
        if (p.prio[u] > pickPrio || (p.prio[u] == pickPrio && regret > pickRegret)) {
          pick = j;
          pickPrio = p.prio[u];
          pickRegret = regret;
          pickR = r1;
        }
      }
      if (pick < 0) {
        break;
      }
      int u = open[pick];
      if (w.routes[pickR].size == 0) {
        w.used++;
      }
      w.assign(u, pickR, pos[pick][pickR]);
      k--;
      open[pick] = open[k];
      double[] tc = cost[pick];
      cost[pick] = cost[k];
      cost[k] = tc;
      int[] tp = pos[pick];
      pos[pick] = pos[k];
      pos[k] = tp;
      for (int j = 0; j < k; j++) {
        column(w, open[j], pickR, cost[j], pos[j]);
      }
    }
    w.refresh();
  }

  private void column(Working w, int u, int r, double[] cost, int[] pos) {
    Route route = w.routes[r];
    cost[r] = Double.POSITIVE_INFINITY;
    if (!p.compatible[u][r] || route.load + p.demand[u] > p.capacity[r]) {
      return;
    }
    for (int q = 0; q <= route.size; q++) {
      double c = route.insertionCost(p, u, q);
      if (c < cost[r]) {
        cost[r] = c;
        pos[r] = q;
      }
    }
  }
}
