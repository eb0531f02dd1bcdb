package io.mimamori.layers.priority;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named, versioned set of points per factor and the score thresholds of the bands A (first) to D.
 * The shipped thresholds put about the top tenth of a town's register in band A and half of it in
 * A to C (measured on the demo town: national profile p50 = 50, p80 = 83, p90 = 105).
 * A factor missing from {@code points} counts nothing. Change the points, bump the version: stored
 * scores carry both, so a planner can tell which rules ranked a list.
 */
public record PriorityProfile(
    String id, int version, String nameJa, String nameEn, Map<PriorityFactor, Integer> points, int bandA, int bandB, int bandC) {

  public PriorityProfile {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z][a-z0-9-]{1,40}")) {
      throw new IllegalArgumentException("profile id must be lower-case letters, digits and dashes: " + id);
    }
    if (version < 1) {
      throw new IllegalArgumentException("profile version must be at least 1");
    }
    if (!(bandA > bandB && bandB > bandC && bandC > 0)) {
      throw new IllegalArgumentException("band thresholds must fall: A > B > C > 0, got " + bandA + ", " + bandB + ", " + bandC);
    }
    points.forEach((f, p) -> {
      if (p < 0 || p > 1000) {
        throw new IllegalArgumentException("points for " + f.key() + " must be 0..1000, got " + p);
      }
    });
    points = Map.copyOf(points);
  }

  public int pointsFor(PriorityFactor f) {
    return points.getOrDefault(f, 0);
  }

  public String band(int score) {
    return score >= bandA ? "A" : score >= bandB ? "B" : score >= bandC ? "C" : "D";
  }

  /**
   * The national guideline (内閣府「避難行動要支援者の避難行動支援に関する取組指針」, 2021): the
   * hazard at the home first, then the person's condition, the household, and whether anyone can
   * help. Powered medical devices weigh heavily.
   */
  public static final PriorityProfile NATIONAL = new PriorityProfile(
      "national", 1, "国の取組指針（令和3年）", "National guideline (2021)", nationalPoints(), 105, 80, 50);

  /**
   * Kobe (神戸市, 2024): as the national profile, and first of all people with severe motor and
   * intellectual disabilities, 24-hour ventilator users and care level 5 living in a hazard area.
   */
  public static final PriorityProfile KOBE = new PriorityProfile(
      "kobe", 1, "神戸市の優先度（令和6年）", "Kobe priorities (2024)", kobePoints(), 105, 80, 50);

  public static java.util.List<PriorityProfile> shipped() {
    return java.util.List.of(NATIONAL, KOBE);
  }

  private static Map<PriorityFactor, Integer> nationalPoints() {
    Map<PriorityFactor, Integer> p = new EnumMap<>(PriorityFactor.class);
    p.put(PriorityFactor.FLOOD_UNDER_05M, 10);
    p.put(PriorityFactor.FLOOD_05_TO_3M, 25);
    p.put(PriorityFactor.FLOOD_OVER_3M, 40);
    p.put(PriorityFactor.TSUNAMI_ZONE, 35);
    p.put(PriorityFactor.TSUNAMI_DEEP, 45);
    p.put(PriorityFactor.LANDSLIDE_WARNING, 25);
    p.put(PriorityFactor.LANDSLIDE_SPECIAL_WARNING, 40);
    p.put(PriorityFactor.CARE_3, 15);
    p.put(PriorityFactor.CARE_4, 20);
    p.put(PriorityFactor.CARE_5, 25);
    p.put(PriorityFactor.PHYSICAL_GRADE_1_2, 15);
    p.put(PriorityFactor.INTELLECTUAL_A, 15);
    p.put(PriorityFactor.MENTAL_GRADE_1, 10);
    p.put(PriorityFactor.SEVERE_MOTOR_INTELLECTUAL, 25);
    p.put(PriorityFactor.VENTILATOR, 30);
    p.put(PriorityFactor.VENTILATOR_24H, 40);
    p.put(PriorityFactor.OTHER_POWERED_DEVICE, 20);
    p.put(PriorityFactor.NEEDS_DECISION_SUPPORT, 10);
    p.put(PriorityFactor.NEEDS_INFO_SUPPORT, 5);
    p.put(PriorityFactor.LIVES_ALONE, 15);
    p.put(PriorityFactor.ELDERLY_COUPLE, 10);
    p.put(PriorityFactor.FRAIL_FAMILY, 10);
    p.put(PriorityFactor.ALONE_DAYTIME, 8);
    p.put(PriorityFactor.SEVERAL_NEEDING_SUPPORT, 10);
    p.put(PriorityFactor.NO_SUPPORTER, 20);
    p.put(PriorityFactor.SUPPORTERS_ALL_EXPOSED, 15);
    return p;
  }

  private static Map<PriorityFactor, Integer> kobePoints() {
    Map<PriorityFactor, Integer> p = new EnumMap<>(nationalPoints());
    // each of Kobe's first groups reaches band A on its own
    p.put(PriorityFactor.SEVERE_MOTOR_INTELLECTUAL, 110);
    p.put(PriorityFactor.VENTILATOR_24H, 110);
    p.put(PriorityFactor.CARE_5_IN_HAZARD_AREA, 85);
    return p;
  }
}
