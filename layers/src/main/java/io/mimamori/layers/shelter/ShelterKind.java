package io.mimamori.layers.shelter;

import java.util.Arrays;

/** The kinds of shelter the law and the seeds distinguish. */
public enum ShelterKind {
  /** 指定緊急避難場所: a place to flee to, designated per hazard. */
  EVACUATION_SITE("evacuation_site", "指定緊急避難場所"),
  /** 指定避難所: a place to stay. */
  DESIGNATED_SHELTER("designated_shelter", "指定避難所"),
  /** 指定福祉避難所: takes only its announced target groups and their families. */
  WELFARE_SHELTER("welfare_shelter", "指定福祉避難所"),
  /** 福祉子ども避難所: a special-needs school taking its pupils and pre-school disabled children with families. */
  CHILD_WELFARE_SHELTER("child_welfare_shelter", "福祉子ども避難所");

  private final String code;
  private final String japanese;

  ShelterKind(String code, String japanese) {
    this.code = code;
    this.japanese = japanese;
  }

  public String code() {
    return code;
  }

  public String japanese() {
    return japanese;
  }

  public static ShelterKind fromCode(String code) {
    return Arrays.stream(values())
        .filter(k -> k.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown shelter kind: " + code));
  }
}
