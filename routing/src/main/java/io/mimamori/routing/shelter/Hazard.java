package io.mimamori.routing.shelter;

import java.util.Arrays;

/**
 * The hazards an evacuation site is designated for (災害対策基本法施行令 art. 20-4); codes as in the
 * database and JSON ({@code flood}, {@code landslide}, ...).
 */
public enum Hazard {
  FLOOD("flood", "flood", "洪水"),
  LANDSLIDE("landslide", "landslide", "土砂災害"),
  STORM_SURGE("storm_surge", "storm surge", "高潮"),
  EARTHQUAKE("earthquake", "earthquake", "地震"),
  TSUNAMI("tsunami", "tsunami", "津波"),
  FIRE("fire", "large fire", "大規模な火事"),
  INLAND_FLOOD("inland_flood", "inland flooding", "内水氾濫"),
  VOLCANO("volcano", "volcanic eruption", "火山現象");

  private final String code;
  private final String en;
  private final String ja;

  Hazard(String code, String en, String ja) {
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

  public static Hazard fromCode(String code) {
    return Arrays.stream(values()).filter(h -> h.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown hazard: " + code));
  }
}
