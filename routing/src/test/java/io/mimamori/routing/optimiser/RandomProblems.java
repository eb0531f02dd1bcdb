package io.mimamori.routing.optimiser;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random small problems with every kind of rule, for tests. */
final class RandomProblems {

  private RandomProblems() {}

  static RoutingProblem random(int tasks, int teams, long seed) {
    Random rnd = new Random(seed);
    int locations = tasks + teams;
    double[][] xy = new double[locations][];
    for (int i = 0; i < locations; i++) {
      xy[i] = new double[] {rnd.nextInt(100), rnd.nextInt(100)};
    }
    List<Task> ts = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      double open = rnd.nextInt(200);
      TimeWindow w = rnd.nextInt(3) == 0 ? TimeWindow.ALWAYS : TimeWindow.of(open, open + 30 + rnd.nextInt(120));
      Set<String> skills = rnd.nextInt(5) == 0 ? Set.of("wheelchair") : Set.of();
      ts.add(new Task("task" + i, teams + i, 1 + rnd.nextInt(9), rnd.nextInt(15), w, skills,
          rnd.nextInt(6) == 0 ? 2 : 1, rnd.nextInt(4)));
    }
    List<Team> ms = new ArrayList<>();
    for (int r = 0; r < teams; r++) {
      Set<String> skills = r % 2 == 0 ? Set.of("wheelchair") : Set.of();
      ms.add(new Team("team" + r, r, rnd.nextBoolean() ? r : Team.NO_END, TimeWindow.of(0, 150 + rnd.nextInt(200)),
          skills, r % 3 == 0 ? 2 : 1, 6 + rnd.nextInt(6)));
    }
    return RoutingProblem.of(Fixtures.points(xy), ts, ms);
  }
}
