package io.mimamori.routing.shelter;

import java.util.Arrays;

/**
 * The groups a welfare shelter announces it takes (受入対象者), as codes in the database and JSON.
 * {@link #FAMILIES} is not a group of its own: a shelter announcing it takes the families of the
 * people it takes, and counts them in its capacity.
 */
public enum TargetGroup {
  CARE_NEEDING("care_needing", "people needing care", "要配慮者"),
  ELDERLY("elderly", "elderly people", "高齢者"),
  DISABLED("disabled", "people with disabilities", "障害者"),
  PUPILS("pupils", "its pupils", "在校生"),
  PRESCHOOL_DISABLED("preschool_disabled", "pre-school children with disabilities", "未就学の障がい児"),
  PREGNANT("pregnant", "pregnant women", "妊産婦"),
  INFANTS("infants", "infants", "乳幼児"),
  DESIGNATED_BY_CITY("designated_by_city", "people the city has named", "市が特定した者"),
  FAMILIES("families", "their families", "その家族");

  private final String code;
  private final String en;
  private final String ja;

  TargetGroup(String code, String en, String ja) {
    this.code = code;
    this.en = en;
    this.ja = ja;
  }

  public String code() {
    return code;
  }

  public String en() {
    return en;
  }

  public String ja() {
    return ja;
  }

  public static TargetGroup fromCode(String code) {
    return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown target group: " + code));
  }
}
