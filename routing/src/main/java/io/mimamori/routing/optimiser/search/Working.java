package io.mimamori.routing.optimiser.search;

import java.util.Arrays;

/**
 * A solution being searched: one {@link Route} per team, the unassigned tasks, and the objective
 * (lost priority, teams used, cost). Routes not yet updated after an edit are marked dirty; call
 * {@link #refresh} before reading the objective.
 */
final class Working {

  final CompiledProblem p;
  final Route[] routes;
  /** route index of each task, -1 when unassigned. */
  final int[] routeOf;
  int[] unassigned;
  int unassignedCount;
  /** at most this many teams may have visits. */
  int fleetLimit;
  long lostPriority;
  int used;
  double cost;
  private final boolean[] dirty;

  Working(CompiledProblem p) {
    this.p = p;
    routes = new Route[p.m];
    for (int r = 0; r < p.m; r++) {
      routes[r] = new Route(r);
    }
    routeOf = new int[p.n];
    Arrays.fill(routeOf, -1);
    unassigned = new int[p.n];
    for (int i = 0; i < p.n; i++) {
      unassigned[i] = i;
    }
    unassignedCount = p.n;
    fleetLimit = p.m;
    dirty = new boolean[p.m];
    refresh();
  }

  void copyFrom(Working o) {
    for (int r = 0; r < routes.length; r++) {
      routes[r].copyFrom(o.routes[r]);
    }
    System.arraycopy(o.routeOf, 0, routeOf, 0, routeOf.length);
    System.arraycopy(o.unassigned, 0, unassigned, 0, o.unassignedCount);
    unassignedCount = o.unassignedCount;
    fleetLimit = o.fleetLimit;
    lostPriority = o.lostPriority;
    used = o.used;
    cost = o.cost;
  }

  Working copy() {
    Working w = new Working(p);
    w.copyFrom(this);
    return w;
  }

  /** Removes task u from its route (marking the route dirty) and lists it as unassigned. */
  void unassign(int u) {
    int r = routeOf[u];
    if (r < 0) {
      return;
    }
    Route route = routes[r];
    for (int i = 0; i < route.size; i++) {
      if (route.tasks[i] == u) {
        route.removeAt(i);
        break;
      }
    }
    dirty[r] = true;
    routeOf[u] = -1;
    unassigned[unassignedCount++] = u;
  }

  /** Inserts unassigned task u into route r before pos and updates that route at once. */
  void assign(int u, int r, int pos) {
    Route route = routes[r];
    route.insert(u, pos);
    route.update(p);
    dirty[r] = false;
    routeOf[u] = r;
    for (int i = 0; i < unassignedCount; i++) {
      if (unassigned[i] == u) {
        unassigned[i] = unassigned[--unassignedCount];
        break;
      }
    }
  }

  void markDirty(int r) {
    dirty[r] = true;
  }

  /** Updates dirty routes and recomputes the objective. */
  void refresh() {
    long reached = 0;
    int u = 0;
    double c = 0;
    for (int r = 0; r < routes.length; r++) {
      Route route = routes[r];
      if (dirty[r]) {
        route.update(p);
        dirty[r] = false;
      }
      if (route.size > 0) {
        u++;
      }
      reached += route.priority;
      c += route.travel + route.penalty;
    }
    lostPriority = p.totalPriority - reached;
    used = u;
    cost = c;
  }

  void refreshRoute(int r) {
    routes[r].update(p);
    dirty[r] = false;
  }

  /** Lexicographic: lost priority, then teams used (when minimised), then cost. */
  boolean betterThan(Working o) {
    if (lostPriority != o.lostPriority) {
      return lostPriority < o.lostPriority;
    }
    if (p.minimiseTeams && used != o.used) {
      return used < o.used;
    }
    return cost < o.cost - 1e-9;
  }

  /** Rebuilds the list of unassigned tasks from routeOf. */
  void rebuildUnassigned() {
    unassignedCount = 0;
    for (int i = 0; i < p.n; i++) {
      if (routeOf[i] < 0) {
        unassigned[unassignedCount++] = i;
      }
    }
  }

  /** Sets route r's tasks (feasibility is the caller's) and fixes routeOf for them. */
  void setRoute(int r, int[] seq, int len) {
    routes[r].setTasks(seq, len);
    for (int i = 0; i < len; i++) {
      routeOf[seq[i]] = r;
    }
    routes[r].update(p);
    dirty[r] = false;
  }
}
