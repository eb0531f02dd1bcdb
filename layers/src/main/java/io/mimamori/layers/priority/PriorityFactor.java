package io.mimamori.layers.priority;

import java.util.Arrays;
import java.util.Optional;

/**
 * The reasons a resident may rank high, after the national guideline (Cabinet Office 2021) and
 * Kobe's practice (2024): the hazard at the home, the person's condition, the household, and the
 * support gap. Each has a stable key (stored with every score) and its words in Japanese and
 * English. Within a group some are exclusive: one flood depth band, one care level, one of
 * ventilator / 24-hour ventilator.
 */
public enum PriorityFactor {
  FLOOD_UNDER_05M("flood_under_05m", Group.HAZARD, "自宅が洪水浸水想定区域（0.5m未満）", "Home in a flood zone (under 0.5 m)"),
  FLOOD_05_TO_3M("flood_05_to_3m", Group.HAZARD, "自宅が洪水浸水想定区域（0.5〜3m）", "Home in a flood zone (0.5-3 m)"),
  FLOOD_OVER_3M("flood_over_3m", Group.HAZARD, "自宅が洪水浸水想定区域（3m以上、1階が水没）", "Home in a flood zone (3 m or more: ground floor under water)"),
  TSUNAMI_ZONE("tsunami_zone", Group.HAZARD, "自宅が津波浸水想定区域", "Home in a tsunami inundation zone"),
  TSUNAMI_DEEP("tsunami_deep", Group.HAZARD, "自宅が津波浸水想定区域（深い浸水）", "Home in a tsunami inundation zone (deep)"),
  LANDSLIDE_WARNING("landslide_warning", Group.HAZARD, "自宅が土砂災害警戒区域", "Home in a landslide warning zone"),
  LANDSLIDE_SPECIAL_WARNING("landslide_special_warning", Group.HAZARD, "自宅が土砂災害特別警戒区域", "Home in a landslide special warning zone"),

  CARE_3("care_3", Group.CONDITION, "要介護3", "Care level 3"),
  CARE_4("care_4", Group.CONDITION, "要介護4", "Care level 4"),
  CARE_5("care_5", Group.CONDITION, "要介護5", "Care level 5"),
  PHYSICAL_GRADE_1_2("physical_grade_1_2", Group.CONDITION, "身体障害者手帳1・2級", "Physical disability grade 1 or 2"),
  INTELLECTUAL_A("intellectual_a", Group.CONDITION, "療育手帳A（重度の知的障害）", "Severe intellectual disability (certificate A)"),
  MENTAL_GRADE_1("mental_grade_1", Group.CONDITION, "精神障害者保健福祉手帳1級", "Mental disability grade 1"),
  SEVERE_MOTOR_INTELLECTUAL("severe_motor_intellectual", Group.CONDITION, "重症心身障害", "Severe motor and intellectual disabilities"),
  VENTILATOR("ventilator", Group.CONDITION, "人工呼吸器を使用", "Uses a ventilator"),
  VENTILATOR_24H("ventilator_24h", Group.CONDITION, "人工呼吸器を24時間使用（停電が命に関わる）", "Ventilator 24 hours a day (a power cut is life-threatening)"),
  OTHER_POWERED_DEVICE("other_powered_device", Group.CONDITION, "電源が必要な医療機器を使用（酸素濃縮器・吸引器など）", "Uses powered medical devices (oxygen, suction, ...)"),
  NEEDS_DECISION_SUPPORT("needs_decision_support", Group.CONDITION, "避難の判断に支援が必要", "Needs help to decide to evacuate"),
  NEEDS_INFO_SUPPORT("needs_info_support", Group.CONDITION, "情報の取得に支援が必要", "Needs help to receive warnings"),

  LIVES_ALONE("lives_alone", Group.HOUSEHOLD, "ひとり暮らし", "Lives alone"),
  ELDERLY_COUPLE("elderly_couple", Group.HOUSEHOLD, "高齢者のみの世帯", "Elderly couple"),
  FRAIL_FAMILY("frail_family", Group.HOUSEHOLD, "同居家族も支援が必要", "Family members are themselves frail"),
  ALONE_DAYTIME("alone_daytime", Group.HOUSEHOLD, "日中はひとり", "Alone in the daytime"),
  SEVERAL_NEEDING_SUPPORT("several_needing_support", Group.HOUSEHOLD, "世帯に要支援者が複数", "Several people needing support in one household"),

  NO_SUPPORTER("no_supporter", Group.SUPPORT, "避難支援等実施者がいない", "No supporter"),
  SUPPORTERS_ALL_EXPOSED("supporters_all_exposed", Group.SUPPORT, "支援者全員が同じ災害の危険区域に住む", "Every supporter lives in a zone of the same hazard"),

  CARE_5_IN_HAZARD_AREA("care_5_in_hazard_area", Group.COMBINED, "要介護5で危険区域に居住（神戸市の優先対象）", "Care level 5 living in a hazard area (Kobe's first group)");

  /** The four groups of the guideline, plus combinations a profile may weigh on their own. */
  public enum Group {
    HAZARD,
    CONDITION,
    HOUSEHOLD,
    SUPPORT,
    COMBINED
  }

  private final String key;
  private final Group group;
  private final String japanese;
  private final String english;

  PriorityFactor(String key, Group group, String japanese, String english) {
    this.key = key;
    this.group = group;
    this.japanese = japanese;
    this.english = english;
  }

  public String key() {
    return key;
  }

  public Group group() {
    return group;
  }

  public String japanese() {
    return japanese;
  }

  public String english() {
    return english;
  }

  public static Optional<PriorityFactor> fromKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
  }
}
