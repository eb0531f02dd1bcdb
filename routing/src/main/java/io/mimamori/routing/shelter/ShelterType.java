package io.mimamori.routing.shelter;

import java.util.Arrays;

/** The kinds of shelter the law distinguishes; codes as in the database and JSON. */
public enum ShelterType {
  /** 指定緊急避難場所: a place to flee to, designated per hazard. */
  EVACUATION_SITE("evacuation_site", "designated evacuation site", "指定緊急避難場所"),
  /** 指定避難所: a place to stay. */
  DESIGNATED_SHELTER("designated_shelter", "designated shelter", "指定避難所"),
  /** 指定福祉避難所: takes only its announced target groups and their families. */
  WELFARE_SHELTER("welfare_shelter", "welfare shelter", "指定福祉避難所"),
  /** 福祉子ども避難所: a special-needs school taking its pupils and pre-school children with disabilities. */
  CHILD_WELFARE_SHELTER("child_welfare_shelter", "child welfare shelter", "福祉子ども避難所");

  private final String code;
  private final String en;
  private final String ja;

  ShelterType(String code, String en, String ja) {
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

  /** Welfare and child welfare shelters: only for the people they announce, matched in advance. */
  public boolean isWelfare() {
    return this == WELFARE_SHELTER || this == CHILD_WELFARE_SHELTER;
  }

  public static ShelterType fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown shelter type: " + code));
  }
}
