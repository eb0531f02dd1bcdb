package io.mimamori.data.demo;

import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.shelter.Shelter;
import java.util.List;

/**
 * What demo town to generate. The same spec always gives the same town: the same OSM file, byte for
 * byte, and the same rows in the database.
 *
 * @param seed all randomness derives from it (default {@value #DEFAULT_SEED})
 * @param residents how many residents needing support the register holds (default 20,000; 1,000 to
 *     5,000,000)
 * @param scale multiplies the town's area and so its road length (default 1.0; 0.05 to 50). At 1.0
 *     the town is Numazu's extent, about 13.6 km by 13.3 km.
 * @param realShelters real shelters (for example the GSI lists of Numazu) to use instead of
 *     generated ordinary shelters; the town is laid out around their extent. May be empty.
 * @param realHazards real hazard zones (for example Numazu's PLATEAU zones) to keep; zones of a type
 *     are generated only outside the extent the real zones of that type cover. May be empty.
 */
public record DemoTownSpec(
    long seed, int residents, double scale, List<Shelter> realShelters, List<HazardZone> realHazards) {

  public static final long DEFAULT_SEED = 20260101L;
  public static final int DEFAULT_RESIDENTS = 20_000;
  public static final int MIN_RESIDENTS = 1_000;
  public static final int MAX_RESIDENTS = 5_000_000;
  public static final double MIN_SCALE = 0.05;
  public static final double MAX_SCALE = 50;

  public DemoTownSpec {
    if (residents < MIN_RESIDENTS || residents > MAX_RESIDENTS) {
      throw new IllegalArgumentException(
          "residents must be " + MIN_RESIDENTS + ".." + MAX_RESIDENTS + ", got " + residents);
    }
    if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
      throw new IllegalArgumentException("scale must be " + MIN_SCALE + ".." + MAX_SCALE + ", got " + scale);
    }
    realShelters = realShelters == null ? List.of() : List.copyOf(realShelters);
    realHazards = realHazards == null ? List.of() : List.copyOf(realHazards);
  }

  /** The default town: seed 20260101, 20,000 residents, scale 1, everything generated. */
  public static DemoTownSpec defaults() {
    return new DemoTownSpec(DEFAULT_SEED, DEFAULT_RESIDENTS, 1.0, List.of(), List.of());
  }

  public static DemoTownSpec of(long seed, int residents, double scale) {
    return new DemoTownSpec(seed, residents, scale, List.of(), List.of());
  }

  public DemoTownSpec withRealShelters(List<Shelter> shelters) {
    return new DemoTownSpec(seed, residents, scale, shelters, realHazards);
  }

  public DemoTownSpec withRealHazards(List<HazardZone> hazards) {
    return new DemoTownSpec(seed, residents, scale, realShelters, hazards);
  }
}
