package io.mimamori.layers.plancheck;

import java.util.Arrays;
import java.util.Optional;

/**
 * The checks that find plans which would fail on the day. Each has a stable key and its words;
 * {@code %s} in the words takes the failure's detail (a hazard name or a count).
 */
public enum PlanCheck {
  DESTINATION_NOT_DESIGNATED("destination_not_designated",
      "避難先が自宅の災害（%s）の指定緊急避難場所になっていない",
      "The destination is not designated for the hazard at the home (%s)"),
  DESTINATION_IN_HAZARD_ZONE("destination_in_hazard_zone",
      "避難先が同じ災害（%s）の危険区域内にある",
      "The destination lies inside a zone of the same hazard (%s)"),
  WELFARE_TARGET_MISMATCH("welfare_target_mismatch",
      "福祉避難所の受入対象者に当てはまらない（対象：%s）",
      "The welfare shelter does not take this person (it takes: %s)"),
  CHILD_WELFARE_NOT_ELIGIBLE("child_welfare_not_eligible",
      "福祉子ども避難所の対象（在校生・未就学の障害児とその家族）ではない（%s）",
      "Not eligible for the child welfare shelter: pupils and pre-school children with disabilities and their families only (%s)"),
  OVER_CAPACITY("over_capacity",
      "避難先の収容人数を超える（計画上の人数/収容人数：%s）",
      "The destination is over capacity once all plans are counted (planned/capacity: %s)"),
  NO_SUPPORTER("no_supporter", "避難支援等実施者が決まっていない", "No supporter is named"),
  SUPPORTER_EXPOSED("supporter_exposed",
      "支援者も同じ災害（%s）の危険区域に住んでいる",
      "A supporter lives in a zone of the same hazard (%s)"),
  NOT_REVIEWED("not_reviewed", "1年以上見直されていない（最終見直し：%s）", "Not reviewed for over a year (last reviewed: %s)"),
  CONSENT_MISSING("consent_missing",
      "支援者への情報提供の同意がない（%s）",
      "No consent to share the plan with the named supporters (%s)");

  private final String key;
  private final String japanese;
  private final String english;

  PlanCheck(String key, String japanese, String english) {
    this.key = key;
    this.japanese = japanese;
    this.english = english;
  }

  public String key() {
    return key;
  }

  public String reasonJa(String detail) {
    return japanese.contains("%s") ? japanese.formatted(detail == null ? "-" : detail) : japanese;
  }

  public String reasonEn(String detail) {
    return english.contains("%s") ? english.formatted(detail == null ? "-" : detail) : english;
  }

  public static Optional<PlanCheck> fromKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }
}
