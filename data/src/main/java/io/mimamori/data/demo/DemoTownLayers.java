package io.mimamori.data.demo;

import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.shelter.Shelter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A demo town without its register and without a database: the road network written as OSM
 * ({@link #osmFile()}), the hazard zones and shelters as they would be stored, and home points
 * drawn as the register generator draws them. For routing tests and benchmarks, which need the
 * town's roads, hazards and shelters but no PostGIS. The same spec gives the same layers.
 */
public final class DemoTownLayers {

  private final GeneratedTown town;

  DemoTownLayers(GeneratedTown town) {
    this.town = town;
  }

  /** The road network file ({@value DemoTownGenerator#OSM_FILE_NAME} in the output folder). */
  public Path osmFile() {
    return town.osmFile();
  }

  /** Every hazard zone of the town (lon/lat). */
  public List<HazardZone> hazards() {
    return town.hazards();
  }

  /** Every shelter of the town: evacuation sites, designated, welfare and child welfare shelters. */
  public List<Shelter> shelters() {
    return town.shelters();
  }

  /** The town's extent and frame. */
  public TownFrame frame() {
    return town.geography().frame;
  }

  /**
   * {@code count} home points, near streets and denser in the centre, as the register's homes are
   * drawn; the same seed gives the same points.
   */
  public List<LonLat> homes(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<LonLat> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double[] p = town.homes().sample(r);
      out.add(frame().lonLat(p[0], p[1]));
    }
    return out;
  }
}
