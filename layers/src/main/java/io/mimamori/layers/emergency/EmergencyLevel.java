package io.mimamori.layers.emergency;

import java.util.Arrays;
import java.util.Optional;

/** The evacuation information levels of the Cabinet Office guideline (2021) that HQ declares. */
public enum EmergencyLevel {
  ELDERLY_EVACUATION("elderly_evacuation", "高齢者等避難（警戒レベル3）", "Evacuate the elderly and others (level 3)"),
  EVACUATION_ORDER("evacuation_order", "避難指示（警戒レベル4）", "Evacuation order (level 4)"),
  EMERGENCY_SAFETY("emergency_safety", "緊急安全確保（警戒レベル5）", "Emergency safety measures (level 5)");

  private final String code;
  private final String japanese;
  private final String english;

  EmergencyLevel(String code, String japanese, String english) {
    this.code = code;
    this.japanese = japanese;
    this.english = english;
  }

  public String code() {
    return code;
  }

  public String japanese() {
    return japanese;
  }

  public String english() {
    return english;
  }

  public static Optional<EmergencyLevel> fromCode(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }
}
