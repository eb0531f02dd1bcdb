package io.mimamori.routing.shelter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The assignment against brute force on small random instances. */
class AssignmentSolverTest {

  record Instance(double[][] cost, int[][] places, boolean[] child, int[] capPlaces, int[] capChildren) {}

  /** Best (most placed, then least cost) by trying every assignment. */
  static double[] bruteForce(Instance in) {
    int n = in.cost().length, m = in.capPlaces().length;
    int[] a = new int[n];
    double[] best = {-1, Double.POSITIVE_INFINITY};
    search(in, a, 0, new int[m], new int[m], 0, 0, best);
    return best;
  }

  private static void search(Instance in, int[] a, int r, int[] used, int[] usedC, int placed, double cost,
      double[] best) {
    int n = in.cost().length, m = in.capPlaces().length;
    if (r == n) {
      if (placed > best[0] || (placed == best[0] && cost < best[1] - 1e-9)) {
        best[0] = placed;
        best[1] = cost;
      }
      return;
    }
    search(in, a, r + 1, used, usedC, placed, cost, best);
    for (int j = 0; j < m; j++) {
      if (in.cost()[r][j] == Double.POSITIVE_INFINITY) {
        continue;
      }
      int c = in.child()[r] && in.capChildren()[j] != Integer.MAX_VALUE ? 1 : 0;
      if (used[j] + in.places()[r][j] > in.capPlaces()[j] || usedC[j] + c > in.capChildren()[j]) {
        continue;
      }
      used[j] += in.places()[r][j];
      usedC[j] += c;
      search(in, a, r + 1, used, usedC, placed + 1, cost + in.cost()[r][j], best);
      used[j] -= in.places()[r][j];
      usedC[j] -= c;
    }
  }

  static Instance random(SplittableRandom rnd, int n, int m, boolean households) {
    double[][] cost = new double[n][m];
    int[][] places = new int[n][m];
    boolean[] child = new boolean[n];
    int[] cap = new int[m];
    int[] capC = new int[m];
    for (int j = 0; j < m; j++) {
      cap[j] = 1 + rnd.nextInt(households ? 4 : 3);
      capC[j] = households && rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(2) : Integer.MAX_VALUE;
    }
    for (int r = 0; r < n; r++) {
      child[r] = households && rnd.nextInt(3) == 0;
      int size = households ? 1 + rnd.nextInt(3) : 1;
      for (int j = 0; j < m; j++) {
        cost[r][j] = rnd.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : 60 + rnd.nextInt(1800);
        places[r][j] = size;
      }
    }
    return new Instance(cost, places, child, cap, capC);
  }

  static double[] solve(Instance in) {
    AssignmentSolver s = new AssignmentSolver(in.cost(), in.places(), in.child(), in.capPlaces(), in.capChildren());
    int[] at = s.solve(() -> false, k -> {});
    int m = in.capPlaces().length;
    int[] used = new int[m], usedC = new int[m];
    double placed = 0, cost = 0;
    for (int r = 0; r < at.length; r++) {
      if (at[r] >= 0) {
        assertThat(in.cost()[r][at[r]]).isFinite();
        placed++;
        cost += in.cost()[r][at[r]];
        used[at[r]] += in.places()[r][at[r]];
        usedC[at[r]] += in.child()[r] && in.capChildren()[at[r]] != Integer.MAX_VALUE ? 1 : 0;
      }
    }
    for (int j = 0; j < m; j++) {
      assertThat(used[j]).as("places used at " + j).isLessThanOrEqualTo(in.capPlaces()[j]).isEqualTo(s.usedPlaces(j));
      assertThat(usedC[j]).as("children at " + j).isLessThanOrEqualTo(in.capChildren()[j]);
    }
    return new double[] {placed, cost};
  }

  @Test
  void onePlacePerResidentIsOptimalAgainstBruteForce() {
    SplittableRandom rnd = new SplittableRandom(42);
    for (int t = 0; t < 400; t++) {
      Instance in = random(rnd, 2 + rnd.nextInt(6), 1 + rnd.nextInt(3), false);
      double[] exact = bruteForce(in);
      double[] ours = solve(in);
      assertThat(ours[0]).as("placed, case " + t).isEqualTo(exact[0]);
      assertThat(ours[1]).as("cost, case " + t).isCloseTo(exact[1], org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void householdsAndChildrensPlacesNeverBreakACapacityAndAreNearlyOptimal() {
    SplittableRandom rnd = new SplittableRandom(7);
    int cases = 400, placedOptimal = 0, fullyOptimal = 0;
    double worstCostRatio = 1;
    for (int t = 0; t < cases; t++) {
      Instance in = random(rnd, 2 + rnd.nextInt(6), 1 + rnd.nextInt(3), true);
      double[] exact = bruteForce(in);
      double[] ours = solve(in);
      assertThat(ours[0]).as("placed, case " + t).isLessThanOrEqualTo(exact[0]);
      if (ours[0] == exact[0]) {
        placedOptimal++;
        if (Math.abs(ours[1] - exact[1]) < 1e-6) {
          fullyOptimal++;
        } else {
          worstCostRatio = Math.max(worstCostRatio, ours[1] / exact[1]);
        }
      }
    }
    System.out.printf("households: %d of %d place as many as brute force, %d also at least cost; worst cost ratio %.3f%n",
        placedOptimal, cases, fullyOptimal, worstCostRatio);
    assertThat(placedOptimal).isGreaterThan(cases * 95 / 100);
    assertThat(fullyOptimal).isGreaterThan(cases * 85 / 100);
  }
}
