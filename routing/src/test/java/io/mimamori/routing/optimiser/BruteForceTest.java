package io.mimamori.routing.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optimiser against exhaustive search on random problems of up to 6 tasks and 2 teams, with
 * windows, shifts, skills, pairs, capacity, open ends, priorities and (half the time) team
 * minimisation or a reassignment penalty: it must find the optimum of the objective.
 */
class BruteForceTest {

  @Test
  void findsTheOptimumOnSmallRandomProblems() {
    int checked = 0;
    for (long seed = 1; seed <= 40; seed++) {
      RoutingProblem p = RandomProblems.random(6, 2, seed);
      if (seed % 4 == 1) {
        p = p.withObjective(Objective.PRIORITY_TEAMS_TRAVEL);
      } else if (seed % 4 == 2) {
        p = p.withObjective(new Objective(false, Map.of("task0", "team1", "task1", "team0", "task2", "team1"), 25));
      }
      double[] optimum = exhaustive(p);
      Solution s = Fixtures.solve(p, SolverSettings.ofIterations(1500, seed));
      assertThat(s.priorityReached()).as("priority, seed %d", seed).isEqualTo((long) optimum[0]);
      if (p.objective().minimiseTeams()) {
        assertThat(s.teamsUsed()).as("teams, seed %d", seed).isEqualTo((int) optimum[1]);
      }
      assertThat(s.cost()).as("cost, seed %d", seed).isCloseTo(optimum[2], org.assertj.core.data.Offset.offset(1e-6));
      checked++;
    }
    assertThat(checked).isEqualTo(40);
  }

  /** {priority, teams, cost} of the best solution, by trying every assignment and order. */
  static double[] exhaustive(RoutingProblem p) {
    int n = p.tasks().size();
    int m = p.teams().size();
    double[][] best = new double[m][1 << n];
    for (int r = 0; r < m; r++) {
      for (int mask = 0; mask < 1 << n; mask++) {
        best[r][mask] = bestRoute(p, r, mask);
      }
    }
    double[] result = {-1, 0, 0};
    int[] assign = new int[n];
    int combos = (int) Math.pow(m + 1, n);
    for (int c = 0; c < combos; c++) {
      int x = c;
      int[] masks = new int[m];
      long prio = 0;
      for (int i = 0; i < n; i++) {
        assign[i] = x % (m + 1) - 1;
        x /= m + 1;
        if (assign[i] >= 0) {
          masks[assign[i]] |= 1 << i;
          prio += p.tasks().get(i).priority();
        }
      }
      double cost = 0;
      int used = 0;
      for (int r = 0; r < m && cost < Double.POSITIVE_INFINITY; r++) {
        cost += best[r][masks[r]];
        used += masks[r] != 0 ? 1 : 0;
      }
      if (cost == Double.POSITIVE_INFINITY) {
        continue;
      }
      boolean better = prio > result[0]
          || prio == result[0] && p.objective().minimiseTeams() && used < result[1]
          || prio == result[0] && (!p.objective().minimiseTeams() || used == result[1]) && cost < result[2] - 1e-9;
      if (better) {
        result = new double[] {prio, used, cost};
      }
    }
    return result;
  }

  private static double bestRoute(RoutingProblem p, int r, int mask) {
    int[] members = new int[Integer.bitCount(mask)];
    for (int i = 0, k = 0; i < p.tasks().size(); i++) {
      if ((mask & 1 << i) != 0) {
        members[k++] = i;
      }
    }
    double[] best = {mask == 0 ? 0 : Double.POSITIVE_INFINITY};
    permute(members, 0, perm -> {
      Solution s = PlanEvaluator.evaluate(p, route(p.teams().size(), r, perm));
      if (SolutionChecker.check(p, s).valid()) {
        best[0] = Math.min(best[0], s.cost());
      }
    });
    return best[0];
  }

  private static int[][] route(int teams, int r, int[] order) {
    int[][] out = new int[teams][0];
    out[r] = order.clone();
    return out;
  }

  private static void permute(int[] a, int k, java.util.function.Consumer<int[]> each) {
    if (a.length == 0) {
      return;
    }
    if (k == a.length) {
      each.accept(a);
      return;
    }
    for (int i = k; i < a.length; i++) {
      int t = a[k];
      a[k] = a[i];
      a[i] = t;
      permute(a, k + 1, each);
      a[i] = a[k];
      a[k] = t;
    }
  }

  @Test
  void exhaustiveSearchItselfIsRight() {
    // two tasks at 10 and 20 on a line, one team: best cost 40, priority 2
    RoutingProblem p = RoutingProblem.of(Fixtures.line(0, 10, 20),
        List.of(Task.visit("a", 1, 1, 0), Task.visit("b", 2, 1, 0)), List.of(Team.of("t", 0, TimeWindow.ALWAYS)));
    assertThat(Arrays.toString(exhaustive(p))).isEqualTo("[2.0, 1.0, 40.0]");
  }
}
