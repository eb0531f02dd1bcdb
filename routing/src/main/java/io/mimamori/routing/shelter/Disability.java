package io.mimamori.routing.shelter;

import java.util.Arrays;

/** Types of disability a child welfare shelter takes (its main type) or a person has; codes as in the database. */
public enum Disability {
  PHYSICAL("physical", "physical", "肢体不自由"),
  VISUAL("visual", "visual", "視覚障がい"),
  HEARING("hearing", "hearing", "聴覚障がい"),
  INTELLECTUAL("intellectual", "intellectual", "知的障がい"),
  MENTAL("mental", "mental", "精神障がい"),
  DEVELOPMENTAL("developmental", "developmental", "発達障がい"),
  SPEECH("speech", "speech", "音声・言語障がい"),
  INTRACTABLE_DISEASE("intractable_disease", "intractable disease", "難病");

  private final String code;
  private final String en;
  private final String ja;

  Disability(String code, String en, String ja) {
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

  public static Disability fromCode(String code) {
    return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown disability type: " + code));
  }
}
