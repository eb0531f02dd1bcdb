package io.mimamori.data.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mimamori.data.imports.gsi.GsiShelterReader;
import io.mimamori.data.imports.plateau.PlateauHazardReader;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.hazard.HazardStore;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterStore;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transaction around an import: a write that fails half-way leaves nothing half-written. */
class ImporterIT {

  @TempDir Path dir;
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(TestPostgis.freshDatabase("importer"), 2);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Path sites(int n, String name) throws Exception {
    List<ObjectNode> features = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      features.add(SyntheticGsi.site(String.format("E99901%08d", i), "広場" + i, 139.70 + i * 1e-4, 35.60,
          HazardType.EARTHQUAKE));
    }
    return SyntheticGsi.write(dir, name, features);
  }

  @Test
  void aDatabaseErrorAfterTheFirstChunkRollsEverythingBack() throws Exception {
    ShelterStore store = new ShelterStore(db.dataSource());
    Importer.shelters("gsi", GsiShelterReader::read).run(db.dataSource(), sites(10, "emergency_999016.geojson"),
        ImportOptions.defaults());
    String before = store.checksum();
    AtomicInteger chunks = new AtomicInteger();
    Importer<Shelter> failing = new Importer<>("gsi", GsiShelterReader::read, (c, chunk) -> {
      if (chunks.incrementAndGet() == 2) {
        throw new SQLException("disk full (simulated)\n  Detail: row contents that must not be shown");
      }
      return ShelterStore.upsertAll(c, chunk);
    });

    ImportReport report = failing.run(db.dataSource(), sites(1200, "emergency_999016.geojson"), ImportOptions.defaults());

    assertThat(chunks.get()).as("the first chunk of 500 was written before the failure").isEqualTo(2);
    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.rowsStored()).isZero();
    assertThat(report.message()).contains("disk full (simulated)").contains("nothing stored").doesNotContain("Detail");
    assertThat(store.count()).isEqualTo(10);
    assertThat(store.checksum()).isEqualTo(before);
  }

  @Test
  void aFailedReplacementKeepsTheZonesOfTheEarlierImport() throws Exception {
    HazardStore store = new HazardStore(db.dataSource());
    String gml = "<?xml version=\"1.0\"?><core:CityModel xmlns:core=\"http://www.opengis.net/citygml/2.0\""
        + " xmlns:gml=\"http://www.opengis.net/gml\" xmlns:gen=\"http://www.opengis.net/citygml/generics/2.0\""
        + " xmlns:wtr=\"http://www.opengis.net/citygml/waterbody/2.0\"><gml:boundedBy><gml:Envelope"
        + " srsName=\"http://www.opengis.net/def/crs/EPSG/0/6668\" srsDimension=\"2\"/></gml:boundedBy>"
        + "<core:cityObjectMember><wtr:WaterBody gml:id=\"w1\"><gen:genericAttributeSet name=\"津波浸水想定\">"
        + "<gen:stringAttribute name=\"浸水ランク\"><gen:value>2</gen:value></gen:stringAttribute></gen:genericAttributeSet>"
        + "<wtr:lod1MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>"
        + "<gml:posList>35.1 138.8 35.1 138.801 35.101 138.801 35.1 138.8</gml:posList></gml:LinearRing></gml:exterior>"
        + "</gml:Polygon></gml:surfaceMember></gml:MultiSurface></wtr:lod1MultiSurface></wtr:WaterBody>"
        + "</core:cityObjectMember></core:CityModel>";
    Path file = dir.resolve("tnm_test.gml");
    Files.writeString(file, gml);
    assertThat(Importer.hazards("plateau_hazard", PlateauHazardReader::read)
        .run(db.dataSource(), file, ImportOptions.defaults()).outcome()).isEqualTo(Outcome.COMMITTED);
    String before = store.checksum();
    Importer<HazardZone> failing = new Importer<>("plateau_hazard", PlateauHazardReader::read, new Importer.RecordSink<>() {
      @Override
      public String begin(Connection c, ReadResult<HazardZone> read) throws SQLException {
        HazardStore.deleteSource(c, read.source());
        return null;
      }

      @Override
      public int write(Connection c, List<HazardZone> chunk) throws SQLException {
        throw new SQLException("connection lost (simulated)");
      }
    });

    ImportReport report = failing.run(db.dataSource(), file, ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(store.countByType()).containsEntry("tsunami", 1L);
    assertThat(store.checksum()).isEqualTo(before);
  }

  @Test
  void anEmptyFileStoresNothingAndSaysSo() throws Exception {
    ImportReport report = Importer.shelters("gsi", GsiShelterReader::read)
        .run(db.dataSource(), SyntheticGsi.write(dir, "emergency_999016.geojson", List.of()), ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).contains("holds no rows");
  }
}
