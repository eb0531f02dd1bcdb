package io.mimamori.bench.vrp;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import io.mimamori.bench.vrp.timefold.RoutePlan;
import io.mimamori.bench.vrp.timefold.RoutePlanConstraints;
import io.mimamori.bench.vrp.timefold.TaskVisit;
import io.mimamori.bench.vrp.timefold.TeamRoute;
import io.mimamori.bench.vrp.timefold.TravelMatrix;
import io.mimamori.routing.optimiser.RoutingProblem;
import io.mimamori.routing.optimiser.Task;
import io.mimamori.routing.optimiser.Team;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Timefold Solver on the same problem: the model of {@code io.mimamori.bench.vrp.timefold} with
 * Timefold's default phases (a construction heuristic, then late acceptance over list change, list
 * swap and k-opt moves), one thread, its default (fixed) random seed. Returns task indices per
 * team, for the same checker as ours.
 *
 * <p>Timefold's terminations count wall-clock time only. For a CPU-time budget a watcher thread
 * reads the solving thread's CPU time every 5 ms and stops the solver early once the budget is
 * spent, counted from before the model is built (so building it and the construction heuristic
 * count), with a wall-clock limit of 20 times the budget as a safety net.
 */
final class TimefoldPeer {

  private static final long POLL_MILLIS = 5;

  private TimefoldPeer() {}

  static int[][] solve(RoutingProblem problem, double seconds, boolean minimiseTeams, boolean cpuTime) {
    long millis = (long) (seconds * 1000);
    SolverConfig config = new SolverConfig()
        .withSolutionClass(RoutePlan.class)
        .withEntityClasses(TeamRoute.class, TaskVisit.class)
        .withConstraintProviderClass(RoutePlanConstraints.class)
        .withTerminationSpentLimit(Duration.ofMillis(cpuTime ? 20 * millis : millis));
    Solver<RoutePlan> solver = SolverFactory.<RoutePlan>create(config).buildSolver();
    RoutePlan best;
    if (cpuTime) {
      CpuBudget budget = new CpuBudget(solver, Thread.currentThread(), millis * 1_000_000L);
      budget.start();
      try {
        best = solver.solve(model(problem, minimiseTeams));
      } finally {
        budget.interrupt();
      }
    } else {
      best = solver.solve(model(problem, minimiseTeams));
    }
    int[][] order = new int[problem.teams().size()][];
    for (TeamRoute route : best.routes()) {
      order[route.id()] = route.visits().stream().mapToInt(TaskVisit::id).toArray();
    }
    return order;
  }

  /** The problem as Timefold's model: every task unassigned, every route empty. */
  static RoutePlan model(RoutingProblem problem, boolean minimiseTeams) {
    List<Task> tasks = problem.tasks();
    List<Team> teams = problem.teams();
    int[] locations = new int[tasks.size() + 2 * teams.size()];
    int k = 0;
    for (Task t : tasks) {
      locations[k++] = t.location();
    }
    for (Team t : teams) {
      locations[k++] = t.start();
      locations[k++] = t.end() == Team.NO_END ? t.start() : t.end();
    }
    TravelMatrix matrix = new TravelMatrix(problem.travelTimes(), locations);
    List<TaskVisit> visits = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      visits.add(new TaskVisit(i, tasks.get(i), matrix));
    }
    List<TeamRoute> routes = new ArrayList<>();
    for (int r = 0; r < teams.size(); r++) {
      routes.add(new TeamRoute(r, teams.get(r), matrix, minimiseTeams ? 1 : 0));
    }
    return new RoutePlan(routes, visits);
  }

  /** Stops a solver once the solving thread has used its CPU-time budget. */
  private static final class CpuBudget extends Thread {

    private final Solver<RoutePlan> solver;
    private final long threadId;
    private final long budgetNanos;
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final long start;

    CpuBudget(Solver<RoutePlan> solver, Thread solving, long budgetNanos) {
      super("timefold-cpu-budget");
      setDaemon(true);
      this.solver = solver;
      this.threadId = solving.getId();
      this.budgetNanos = budgetNanos;
      this.start = cpu.getThreadCpuTime(threadId);
    }

    @Override
    public void run() {
      try {
        while (cpu.getThreadCpuTime(threadId) - start < budgetNanos) {
          Thread.sleep(POLL_MILLIS);
        }
        solver.terminateEarly();
      } catch (InterruptedException e) {
        // solving ended first
      }
    }
  }
}
