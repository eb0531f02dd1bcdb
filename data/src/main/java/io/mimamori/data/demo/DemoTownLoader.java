package io.mimamori.data.demo;

import io.mimamori.layers.demo.DemoDataset;
import io.mimamori.layers.demo.DemoDatasetStore;
import io.mimamori.layers.district.District;
import io.mimamori.layers.district.DistrictStore;
import io.mimamori.layers.hazard.HazardStore;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.register.ConsentRow;
import io.mimamori.layers.register.HouseholdRow;
import io.mimamori.layers.register.PlanRow;
import io.mimamori.layers.register.PlanSupporterRow;
import io.mimamori.layers.register.RegisterBulkWriter;
import io.mimamori.layers.register.ResidentRow;
import io.mimamori.layers.register.SupporterRow;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a generated town in one transaction: districts, shelters, hazard zones, then the register,
 * generated and copied a chunk at a time (about {@value #CHUNK_ROWS} rows) so that its size does not
 * depend on the heap; then the demo_dataset row, commit, and ANALYZE. Any failure or cancellation
 * rolls everything back.
 */
final class DemoTownLoader {

  static final int CHUNK_ROWS = 50_000;
  private static final Logger log = LoggerFactory.getLogger(DemoTownLoader.class);

  private DemoTownLoader() {}

  static Map<String, Long> load(DataSource ds, GeneratedTown town, ProgressListener progress, BooleanSupplier cancelled)
      throws SQLException {
    DemoTownSpec spec = town.spec();
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = ds.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        if (DemoDatasetStore.find(c).isPresent()) {
          throw new IllegalStateException("a demo town is already loaded in this database");
        }
        progress.progress("districts", 0.10);
        List<District> districts = new ArrayList<>();
        for (DistrictPlanner.Area a : town.districts()) {
          districts.add(new District(DemoTownGenerator.MUNICIPALITY_CODE, a.name(),
              town.geography().frame.toLonLat(a.geometry())));
        }
        List<Integer> districtIds = DistrictStore.insertAll(c, districts);
        rows.put("district", (long) districtIds.size());
        progress.progress("shelters", 0.11);
        rows.put("shelter", (long) ShelterStore.upsertAll(c, town.shelters()));
        long[] shelterIds = ShelterStore.idsOf(c, town.shelters());
        progress.progress("hazards", 0.12);
        rows.put("hazard_zone", (long) HazardStore.insertAll(c, town.hazards()));
        GeneratedTown t = town;
        RegisterGenerator register = new RegisterGenerator(spec.seed(), spec.residents(),
            DemoTownGenerator.MUNICIPALITY_CODE, t.geography(), t.homes(), t.hazardIndex(), t.districtIndex(),
            districtIds, new ShelterChooser(t.geography(), t.shelters(), shelterIds));
        RegisterBulkWriter writer = RegisterBulkWriter.begin(c);
        RegisterSink sink = sink(writer);
        register.writeOrganisations(sink);
        int nextReport = spec.residents() / 20;
        int households = 0;
        while (register.nextHousehold(sink)) {
          if (writer.pendingRows() >= CHUNK_ROWS) {
            writer.flush();
          }
          if (++households % 1000 == 0) {
            DemoTownGenerator.checkCancelled(cancelled);
          }
          if (register.residentsWritten() >= nextReport) {
            progress.progress("register", 0.13 + 0.82 * register.residentsWritten() / spec.residents());
            nextReport += Math.max(1, spec.residents() / 20);
          }
        }
        DemoTownGenerator.checkCancelled(cancelled);
        rows.putAll(writer.finish());
        DemoDatasetStore.insert(c, new DemoDataset(spec.seed(), spec.residents(), spec.scale(),
            source(town.shelters().stream().map(Shelter::source).toList()),
            source(town.hazards().stream().map(HazardZone::source).toList()), town.osmFile().toString()));
        rows.put("demo_dataset", 1L);
        c.commit();
      } catch (RuntimeException | SQLException | Error e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
      progress.progress("analyze", 0.96);
      RegisterBulkWriter.analyze(c);
    }
    progress.progress("done", 1.0);
    log.info("Demo town loaded: {}", rows);
    return rows;
  }

  /** The distinct sources, comma-separated in sorted order: "demo", or e.g. "demo,gsi". */
  private static String source(List<String> sources) {
    return String.join(",", sources.stream().distinct().sorted().toList());
  }

  private static RegisterSink sink(RegisterBulkWriter w) {
    return new RegisterSink() {
      @Override
      public void add(SupporterRow row) {
        w.add(row);
      }

      @Override
      public void add(HouseholdRow row) {
        w.add(row);
      }

      @Override
      public void add(ResidentRow row) {
        w.add(row);
      }

      @Override
      public void add(PlanRow row) {
        w.add(row);
      }

      @Override
      public void add(PlanSupporterRow row) {
        w.add(row);
      }

      @Override
      public void add(ConsentRow row) {
        w.add(row);
      }
    };
  }
}
