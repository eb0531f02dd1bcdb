package io.mimamori.layers.priority;

import java.util.Optional;

/**
 * A page of the planner's ranked list: filters (each optional) and keyset paging. The next page
 * starts after the last row of this one: pass its score and resident id as {@code after}.
 */
public record RankedQuery(
    PriorityProfile profile,
    Optional<Integer> districtId,
    Optional<String> hazardType,
    Optional<PriorityFactor> factor,
    Optional<String> planStatus,
    Optional<String> band,
    Optional<String> failedCheck,
    Optional<After> after,
    int limit) {

  /** Where a page ends: rows ranked after (lower score, or same score and higher id) come next. */
  public record After(int score, long residentId) {}

  public RankedQuery {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be 1..10000, got " + limit);
    }
    hazardType.ifPresent(h -> {
      if (!h.matches("flood|tsunami|landslide|storm_surge|inland_flood")) {
        throw new IllegalArgumentException("unknown hazard type: " + h);
      }
    });
    planStatus.ifPresent(s -> {
      if (!s.matches("none|draft|partial|complete|refused")) {
        throw new IllegalArgumentException("unknown plan status: " + s);
      }
    });
    band.ifPresent(b -> {
      if (!b.matches("[ABCD]")) {
        throw new IllegalArgumentException("band must be A, B, C or D: " + b);
      }
    });
  }

  public static RankedQuery firstPage(PriorityProfile profile, int limit) {
    return new RankedQuery(profile, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }
}
