package io.mimamori.layers.priority;

import java.util.List;
import java.util.Map;

/**
 * A resident's score under one profile, with every factor that counted (largest first) and the
 * hazard ranks at the home ({@code flood}, {@code tsunami}, {@code landslide}).
 */
public record PriorityScore(
    long residentId, String profile, int profileVersion, int score, String band, List<Contribution> contributions,
    Map<String, Integer> homeHazards) {

  /** One reason and the points it added. */
  public record Contribution(PriorityFactor factor, int points) {
    public String reasonJa() {
      return factor.japanese() + "（+" + points + "）";
    }

    public String reasonEn() {
      return factor.english() + " (+" + points + ")";
    }
  }

  public PriorityScore {
    contributions = List.copyOf(contributions);
    homeHazards = Map.copyOf(homeHazards);
  }

  public boolean has(PriorityFactor f) {
    return contributions.stream().anyMatch(c -> c.factor() == f);
  }
}
