package io.mimamori.bench.vrp;

import io.mimamori.routing.optimiser.EuclideanTravelTimes;
import io.mimamori.routing.optimiser.OptimisationJob;
import io.mimamori.routing.optimiser.Progress;
import io.mimamori.routing.optimiser.RoutingProblem;
import io.mimamori.routing.optimiser.Solution;
import io.mimamori.routing.optimiser.SolutionChecker;
import io.mimamori.routing.optimiser.SolverSettings;
import io.mimamori.routing.optimiser.Task;
import io.mimamori.routing.optimiser.Team;
import io.mimamori.routing.optimiser.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Operations scale: a synthetic town of 8 x 8 km with N residents to check and M supporter teams
 * walking at 1.2 m/s from their homes for a three-hour shift, back to one of nine shelters
 * (straight-line times: the road matrix of the routing module plugs in through the same
 * interface). Priorities 1-100, visits of 5-15 minutes, a fifth with a window, a tenth needing a
 * wheelchair skill, one in twenty needing two people. Prints the time to the first feasible plan
 * and the quality curve (priority reached, travel) over the run; the result is checked.
 *
 * <pre>
 * java -cp 'bench/target/classes:bench/target/lib/*' io.mimamori.bench.vrp.OpsScaleBench [tasks=5000] [teams=300] [seconds=60] [threads=1]
 * </pre>
 */
public final class OpsScaleBench {

  private OpsScaleBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int m = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 60;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    RoutingProblem p = town(n, m, 20260101L);
    long t0 = System.nanoTime();
    List<String> curve = new ArrayList<>();
    double[] nextMark = {0};
    OptimisationJob job = OptimisationJob.start(p,
        SolverSettings.ofTime(Duration.ofMillis((long) (seconds * 1000))).withThreads(threads), (Progress pr) -> {
          double t = (System.nanoTime() - t0) / 1e9;
          if (curve.isEmpty() || t >= nextMark[0]) {
            Solution s = pr.best();
            curve.add(String.format(Locale.ROOT, "| %.1f | %d | %d | %.0f | %d |", t, s.priorityReached(), s.served(),
                s.travelSeconds(), s.teamsUsed()));
            nextMark[0] = t < 10 ? Math.floor(t) + 1 : Math.floor(t / 10) * 10 + 10;
          }
        });
    Solution s = job.result();
    double total = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "tasks %d, teams %d, budget %.0f s, %d thread(s); total priority %d%n%n", n, m, seconds,
        threads, p.totalPriority());
    System.out.println("| seconds | priority reached | tasks served | travel s | teams used |");
    System.out.println("|---:|---:|---:|---:|---:|");
    curve.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "| %.1f (end) | %d | %d | %.0f | %d |%n", total, s.priorityReached(), s.served(),
        s.travelSeconds(), s.teamsUsed());
    System.out.println();
    System.out.println("checker: " + (SolutionChecker.check(p, s).valid() ? "valid" : SolutionChecker.check(p, s).violations()));
    System.out.println("iterations: " + job.iterations());
  }

  static RoutingProblem town(int n, int m, long seed) {
    Random rnd = new Random(seed);
    int shelters = 9;
    int locations = n + m + shelters;
    double[] x = new double[locations];
    double[] y = new double[locations];
    for (int i = 0; i < locations; i++) {
      // residents cluster around a few neighbourhoods
      double cx = 1000 + 6000 * (rnd.nextInt(4) / 3.0);
      double cy = 1000 + 6000 * (rnd.nextInt(4) / 3.0);
      x[i] = Math.max(0, Math.min(8000, cx + rnd.nextGaussian() * 900));
      y[i] = Math.max(0, Math.min(8000, cy + rnd.nextGaussian() * 900));
    }
    for (int k = 0; k < shelters; k++) {
      x[n + m + k] = 1500 + 2500 * (k % 3);
      y[n + m + k] = 1500 + 2500 * (k / 3);
    }
    EuclideanTravelTimes times = new EuclideanTravelTimes(x, y, 1.2, EuclideanTravelTimes.Rounding.EXACT);
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TimeWindow w = TimeWindow.ALWAYS;
      if (rnd.nextInt(5) == 0) {
        double open = rnd.nextInt(7200);
        w = TimeWindow.of(open, open + 1800 + rnd.nextInt(3600));
      }
      Set<String> skills = rnd.nextInt(10) == 0 ? Set.of("wheelchair") : Set.of();
      tasks.add(new Task("r" + i, i, 1 + rnd.nextInt(100), 300 + rnd.nextInt(600), w, skills,
          rnd.nextInt(20) == 0 ? 2 : 1, 0));
    }
    List<Team> teams = new ArrayList<>();
    for (int r = 0; r < m; r++) {
      int home = n + r;
      int shelter = n + m + rnd.nextInt(shelters);
      Set<String> skills = r % 4 == 0 ? Set.of("wheelchair") : Set.of();
      teams.add(new Team("team" + r, home, shelter, TimeWindow.of(0, 3 * 3600), skills, r % 3 == 0 ? 2 : 1,
          Integer.MAX_VALUE));
    }
    return RoutingProblem.of(times, tasks, teams);
  }
}
