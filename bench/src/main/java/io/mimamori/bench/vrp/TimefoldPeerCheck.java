package io.mimamori.bench.vrp;

import io.mimamori.routing.optimiser.CheckReport;
import io.mimamori.routing.optimiser.EuclideanTravelTimes;
import io.mimamori.routing.optimiser.Objective;
import io.mimamori.routing.optimiser.PlanEvaluator;
import io.mimamori.routing.optimiser.RoutingProblem;
import io.mimamori.routing.optimiser.Solution;
import io.mimamori.routing.optimiser.SolutionChecker;
import io.mimamori.routing.optimiser.Task;
import io.mimamori.routing.optimiser.Team;
import io.mimamori.routing.optimiser.TimeWindow;
import io.mimamori.routing.optimiser.instances.SolomonReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A quick check that {@link TimefoldPeer} gives plans the independent {@link SolutionChecker}
 * accepts: Solomon's C101 (every customer served), a small problem where capacity and a team
 * without an end bind and one task cannot be reached in its window (it must be left out, not
 * served late), and one where time allows only one of two tasks (the higher priority one). Bench
 * has no unit run (peers stay out of it), so this is a main that exits 1 on a failure.
 *
 * <pre>
 * java -cp 'bench/target/classes:bench/target/lib/*' io.mimamori.bench.vrp.TimefoldPeerCheck [DATA_DIR]
 * </pre>
 */
public final class TimefoldPeerCheck {

  private TimefoldPeerCheck() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    List<String> failed = new ArrayList<>();
    RoutingProblem c101 = SolomonReader.read(data.resolve("vrp-solomon-jsprit/C101.txt")).problem();
    check("C101, 5 s CPU: valid, every customer served", c101, 5, s -> s.leftOut().isEmpty(), failed);
    check("capacity, open end, unreachable window: only the unreachable task left out", capacityAndWindow(), 1,
        s -> s.leftOut().size() == 1 && s.leftOut().get(0).taskId().equals("late"), failed);
    check("room for one task: the higher priority one served", oneOfTwo(), 1,
        s -> s.priorityReached() == 5 && s.leftOut().size() == 1, failed);
    int passed = 3 - failed.size();
    failed.forEach(f -> System.out.println("FAILED: " + f));
    System.out.println(passed + " passed, " + failed.size() + " failed");
    System.exit(failed.isEmpty() ? 0 : 1);
  }

  private static void check(String name, RoutingProblem problem, double cpuSeconds, Predicate<Solution> expected,
      List<String> failed) {
    Solution s = PlanEvaluator.evaluate(problem,
        TimefoldPeer.solve(problem, cpuSeconds, problem.objective().minimiseTeams(), true));
    CheckReport report = SolutionChecker.check(problem, s);
    boolean ok = report.valid() && expected.test(s);
    System.out.printf("%s %s: %d teams, travel %.2f, priority %d, left out %d%s%n", ok ? "ok  " : "FAIL", name,
        s.teamsUsed(), s.travelSeconds(), s.priorityReached(), s.leftOut().size(),
        report.valid() ? "" : ", violations " + report.violations());
    if (!ok) {
      failed.add(name);
    }
  }

  /**
   * Points on a line 0, 10, 20, 30, 40; four tasks of load 1 for two teams of capacity 2 (one
   * returns to 0, one ends at its last visit), and a task at 40 whose window closes at 5 s.
   */
  private static RoutingProblem capacityAndWindow() {
    EuclideanTravelTimes times = EuclideanTravelTimes.of(new double[] {0, 10, 20, 30, 40}, new double[5]);
    List<Task> tasks = List.of(
        Task.visit("a", 1, 1, 0).withDemand(1), Task.visit("b", 2, 1, 0).withDemand(1),
        Task.visit("c", 3, 1, 0).withDemand(1), Task.visit("d", 4, 1, 0).withDemand(1),
        Task.visit("late", 4, 1, 0).withWindow(TimeWindow.of(0, 5)));
    List<Team> teams = List.of(
        Team.of("home", 0, TimeWindow.of(0, 1000)).withCapacity(2),
        Team.of("open", 0, TimeWindow.of(0, 1000)).withCapacity(2).withEnd(Team.NO_END));
    return new RoutingProblem(times, tasks, teams, Objective.PRIORITY_TEAMS_TRAVEL);
  }

  /** One team with 25 s: a task 10 s away (priority 2) or one 12 s the other way (priority 5). */
  private static RoutingProblem oneOfTwo() {
    EuclideanTravelTimes times = EuclideanTravelTimes.of(new double[] {0, 10, -12}, new double[3]);
    List<Task> tasks = List.of(Task.visit("near", 1, 2, 0), Task.visit("far", 2, 5, 0));
    List<Team> teams = List.of(new Team("t", 0, 0, TimeWindow.of(0, 25), Set.of(), 1, Integer.MAX_VALUE));
    return RoutingProblem.of(times, tasks, teams);
  }
}
