package io.mimamori.routing;

import java.util.Arrays;

/**
 * How someone moves through the road network. Each is a GraphHopper profile of the road graph.
 *
 * <ul>
 *   <li>{@link #FOOT}: GraphHopper's walking model (about 5 km/h, footways, steps and paths).
 *   <li>{@link #WHEELCHAIR}: a wheelchair or walker: 3 km/h at most and slower uphill; never on
 *       steps, paths graded on the SAC hiking scale, rough surfaces (gravel, dirt, grass, sand,
 *       unpaved), bad smoothness, {@code wheelchair=no}, or inclines tagged steeper than 12%;
 *       inclines above 5% and 8% are avoided where a flatter way exists.
 *   <li>{@link #CAR}: GraphHopper's car model (road speeds, one-ways, no turn costs).
 * </ul>
 */
public enum TravelProfile {
  FOOT("foot"),
  WHEELCHAIR("wheelchair"),
  CAR("car");

  private final String code;

  TravelProfile(String code) {
    this.code = code;
  }

  /** The profile's name in JSON and in the GraphHopper graph. */
  public String code() {
    return code;
  }

  public static TravelProfile fromCode(String code) {
    return Arrays.stream(values())
        .filter(p -> p.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown travel profile: " + code + " (foot, wheelchair, car)"));
  }
}
