package io.mimamori.routing.optimiser.search;

import io.mimamori.routing.optimiser.RoutingProblem;
import io.mimamori.routing.optimiser.Solution;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One run of the metaheuristic, single-threaded: construction by regret insertion, then (when teams
 * are minimised) SISR-style team minimisation, then ruin-and-recreate under simulated annealing
 * with adaptive choice of the ruin, and local search on each new best. Deterministic for a seed
 * when bounded by iterations rather than time.
 */
public final class Search {

  /**
   * @param timeLimitNanos stop after this long (Long.MAX_VALUE for no limit)
   * @param maxIterations stop after this many ruin-and-recreate steps (Long.MAX_VALUE for none);
   *     with this bound alone, and the same seed, the run is repeatable
   * @param seed random seed
   * @param initialRoutes task indices per team to start from (re-optimisation), or null; tasks
   *     that no longer fit are taken out and inserted again
   * @param cpuTime the time limit counts this thread's CPU time, not wall-clock time
   */
  public record Config(long timeLimitNanos, long maxIterations, long seed, int[][] initialRoutes, boolean cpuTime) {
    public Config {
      if (timeLimitNanos == Long.MAX_VALUE && maxIterations == Long.MAX_VALUE) {
        throw new IllegalArgumentException("give a time limit or an iteration limit");
      }
    }
  }

  /** Told of each new best solution (at most every 100 ms, and at the end). */
  public interface Listener {
    void improved(Solution best, long iteration, double elapsedSeconds);
  }

  /** The best solution, how many iterations ran and whether the run was cancelled. */
  public record Outcome(Solution best, long iterations, boolean cancelled) {}

  private static final double PRIORITY_WEIGHT = 1e9;
  private static final double TEAM_WEIGHT = 1e6;
  private static final long REPORT_NANOS = 100_000_000L;
  /** At most this many tasks left out earlier are offered to each recreate, besides those just removed. */
  private static final int MAX_EXTRA = 60;
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  private final CompiledProblem p;
  private final Config config;
  private final Listener listener;
  private final BooleanSupplier cancelled;
  private final SplittableRandom rnd;
  private final Inserter inserter;
  private final Ruin ruin;
  private final LocalSearch localSearch;
  private final long startNanos;
  private long iteration;
  private long checks;
  private long lastReport;
  private boolean stop;
  private Working best;
  private final double[] ruinWeight = {1, 1, 1, 1, 0.3};
  private final double[] ruinScore = new double[5];
  private final int[] ruinUses = new int[5];
  private int[] order;
  private double softPriorityWeight = PRIORITY_WEIGHT;
  private double teamWeight = TEAM_WEIGHT;
  private double lastPolish = -1;
  // annealing temperatures in units of the mean edge of the first solution, and the weight of one
  // average task's priority in the same units when not everything fits. A hot start pays on the
  // literature's instances of a few hundred tasks, where each task is moved tens of thousands of
  // times in a run (tuned on Solomon R/RC); on thousands of tasks a run moves each only tens of
  // times, and a cool search does better (measured on the operations-scale bench).
  private static final double SOFT_PRIORITY = 2;
  private static final int HOT_LIMIT = 500;
  private static final double T0 = 30;
  private static final double TF = 0.3;
  private static final double T0_LARGE = 0.3;
  private static final double TF_LARGE = 0.005;

  private Search(CompiledProblem p, Config config, Listener listener, BooleanSupplier cancelled) {
    this.p = p;
    this.config = config;
    this.listener = listener;
    this.cancelled = cancelled;
    this.rnd = new SplittableRandom(config.seed());
    this.inserter = new Inserter(p);
    this.ruin = new Ruin(p);
    this.localSearch = new LocalSearch(p);
    this.startNanos = now();
    this.order = new int[p.n];
  }

  public static Outcome run(RoutingProblem problem, Config config, Listener listener, BooleanSupplier cancelled) {
    Search s = new Search(new CompiledProblem(problem), config, listener, cancelled);
    return s.run();
  }

  private Outcome run() {
    if (p.n == 0 || p.m == 0) {
      best = new Working(p);
      report(true);
      return new Outcome(SolutionBuilder.build(p, best), 0, false);
    }
    Working cur = construct();
    best = cur.copy();
    // the first feasible plan goes out at once; local search follows
    report(true);
    localSearch.improve(cur, () -> done(0.1));
    if (cur.betterThan(best)) {
      best.copyFrom(cur);
      report(true);
    }
    if (p.minimiseTeams && p.m > 1) {
      minimiseTeams(cur, 0.4);
      cur.copyFrom(best);
    }
    anneal(cur);
    report(true);
    return new Outcome(SolutionBuilder.build(p, best), iteration, cancelled.getAsBoolean());
  }

  private Working construct() {
    Working w = new Working(p);
    if (config.initialRoutes() != null) {
      int[][] init = config.initialRoutes();
      for (int r = 0; r < Math.min(init.length, p.m); r++) {
        int len = 0;
        int[] seq = new int[init[r].length];
        for (int u : init[r]) {
          if (u >= 0 && u < p.n && w.routeOf[u] < 0 && p.compatible[u][r]) {
            seq[len++] = u;
          }
        }
        w.setRoute(r, seq, len);
        // drop visits from the end of the route until it is feasible again
        while (len > 0 && !w.routes[r].update(p)) {
          w.routeOf[seq[--len]] = -1;
          w.setRoute(r, seq, len);
        }
      }
      w.rebuildUnassigned();
      w.refresh();
    }
    int count = w.unassignedCount;
    int[] tasks = java.util.Arrays.copyOf(w.unassigned, count);
    if ((double) count * count * p.m <= 3e8) {
      inserter.regret(w, tasks, count);
    } else {
      sortBy(tasks, count, 1);
      inserter.greedy(w, tasks, count, rnd, 0);
    }
    return w;
  }

  private long now() {
    return config.cpuTime() ? CPU.getCurrentThreadCpuTime() : System.nanoTime();
  }

  private double progress() {
    double byTime = config.timeLimitNanos() == Long.MAX_VALUE ? 0
        : (double) (now() - startNanos) / config.timeLimitNanos();
    double byIter = config.maxIterations() == Long.MAX_VALUE ? 0 : (double) iteration / config.maxIterations();
    return Math.max(byTime, byIter);
  }

  private boolean done(double until) {
    if (stop) {
      return true;
    }
    if ((++checks & 15) == 0 && cancelled.getAsBoolean()) {
      stop = true;
      return true;
    }
    return progress() >= until;
  }

  private void report(boolean force) {
    long now = now();
    if (listener != null && (force || now - lastReport >= REPORT_NANOS)) {
      lastReport = now;
      listener.improved(SolutionBuilder.build(p, best), iteration, (now - startNanos) / 1e9);
    }
  }

  private void newBest(Working w) {
    best.copyFrom(w);
    report(false);
  }

  /** Lower bound on teams: total demand over the largest capacity. */
  private int teamLowerBound() {
    long demand = 0;
    int cap = 0;
    for (int u = 0; u < p.n; u++) {
      demand += p.demand[u];
    }
    for (int r = 0; r < p.m; r++) {
      cap = Math.max(cap, p.capacity[r]);
    }
    return cap == 0 ? 1 : (int) Math.max(1, (demand + cap - 1) / cap);
  }

  /**
   * Takes one route away and tries to fit its tasks into the others, accepting changes that leave
   * fewer tasks out or leave out tasks that were out less often (SISR's absence counts).
   */
  private void minimiseTeams(Working cur, double until) {
    int[] absence = new int[p.n];
    Working cand = cur.copy();
    int lower = teamLowerBound();
    while (!done(until) && best.used > lower && best.lostPriority == cur.lostPriority) {
      cur.copyFrom(best);
      cur.fleetLimit = best.used - 1;
      ruin.apply(Ruin.Kind.ROUTE, cur, rnd, 0);
      cur.refresh();
      long target = best.lostPriority;
      while (!done(until) && cur.lostPriority > target) {
        iteration++;
        cand.copyFrom(cur);
        int removed = ruin.apply(Ruin.Kind.STRING, cand, rnd, 10);
        recreate(cand, true, absence, removed);
        long sumCand = 0;
        long sumCur = 0;
        for (int i = 0; i < cand.unassignedCount; i++) {
          absence[cand.unassigned[i]]++;
          sumCand += absence[cand.unassigned[i]];
        }
        for (int i = 0; i < cur.unassignedCount; i++) {
          sumCur += absence[cur.unassigned[i]];
        }
        if (cand.lostPriority < cur.lostPriority || sumCand < sumCur) {
          Working t = cur;
          cur = cand;
          cand = t;
        }
      }
      if (cur.lostPriority <= target && cur.used < best.used) {
        localSearch.improve(cur);
        newBest(cur);
      }
    }
  }

  private void anneal(Working cur) {
    Working cand = cur.copy();
    double served = Math.max(1, p.n - cur.unassignedCount);
    double edge = Math.max(1e-9, cur.cost / (served + cur.used));
    double t0 = (p.n <= HOT_LIMIT ? T0 : T0_LARGE) * edge;
    double tf = (p.n <= HOT_LIMIT ? TF : TF_LARGE) * edge;
    // when not everything fits (prize collecting), let the annealing trade priority for travel a
    // little, so it can leave one task for others; the best is still kept lexicographically
    long unservable = 0;
    long servablePrio = 0;
    int servable = 0;
    for (int u = 0; u < p.n; u++) {
      boolean any = false;
      for (int r = 0; r < p.m && !any; r++) {
        any = p.reachableAlone(u, r);
      }
      if (any) {
        servablePrio += p.prio[u];
        servable++;
      } else {
        unservable += p.prio[u];
      }
    }
    boolean prizeCollecting = cur.lostPriority > unservable && servablePrio > 0;
    if (prizeCollecting) {
      softPriorityWeight = SOFT_PRIORITY * edge * servable / servablePrio;
      // more priority is worth more teams: the annealing does not count teams then
      teamWeight = 0;
    }
    // with everything served, stay within the fewest teams found
    cur.fleetLimit = p.minimiseTeams && !prizeCollecting ? Math.max(best.used, 1) : p.m;
    best.fleetLimit = cur.fleetLimit;
    cand.fleetLimit = cur.fleetLimit;
    double curScalar = scalar(cur);
    int segment = 0;
    while (!done(1.0)) {
      iteration++;
      cand.copyFrom(cur);
      int kind = pickRuin();
      int q = 2 + rnd.nextInt(Math.max(2, Math.min(30, p.n / 2)));
      int removed = ruin.apply(Ruin.Kind.values()[kind], cand, rnd, kind == 0 ? 10 : q);
      recreate(cand, false, null, removed);
      double s = scalar(cand);
      double temp = t0 * Math.pow(tf / t0, Math.min(1, progress()));
      double score = 0;
      boolean newBest = cand.betterThan(best);
      if (newBest || s < curScalar - temp * Math.log(rnd.nextDouble())) {
        score = s < curScalar - 1e-9 ? 2 : 1;
        if (newBest) {
          // on large problems new bests come often: polish at most every 2% of the run
          if (p.n <= 1000 || progress() - lastPolish > 0.02) {
            lastPolish = progress();
            localSearch.improve(cand, () -> done(1.0));
          }
          s = scalar(cand);
          newBest(cand);
          score = 5;
        }
        Working t = cur;
        cur = cand;
        cand = t;
        curScalar = s;
      }
      ruinScore[kind] += score;
      ruinUses[kind]++;
      if (++segment == 200) {
        segment = 0;
        for (int k = 0; k < ruinWeight.length; k++) {
          if (ruinUses[k] > 0) {
            ruinWeight[k] = 0.8 * ruinWeight[k] + 0.2 * Math.max(0.05, ruinScore[k] / ruinUses[k]);
          }
          ruinScore[k] = 0;
          ruinUses[k] = 0;
        }
      }
    }
  }

  private int pickRuin() {
    double sum = 0;
    for (double w : ruinWeight) {
      sum += w;
    }
    double x = rnd.nextDouble() * sum;
    for (int k = 0; k < ruinWeight.length; k++) {
      x -= ruinWeight[k];
      if (x <= 0) {
        return k;
      }
    }
    return 0;
  }

  private double scalar(Working w) {
    return w.lostPriority * softPriorityWeight + (p.minimiseTeams ? w.used * teamWeight : 0) + w.cost;
  }

  /** Inserts the unassigned tasks back, in one of several orders (or by regret, now and then). */
  private void recreate(Working w, boolean byAbsence, int[] absence, int removed) {
    int count = w.unassignedCount;
    System.arraycopy(w.unassigned, 0, order, 0, count);
    if (count > removed + MAX_EXTRA) {
      // the tasks just removed (listed last) and a random sample of those left out before
      int older = count - removed;
      for (int i = 0; i < MAX_EXTRA; i++) {
        int j = i + rnd.nextInt(older - i);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      System.arraycopy(w.unassigned, older, order, MAX_EXTRA, removed);
      count = MAX_EXTRA + removed;
    }
    if (byAbsence && rnd.nextBoolean()) {
      sortByKey(order, count, u -> -absence[u]);
      inserter.greedy(w, order, count, rnd, 0.01);
      return;
    }
    if (count <= 40 && rnd.nextDouble() < 0.05) {
      inserter.regret(w, order, count);
      return;
    }
    if (softPriorityWeight < PRIORITY_WEIGHT && rnd.nextDouble() < 0.3) {
      // prize collecting: most priority per added travel first
      w.refresh();
      double noise = 0.3 * rnd.nextDouble();
      sortByKey(order, count, u -> -p.prio[u] / (1e-9 + inserter.cheapest(w, u)) * (1 + noise * rnd.nextDouble()));
    } else {
      sortBy(order, count, rnd.nextInt(6));
    }
    inserter.greedy(w, order, count, rnd, 0.01);
  }

  private void sortBy(int[] a, int count, int how) {
    switch (how) {
      case 0 -> shuffle(a, count);
      case 1 -> sortByKey(a, count, u -> -p.prio[u] * 1e6 + rnd.nextDouble());
      case 2 -> sortByKey(a, count, u -> -p.demand[u] + rnd.nextDouble() * 0.5);
      case 3 -> sortByKey(a, count, u -> -p.t(p.startLoc[0], p.loc[u]));
      case 4 -> sortByKey(a, count, u -> p.t(p.startLoc[0], p.loc[u]));
      default -> sortByKey(a, count, u -> p.late[u] - p.early[u]);
    }
  }

  private void shuffle(int[] a, int count) {
    for (int i = count - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static void sortByKey(int[] a, int count, java.util.function.IntToDoubleFunction key) {
    double[] k = new double[count];
    for (int i = 0; i < count; i++) {
      k[i] = key.applyAsDouble(a[i]);
    }
    // insertion sort for the usual handful, else a boxed sort
    if (count <= 64) {
      for (int i = 1; i < count; i++) {
        double kv = k[i];
        int av = a[i];
        int j = i - 1;
        while (j >= 0 && k[j] > kv) {
          k[j + 1] = k[j];
          a[j + 1] = a[j];
          j--;
        }
        k[j + 1] = kv;
        a[j + 1] = av;
      }
      return;
    }
    Integer[] idx = new Integer[count];
    for (int i = 0; i < count; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (x, y) -> Double.compare(k[x], k[y]));
    int[] copy = java.util.Arrays.copyOf(a, count);
    for (int i = 0; i < count; i++) {
      a[i] = copy[idx[i]];
    }
  }
}
