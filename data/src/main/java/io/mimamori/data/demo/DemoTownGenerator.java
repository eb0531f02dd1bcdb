package io.mimamori.data.demo;

import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.shelter.Shelter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * The demo town: a plausible Japanese coastal city (Numazu, 沼津市, by default) with a road network,
 * districts, hazard zones, shelters and a register of synthetic residents needing support, all
 * derived from one seed. The same {@link DemoTownSpec} gives the same OSM file, byte for byte, and the
 * same rows in an empty database.
 *
 * <pre>{@code
 * if (!DemoTown.isLoaded(ds)) {
 *   DemoTownSummary s = DemoTownGenerator.generateAndLoad(ds, DemoTownSpec.defaults(), dataDir,
 *       (phase, f) -> log.info("{} {}%", phase, Math.round(f * 100)), () -> false);
 *   // s.osmFile() is the road network to build the routing graph from
 * }
 * }</pre>
 */
public final class DemoTownGenerator {

  /** Numazu's municipality code (全国地方公共団体コード). */
  public static final String MUNICIPALITY_CODE = "222038";
  /** The name of the road network file written into the output folder. */
  public static final String OSM_FILE_NAME = "town.osm";

  private DemoTownGenerator() {}

  /**
   * Generates the town, writes its roads to {@code outDir/town.osm} and loads districts, shelters,
   * hazard zones and the register into {@code ds} in one transaction, then refreshes the planner's
   * statistics. Progress goes to {@code progress} (about every 5%). When {@code cancelled} turns
   * true, the transaction is rolled back and a {@link CancellationException} thrown: nothing is
   * stored. Throws {@link IllegalStateException} if a demo town is already loaded in {@code ds}.
   * Real shelters given in the spec are upserted (an earlier import of the same records is updated,
   * not duplicated); real hazard zones given in the spec are inserted with the town, so pass only
   * zones not already stored in {@code ds}.
   */
  public static DemoTownSummary generateAndLoad(
      DataSource ds, DemoTownSpec spec, Path outDir, ProgressListener progress, BooleanSupplier cancelled)
      throws IOException, SQLException {
    long t0 = System.nanoTime();
    if (DemoTown.isLoaded(ds)) {
      throw new IllegalStateException("a demo town is already loaded in this database");
    }
    GeneratedTown town = generate(spec, outDir, progress, cancelled);
    Map<String, Long> rows = DemoTownLoader.load(ds, town, progress, cancelled);
    TownFrame f = town.geography().frame;
    return new DemoTownSummary(rows, f.minLon(), f.minLat(), f.maxLon(), f.maxLat(), f.centre(), town.osmFile(),
        Duration.ofNanos(System.nanoTime() - t0));
  }

  /**
   * Generates the town without its register and without a database: writes its roads to {@code
   * outDir/town.osm} and returns them with the hazard zones, shelters and a home sampler. For routing
   * tests and benchmarks. Throws {@link CancellationException} when {@code cancelled} turns true.
   */
  public static DemoTownLayers generateLayers(DemoTownSpec spec, Path outDir, ProgressListener progress,
      BooleanSupplier cancelled) throws IOException {
    return new DemoTownLayers(generate(spec, outDir, progress, cancelled));
  }

  /**
   * Generates everything but the register and writes the OSM file: the road network, districts,
   * hazard zones and shelters, kept in memory for the loader.
   */
  static GeneratedTown generate(DemoTownSpec spec, Path outDir, ProgressListener progress, BooleanSupplier cancelled)
      throws IOException {
    progress.progress("geography", 0.0);
    TownFrame frame = TownFrame.of(spec.scale(), spec.realShelters());
    TownGeography geo = new TownGeography(frame, spec.seed(), spec.realShelters());
    checkCancelled(cancelled);
    progress.progress("roads", 0.02);
    RoadNetworkBuilder builder = new RoadNetworkBuilder(geo, spec.seed());
    RoadNetwork roads = builder.build();
    Files.createDirectories(outDir);
    Path osm = outDir.resolve(OSM_FILE_NAME);
    OsmXmlWriter.write(roads, frame, osm);
    checkCancelled(cancelled);
    progress.progress("districts", 0.05);
    List<DistrictPlanner.Area> districts = DistrictPlanner.plan(geo, spec.seed(), spec.scale());
    DistrictIndex districtIndex = new DistrictIndex(districts);
    progress.progress("hazards", 0.06);
    List<HazardZone> hazards = HazardGenerator.generate(geo, spec.seed(), spec.scale(), spec.realHazards());
    HazardIndex hazardIndex = new HazardIndex(hazards);
    checkCancelled(cancelled);
    progress.progress("shelters", 0.09);
    List<Shelter> shelters = new ShelterPlanner(geo, builder.homes(), hazardIndex, districtIndex, spec.seed(),
        MUNICIPALITY_CODE).plan(spec.residents(), spec.realShelters());
    return new GeneratedTown(spec, geo, builder.homes(), districts, districtIndex, hazards, hazardIndex, shelters, osm,
        roads);
  }

  static void checkCancelled(BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("the demo town was cancelled; nothing was stored");
    }
  }
}
