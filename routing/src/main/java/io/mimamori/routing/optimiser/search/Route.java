package io.mimamori.routing.optimiser.search;

import java.util.Arrays;

/**
 * One team's route during the search: task indices in order and, per position, the departure time
 * (earliest schedule, waiting when early) and the latest start that keeps the rest of the route
 * feasible (backward slack). With these a single insertion or removal is checked in O(1).
 */
final class Route {

  final int team;
  int[] tasks = new int[8];
  int size;
  /** departure time from position i, earliest schedule. */
  double[] depart = new double[8];
  /** latest start of service at position i that keeps positions i.. and the end feasible. */
  double[] latest = new double[8];
  int load;
  double travel;
  double penalty;
  long priority;
  double finish;

  Route(int team) {
    this.team = team;
  }

  void copyFrom(Route o) {
    if (tasks.length < o.size) {
      grow(o.tasks.length);
    }
    System.arraycopy(o.tasks, 0, tasks, 0, o.size);
    System.arraycopy(o.depart, 0, depart, 0, o.size);
    System.arraycopy(o.latest, 0, latest, 0, o.size);
    size = o.size;
    load = o.load;
    travel = o.travel;
    penalty = o.penalty;
    priority = o.priority;
    finish = o.finish;
  }

  private void grow(int min) {
    int cap = Math.max(min, tasks.length * 2);
    tasks = Arrays.copyOf(tasks, cap);
    depart = Arrays.copyOf(depart, cap);
    latest = Arrays.copyOf(latest, cap);
  }

  boolean isEmpty() {
    return size == 0;
  }

  void insert(int task, int pos) {
    if (size == tasks.length) {
      grow(size + 1);
    }
    System.arraycopy(tasks, pos, tasks, pos + 1, size - pos);
    tasks[pos] = task;
    size++;
  }

  int removeAt(int pos) {
    int t = tasks[pos];
    System.arraycopy(tasks, pos + 1, tasks, pos, size - pos - 1);
    size--;
    return t;
  }

  void setTasks(int[] seq, int len) {
    if (tasks.length < len) {
      grow(len);
    }
    System.arraycopy(seq, 0, tasks, 0, len);
    size = len;
  }

  /** Departure time from the position before {@code pos} (the team's start for 0). */
  double departBefore(CompiledProblem p, int pos) {
    return pos == 0 ? p.shiftStart[team] : depart[pos - 1];
  }

  int locBefore(CompiledProblem p, int pos) {
    return pos == 0 ? p.startLoc[team] : p.loc[tasks[pos - 1]];
  }

  /** Location after position pos-1, i.e. of position pos, or the end (maybe NO_END) past the last. */
  int locAt(CompiledProblem p, int pos) {
    return pos == size ? p.endLoc[team] : p.loc[tasks[pos]];
  }

  double latestAt(CompiledProblem p, int pos) {
    return pos == size ? p.shiftEnd[team] : latest[pos];
  }

  /** Recomputes times, slack, load, travel, penalty and priority; false if infeasible. */
  boolean update(CompiledProblem p) {
    double t = p.shiftStart[team];
    int at = p.startLoc[team];
    double tr = 0;
    int ld = 0;
    double pen = 0;
    long pr = 0;
    boolean ok = true;
    for (int i = 0; i < size; i++) {
      int u = tasks[i];
      double leg = p.t(at, p.loc[u]);
      tr += leg;
      double start = Math.max(t + leg, p.early[u]);
      if (start > p.late[u]) {
        ok = false;
      }
      t = start + p.service[u];
      depart[i] = t;
      at = p.loc[u];
      ld += p.demand[u];
      pr += p.prio[u];
      if (p.preferredTeam[u] >= 0 && p.preferredTeam[u] != team) {
        pen += p.reassignPenalty;
      }
    }
    double endLeg = size == 0 ? 0 : p.t(at, p.endLoc[team]);
    tr += endLeg;
    finish = size == 0 ? p.shiftStart[team] : t + endLeg;
    if (finish > p.shiftEnd[team] || ld > p.capacity[team]) {
      ok = false;
    }
    double next = p.shiftEnd[team];
    int nextLoc = p.endLoc[team];
    for (int i = size - 1; i >= 0; i--) {
      int u = tasks[i];
      double l = Math.min(p.late[u], next - p.t(p.loc[u], nextLoc) - p.service[u]);
      latest[i] = l;
      next = l;
      nextLoc = p.loc[u];
    }
    travel = tr;
    load = ld;
    penalty = pen;
    priority = pr;
    return ok;
  }

  /**
   * Added cost of inserting task u before position pos, or +infinity when it breaks a window, the
   * shift or the capacity. Skills and size are the caller's to check.
   */
  double insertionCost(CompiledProblem p, int u, int pos) {
    int prevLoc = locBefore(p, pos);
    int nextLoc = locAt(p, pos);
    int lu = p.loc[u];
    double toU = p.t(prevLoc, lu);
    double start = Math.max(departBefore(p, pos) + toU, p.early[u]);
    if (start > p.late[u]) {
      return Double.POSITIVE_INFINITY;
    }
    double fromU = p.t(lu, nextLoc);
    if (start + p.service[u] + fromU > latestAt(p, pos)) {
      return Double.POSITIVE_INFINITY;
    }
    double old = size == 0 ? 0 : p.t(prevLoc, nextLoc);
    double pen = p.preferredTeam[u] >= 0 && p.preferredTeam[u] != team ? p.reassignPenalty : 0;
    return toU + fromU - old + pen;
  }
}
