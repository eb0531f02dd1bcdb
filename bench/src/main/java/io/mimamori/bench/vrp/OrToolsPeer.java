package io.mimamori.bench.vrp;

import com.google.ortools.Loader;
import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.main;
import io.mimamori.routing.optimiser.RoutingProblem;
import io.mimamori.routing.optimiser.Task;
import io.mimamori.routing.optimiser.Team;
import io.mimamori.routing.optimiser.TravelTimes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Google OR-Tools' routing solver (first solution by cheapest arc, then guided local search) on
 * the same problem. OR-Tools counts in integers: costs are hundredths of a unit, rounded; travel
 * times are rounded up so that its schedule stays feasible in exact arithmetic. Every task may be
 * dropped at a cost of its priority times a large constant (so priority comes first), vehicles
 * carry a fixed cost when teams are minimised. Skills and people needed are not modelled (the
 * benchmarks have none). Returns task indices per team, for the same checker as ours.
 */
final class OrToolsPeer {

  private static final double SCALE = 100;
  private static boolean loaded;

  private OrToolsPeer() {}

  static synchronized void load() {
    if (!loaded) {
      Loader.loadNativeLibraries();
      loaded = true;
    }
  }

  static int[][] solve(RoutingProblem problem, double seconds, boolean minimiseTeams, boolean cpuTime) {
    load();
    TravelTimes tt = problem.travelTimes();
    List<Task> tasks = problem.tasks();
    List<Team> teams = problem.teams();
    int n = tasks.size();
    int m = teams.size();
    // nodes: tasks, then each team's start and end (a dummy end, free to reach, for NO_END)
    int nodes = n + 2 * m;
    int[] loc = new int[nodes];
    boolean[] free = new boolean[nodes];
    int[] starts = new int[m];
    int[] ends = new int[m];
    for (int i = 0; i < n; i++) {
      loc[i] = tasks.get(i).location();
    }
    for (int r = 0; r < m; r++) {
      Team t = teams.get(r);
      starts[r] = n + 2 * r;
      ends[r] = n + 2 * r + 1;
      loc[starts[r]] = t.start();
      loc[ends[r]] = t.end() == Team.NO_END ? t.start() : t.end();
      free[ends[r]] = t.end() == Team.NO_END;
    }
    RoutingIndexManager manager = new RoutingIndexManager(nodes, m, starts, ends);
    RoutingModel model = new RoutingModel(manager);
    int cost = model.registerTransitCallback((from, to) -> {
      int a = manager.indexToNode(from);
      int b = manager.indexToNode(to);
      return free[b] ? 0 : Math.round(tt.seconds(loc[a], loc[b]) * SCALE);
    });
    model.setArcCostEvaluatorOfAllVehicles(cost);
    int time = model.registerTransitCallback((from, to) -> {
      int a = manager.indexToNode(from);
      int b = manager.indexToNode(to);
      double service = a < n ? tasks.get(a).serviceSeconds() : 0;
      double travel = free[b] ? 0 : tt.seconds(loc[a], loc[b]);
      return (long) Math.ceil((service + travel) * SCALE - 1e-9);
    });
    long horizon = 0;
    for (Team t : teams) {
      horizon = Math.max(horizon, bound(t.shift().latest()));
    }
    for (Task t : tasks) {
      horizon = Math.max(horizon, bound(t.window().latest()) + (long) Math.ceil(t.serviceSeconds() * SCALE));
    }
    model.addDimension(time, horizon, horizon, false, "Time");
    RoutingDimension td = model.getMutableDimension("Time");
    for (int i = 0; i < n; i++) {
      Task t = tasks.get(i);
      td.cumulVar(manager.nodeToIndex(i)).setRange((long) Math.ceil(t.window().earliest() * SCALE - 1e-9),
          Math.min(horizon, bound(t.window().latest())));
    }
    for (int r = 0; r < m; r++) {
      Team t = teams.get(r);
      long e = (long) Math.ceil(t.shift().earliest() * SCALE - 1e-9);
      long l = Math.min(horizon, bound(t.shift().latest()));
      td.cumulVar(model.start(r)).setRange(e, e);
      td.cumulVar(model.end(r)).setRange(e, l);
    }
    long[] caps = new long[m];
    boolean loads = false;
    for (int r = 0; r < m; r++) {
      caps[r] = Math.min(teams.get(r).capacity(), Integer.MAX_VALUE);
    }
    for (Task t : tasks) {
      loads |= t.demand() > 0;
    }
    if (loads) {
      int demand = model.registerUnaryTransitCallback(from -> {
        int a = manager.indexToNode(from);
        return a < n ? tasks.get(a).demand() : 0;
      });
      model.addDimensionWithVehicleCapacity(demand, 0, caps, true, "Capacity");
    }
    if (minimiseTeams) {
      model.setFixedCostOfAllVehicles(10_000_000L);
    }
    for (int i = 0; i < n; i++) {
      model.addDisjunction(new long[] {manager.nodeToIndex(i)}, 1_000_000_000L * Math.max(1, tasks.get(i).priority()));
    }
    if (cpuTime) {
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      long start = cpu.getCurrentThreadCpuTime();
      long limit = (long) (seconds * 1e9);
      model.addSearchMonitor(model.solver().makeCustomLimit(() -> cpu.getCurrentThreadCpuTime() - start >= limit));
    }
    RoutingSearchParameters params = main.defaultRoutingSearchParameters().toBuilder()
        .setFirstSolutionStrategy(FirstSolutionStrategy.Value.PATH_CHEAPEST_ARC)
        .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
        .setTimeLimit(com.google.protobuf.Duration.newBuilder()
            .setSeconds(cpuTime ? (long) (seconds * 20) : (long) seconds)
            .setNanos(cpuTime ? 0 : (int) ((seconds % 1) * 1e9)).build())
        .build();
    Assignment solution = model.solveWithParameters(params);
    int[][] order = new int[m][0];
    if (solution == null) {
      return order;
    }
    for (int r = 0; r < m; r++) {
      List<Integer> seq = new ArrayList<>();
      long index = solution.value(model.nextVar(model.start(r)));
      while (!model.isEnd(index)) {
        seq.add(manager.indexToNode(index));
        index = solution.value(model.nextVar(index));
      }
      order[r] = seq.stream().mapToInt(Integer::intValue).toArray();
    }
    return order;
  }

  private static long bound(double latest) {
    return Double.isInfinite(latest) ? 1_000_000_000L : (long) Math.floor(latest * SCALE + 1e-9);
  }
}
