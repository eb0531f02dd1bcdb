package io.mimamori.routing.optimiser.search;

import io.mimamori.routing.optimiser.RoutingProblem;
import io.mimamori.routing.optimiser.Task;
import io.mimamori.routing.optimiser.Team;
import io.mimamori.routing.optimiser.TravelTimes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem as flat arrays for the search: task and team fields by index, skills as bit masks,
 * travel times in a dense matrix over the locations used (when small enough), each task's nearest
 * tasks, and which teams may serve which task. Built once per run; read-only afterwards.
 */
public final class CompiledProblem {

  /** Locations above this many are not copied into a matrix; the travel times are asked directly. */
  static final int DENSE_LIMIT = 3000;

  final RoutingProblem source;
  final int n;
  final int m;
  // tasks
  final int[] loc;
  final long[] prio;
  final double[] service;
  final double[] early;
  final double[] late;
  final int[] demand;
  final long[] skillMask;
  final int[] people;
  final int[] preferredTeam;
  final double reassignPenalty;
  // teams
  final int[] startLoc;
  final int[] endLoc;
  final double[] shiftStart;
  final double[] shiftEnd;
  final int[] capacity;
  final long[] teamSkills;
  final int[] teamSize;
  final int[] teamClass;
  final boolean minimiseTeams;
  /** compatible[task][team] by skills, size and capacity. */
  final boolean[][] compatible;
  final int[][] neighbours;
  final long totalPriority;
  // travel
  private final TravelTimes times;
  private final int[] denseIndex;
  private final double[] dense;
  private final int dim;

  public CompiledProblem(RoutingProblem p) {
    this.source = p;
    List<Task> tasks = p.tasks();
    List<Team> teams = p.teams();
    n = tasks.size();
    m = teams.size();
    loc = new int[n];
    prio = new long[n];
    service = new double[n];
    early = new double[n];
    late = new double[n];
    demand = new int[n];
    skillMask = new long[n];
    people = new int[n];
    preferredTeam = new int[n];
    Map<String, Integer> skillBits = new HashMap<>();
    Map<String, Integer> teamIndex = new HashMap<>();
    for (int r = 0; r < m; r++) {
      teamIndex.put(teams.get(r).id(), r);
    }
    long total = 0;
    for (int i = 0; i < n; i++) {
      Task t = tasks.get(i);
      loc[i] = t.location();
      prio[i] = t.priority();
      total += t.priority();
      service[i] = t.serviceSeconds();
      early[i] = t.window().earliest();
      late[i] = t.window().latest();
      demand[i] = t.demand();
      skillMask[i] = mask(t.skills(), skillBits);
      people[i] = t.peopleNeeded();
      String prev = p.objective().previousTeam().get(t.id());
      preferredTeam[i] = prev == null ? -1 : teamIndex.getOrDefault(prev, -1);
    }
    totalPriority = total;
    reassignPenalty = p.objective().reassignPenaltySeconds();
    minimiseTeams = p.objective().minimiseTeams();
    startLoc = new int[m];
    endLoc = new int[m];
    shiftStart = new double[m];
    shiftEnd = new double[m];
    capacity = new int[m];
    teamSkills = new long[m];
    teamSize = new int[m];
    teamClass = new int[m];
    Map<List<Object>, Integer> classes = new HashMap<>();
    for (int r = 0; r < m; r++) {
      Team t = teams.get(r);
      startLoc[r] = t.start();
      endLoc[r] = t.end();
      shiftStart[r] = t.shift().earliest();
      shiftEnd[r] = t.shift().latest();
      capacity[r] = t.capacity();
      teamSkills[r] = maskKnown(t.skills(), skillBits);
      teamSize[r] = t.size();
      List<Object> key = List.of(t.start(), t.end(), shiftStart[r], shiftEnd[r], capacity[r], teamSkills[r], teamSize[r]);
      teamClass[r] = classes.computeIfAbsent(key, k -> classes.size());
    }
    compatible = new boolean[n][m];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < m; r++) {
        compatible[i][r] = (teamSkills[r] & skillMask[i]) == skillMask[i]
            && teamSize[r] >= people[i] && capacity[r] >= demand[i];
      }
    }
    // travel: dense over the distinct locations used
    times = p.travelTimes();
    int maxLoc = 0;
    for (int l : loc) {
      maxLoc = Math.max(maxLoc, l);
    }
    for (int r = 0; r < m; r++) {
      maxLoc = Math.max(maxLoc, Math.max(startLoc[r], endLoc[r]));
    }
    denseIndex = new int[maxLoc + 1];
    Arrays.fill(denseIndex, -1);
    int count = 0;
    int[] used = new int[n + 2 * m];
    for (int l : loc) {
      if (denseIndex[l] < 0) {
        denseIndex[l] = count;
        used[count++] = l;
      }
    }
    for (int r = 0; r < m; r++) {
      for (int l : new int[] {startLoc[r], endLoc[r]}) {
        if (l >= 0 && denseIndex[l] < 0) {
          denseIndex[l] = count;
          used[count++] = l;
        }
      }
    }
    if (count <= DENSE_LIMIT) {
      dim = count;
      dense = new double[count * count];
      for (int a = 0; a < count; a++) {
        for (int b = 0; b < count; b++) {
          dense[a * count + b] = a == b ? 0 : times.seconds(used[a], used[b]);
        }
      }
    } else {
      dim = 0;
      dense = null;
    }
    neighbours = nearest(Math.min(n - 1, 60));
  }

  /** Travel seconds between two locations (not task indices); 0 into {@link Team#NO_END}. */
  double t(int fromLoc, int toLoc) {
    if (toLoc < 0) {
      return 0;
    }
    if (dense != null) {
      return dense[denseIndex[fromLoc] * dim + denseIndex[toLoc]];
    }
    return fromLoc == toLoc ? 0 : times.seconds(fromLoc, toLoc);
  }

  /** Travel between two tasks, by task index. */
  double tt(int a, int b) {
    return t(loc[a], loc[b]);
  }

  /** Whether task i can be served by team r alone, in time: on its own route. */
  boolean reachableAlone(int i, int r) {
    if (!compatible[i][r]) {
      return false;
    }
    double start = Math.max(shiftStart[r] + t(startLoc[r], loc[i]), early[i]);
    return start <= late[i] && start + service[i] + t(loc[i], endLoc[r]) <= shiftEnd[r];
  }

  /** Each task's k most related tasks (near in travel, windows close in time), nearest first. */
  private int[][] nearest(int k) {
    int[][] out = new int[n][];
    double[] heapD = new double[Math.max(k, 1)];
    int[] heapI = new int[Math.max(k, 1)];
    for (int i = 0; i < n; i++) {
      int size = 0;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double gap = Math.max(0, Math.max(early[j] - late[i], early[i] - late[j]));
        double d = tt(i, j) + tt(j, i) + (Double.isFinite(gap) ? 0.2 * gap : 0);
        if (size < k) {
          heapD[size] = d;
          heapI[size] = j;
          siftUp(heapD, heapI, size++);
        } else if (k > 0 && d < heapD[0]) {
          heapD[0] = d;
          heapI[0] = j;
          siftDown(heapD, heapI, size);
        }
      }
      int[] row = new int[size];
      for (int s = size - 1; s >= 0; s--) {
        row[s] = heapI[0];
        heapD[0] = heapD[s];
        heapI[0] = heapI[s];
        siftDown(heapD, heapI, s);
      }
      out[i] = row;
    }
    return out;
  }

  private static void siftUp(double[] d, int[] idx, int c) {
    while (c > 0) {
      int parent = (c - 1) / 2;
      if (d[parent] >= d[c]) {
        return;
      }
      swap(d, idx, parent, c);
      c = parent;
    }
  }

  private static void siftDown(double[] d, int[] idx, int size) {
    int c = 0;
    while (true) {
      int l = 2 * c + 1;
      int big = c;
      if (l < size && d[l] > d[big]) {
        big = l;
      }
      if (l + 1 < size && d[l + 1] > d[big]) {
        big = l + 1;
      }
      if (big == c) {
        return;
      }
      swap(d, idx, big, c);
      c = big;
    }
  }

  private static void swap(double[] d, int[] idx, int a, int b) {
    double td = d[a];
    d[a] = d[b];
    d[b] = td;
    int ti = idx[a];
    idx[a] = idx[b];
    idx[b] = ti;
  }

  private static long mask(java.util.Set<String> skills, Map<String, Integer> bits) {
    long mask = 0;
    for (String s : skills) {
      int bit = bits.computeIfAbsent(s, k -> bits.size());
      if (bit >= 64) {
        throw new IllegalArgumentException("more than 64 distinct task skills are not supported");
      }
      mask |= 1L << bit;
    }
    return mask;
  }

  private static long maskKnown(java.util.Set<String> skills, Map<String, Integer> bits) {
    long mask = 0;
    for (String s : skills) {
      Integer bit = bits.get(s);
      if (bit != null) {
        mask |= 1L << bit;
      }
    }
    return mask;
  }
}
