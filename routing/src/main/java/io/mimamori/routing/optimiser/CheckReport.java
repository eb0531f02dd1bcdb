package io.mimamori.routing.optimiser;

import java.util.List;

/**
 * What {@link SolutionChecker} found: every broken rule as a sentence naming the team, task and
 * field, and the objective's values as recomputed from the raw problem.
 */
public record CheckReport(
    List<String> violations, long priorityReached, int teamsUsed, double travelSeconds, double cost) {

  public CheckReport {
    violations = List.copyOf(violations);
  }

  public boolean valid() {
    return violations.isEmpty();
  }

  /** Throws {@link IllegalStateException} listing the violations, if any. */
  public CheckReport orThrow() {
    if (!valid()) {
      int shown = Math.min(violations.size(), 20);
      throw new IllegalStateException(violations.size() + " violation(s): "
          + String.join("; ", violations.subList(0, shown)) + (shown < violations.size() ? "; ..." : ""));
    }
    return this;
  }
}
