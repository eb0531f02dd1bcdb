package io.mimamori.routing.shelter;

/**
 * How the assignment treats households: a penalty per extra place a resident takes, so that among
 * ways of placing as many residents the search prefers those leaving room for more.
 */
final class HouseholdPenalty {

  private HouseholdPenalty() {}

  /**
   * Adds a penalty per extra place taken, larger than any total of travel costs: among ways of
   * placing as many residents, the search then prefers those taking fewer places, which leaves
   * room for more residents (a household of three in the last three places shuts out three
   * people living alone). Among assignments taking as many places, travel cost decides.
   */
  static double[][] apply(double[][] cost, int[][] places) {
    double total = 0;
    boolean households = false;
    for (int r = 0; r < cost.length; r++) {
      double worst = 0;
      for (int j = 0; j < cost[r].length; j++) {
        if (cost[r][j] < Double.POSITIVE_INFINITY) {
          worst = Math.max(worst, Math.abs(cost[r][j]));
        }
        households |= places[r][j] > 1;
      }
      total += worst;
    }
    if (!households) {
      return cost;
    }
    double penalty = 2 * total + 1;
    double[][] out = new double[cost.length][];
    for (int r = 0; r < cost.length; r++) {
      out[r] = cost[r].clone();
      for (int j = 0; j < out[r].length; j++) {
        out[r][j] += penalty * (places[r][j] - 1);
      }
    }
    return out;
  }

  static boolean anyChild(boolean[] child) {
    for (boolean c : child) {
      if (c) {
        return true;
      }
    }
    return false;
  }
}
