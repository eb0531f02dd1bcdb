package io.mimamori.layers.hazard;

import java.util.Arrays;

/**
 * The hazards Japanese law designates evacuation sites for (災害対策基本法施行令 art. 20-4), in the
 * order the GSI lists them. The first five can also be hazard zones on a map.
 */
public enum HazardType {
  FLOOD("flood", "洪水"),
  LANDSLIDE("landslide", "崖崩れ、土石流及び地滑り"),
  STORM_SURGE("storm_surge", "高潮"),
  EARTHQUAKE("earthquake", "地震"),
  TSUNAMI("tsunami", "津波"),
  FIRE("fire", "大規模な火事"),
  INLAND_FLOOD("inland_flood", "内水氾濫"),
  VOLCANO("volcano", "火山現象");

  private final String code;
  private final String japanese;

  HazardType(String code, String japanese) {
    this.code = code;
    this.japanese = japanese;
  }

  /** The value stored in the database and sent in JSON. */
  public String code() {
    return code;
  }

  /** The GSI's column name for the hazard. */
  public String japanese() {
    return japanese;
  }

  public boolean canBeZone() {
    return this == FLOOD || this == LANDSLIDE || this == STORM_SURGE || this == TSUNAMI || this == INLAND_FLOOD;
  }

  public static HazardType fromCode(String code) {
    return Arrays.stream(values())
        .filter(h -> h.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown hazard type: " + code));
  }
}
