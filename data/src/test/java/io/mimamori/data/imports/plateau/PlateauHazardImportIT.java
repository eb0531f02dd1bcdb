package io.mimamori.data.imports.plateau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.data.Offset.offset;

import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.Importers;
import io.mimamori.data.imports.ReadResult;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.hazard.HazardStore;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Numazu's real PLATEAU tsunami, landslide and flood zones and the reearth-flow PLATEAU v4
 * fixtures, read and stored in PostGIS. The envelopes are the files' own gml:Envelope (written
 * latitude first) checked in longitude, latitude order: a missed axis swap cannot pass.
 */
class PlateauHazardImportIT {

  private static final double DEGREE = 1e-4;
  private static Path numazu;
  private static Path fixtures;
  private static Database db;
  private static HazardStore store;

  @BeforeAll
  static void setUp() {
    numazu = TestPostgis.sharedData().resolve("plateau-numazu");
    fixtures = TestPostgis.sharedData().resolve("plateau-fixtures-reearth-flow");
    Assumptions.assumeTrue(Files.isDirectory(numazu) && Files.isDirectory(fixtures),
        "the PLATEAU files are not in " + numazu.getParent() + "; skipped");
    db = Database.open(TestPostgis.freshDatabase("plateau_real"), 2);
    store = new HazardStore(db.dataSource());
  }

  @AfterAll
  static void tearDown() {
    if (db != null) {
      db.close();
    }
  }

  private static ImportReport importFile(Path file) {
    ImportReport report = new Importers(db.dataSource()).importFile(file, ImportOptions.defaults());
    assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.COMMITTED);
    assertThat(report.rejections()).isEmpty();
    return report;
  }

  private static void assertEnvelope(Envelope e, double minLon, double maxLon, double minLat, double maxLat) {
    assertThat(e.getMinX()).isCloseTo(minLon, offset(DEGREE));
    assertThat(e.getMaxX()).isCloseTo(maxLon, offset(DEGREE));
    assertThat(e.getMinY()).isCloseTo(minLat, offset(DEGREE));
    assertThat(e.getMaxY()).isCloseTo(maxLat, offset(DEGREE));
  }

  /** The area of lon/lat geometries in square metres, from degrees at each geometry's latitude. */
  private static double squareMetres(List<HazardZone> zones) {
    double sum = 0;
    for (HazardZone z : zones) {
      Geometry g = z.geometry();
      double lat = g.getCentroid().getY();
      sum += g.getArea() * 111_320 * Math.cos(Math.toRadians(lat)) * 110_950;
    }
    return sum;
  }

  @Test
  void numazuTsunami() throws Exception {
    Path file = numazu.resolve("tnm_22_4_523856_tnm_6697_op.gml");
    ReadResult<HazardZone> read = PlateauHazardReader.read(file);
    assertThat(read.rowsRead()).isEqualTo(230);
    assertThat(read.records()).allSatisfy(z -> {
      assertThat(z.type()).isEqualTo(HazardType.TSUNAMI);
      assertThat(z.scenario()).isEqualTo("静岡県第4次地震被害想定（元禄型関東地震）");
      assertThat(z.sourceId()).startsWith("wtr_");
      assertThat(z.geometry().isValid()).isTrue();
    });

    ImportReport report = importFile(file);

    String source = PlateauHazardReader.sourceFor(file);
    assertThat(source).isEqualTo("plateau:tnm_22_4_523856_tnm_6697_op.gml");
    assertThat(report.rowsStored()).isEqualTo(230);
    assertThat(report.message()).contains("tsunami zones by rank 1:114 2:87 3:27 4:2");
    assertThat(store.countByRank(source)).containsExactly(entry(1, 114L), entry(2, 87L), entry(3, 27L), entry(4, 2L));
    assertEnvelope(store.extent(source).orElseThrow(), 138.7502, 138.8640, 35.0833, 35.1417);
    assertThat(store.countInvalid()).isZero();
    double stored = store.areaSquareMetres(source);
    assertThat(stored).as("storing kept every part: PostGIS's area on the ellipsoid matches the reader's")
        .isCloseTo(squareMetres(read.records()), offset(stored * 0.005));
    // the 3,642 small polygons of the file add up to about 68,400 m² (summed independently, ring by ring)
    assertThat(stored).isCloseTo(68_400, offset(700.0));

    ImportReport again = importFile(file);
    assertThat(again.message()).contains("replaced 230 zones of an earlier import of this file");
    assertThat(store.countByRank(source).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(230);
  }

  @Test
  void numazuLandslideZones() throws Exception {
    Path file = numazu.resolve("lsld_523856_lsld_6668_op.gml");
    ReadResult<HazardZone> read = PlateauHazardReader.read(file);
    // srsName EPSG:6668 yet srsDimension 3 on the envelope: three numbers per position, as declared
    assertThat(read.records()).hasSize(234);
    HazardZone first = read.records().get(0);
    assertThat(first.name()).isEqualTo("足高C");
    assertThat(first.sourceId()).isEqualTo("lsid_1acd6066-3fcf-4118-91d8-8eb4eafa0f83");
    assertThat(first.rank()).isEqualTo(1);
    assertThat(first.phenomenon()).isEqualTo("steep_slope");
    assertThat(first.geometry().getCoordinates()[0].x).isEqualTo(138.86250969444444);
    assertThat(first.geometry().getCoordinates()[0].y).isEqualTo(35.156303333333334);

    importFile(file);

    String source = PlateauHazardReader.sourceFor(file);
    assertThat(store.countByRank(source)).containsExactly(entry(1, 114L), entry(2, 120L));
    assertThat(store.countByPhenomenon(source)).containsOnly(entry("steep_slope", 217L), entry("debris_flow", 17L));
    assertEnvelope(store.extent(source).orElseThrow(), 138.7750, 138.8778, 35.0867, 35.1736);
    assertThat(store.countInvalid()).isZero();
  }

  @Test
  void numazuKanoRiverFlood() throws Exception {
    Path file = numazu.resolve("fld_natl_kanogawa_kanogawa_52385628_fld_6697_l2_op.gml");
    importFile(file);

    String source = PlateauHazardReader.sourceFor(file);
    assertThat(store.countByRank(source)).containsExactly(entry(1, 10L), entry(2, 1L), entry(3, 1L));
    assertEnvelope(store.extent(source).orElseThrow(), 138.8596, 138.8625, 35.1000, 35.1025);
    assertThat(store.countInvalid()).isZero();
    assertThat(PlateauHazardReader.read(file).records()).allSatisfy(z -> {
      assertThat(z.type()).isEqualTo(HazardType.FLOOD);
      assertThat(z.scenario()).isEqualTo("狩野川水系狩野川洪水浸水想定区域図（想定最大規模）");
    });
  }

  @Test
  void plateauV4Fixtures() throws Exception {
    Path lsld = fixtures.resolve("43206_tamana-shi_493023_lsld_6697_op.gml");
    ReadResult<HazardZone> zones = PlateauHazardReader.read(lsld);
    assertThat(zones.records()).extracting(HazardZone::type, HazardZone::rank, HazardZone::phenomenon, HazardZone::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(HazardType.LANDSLIDE, 1, "steep_slope", "鍋"),
            org.assertj.core.groups.Tuple.tuple(HazardType.LANDSLIDE, 2, "steep_slope", "鍋"));
    importFile(lsld);
    assertEnvelope(store.extent(PlateauHazardReader.sourceFor(lsld)).orElseThrow(), 130.4967, 130.4981, 32.9091, 32.9096);

    Path fld = fixtures.resolve("16202_takaoka-shi_55360704_fld_6697_l2.gml");
    ReadResult<HazardZone> flood = PlateauHazardReader.read(fld);
    assertThat(flood.records()).singleElement().satisfies(z -> {
      assertThat(z.type()).isEqualTo(HazardType.FLOOD);
      assertThat(z.rank()).as("uro:rank of uro:RiverFloodingRiskAttribute").isEqualTo(1);
      assertThat(z.scenario()).isEqualTo("小矢部川水系岸渡川洪水浸水想定区域（想定最大規模）");
      assertThat(z.sourceId()).isEqualTo("fld_3dab99fd-de9f-4806-9b10-7befb7cb4c87");
    });
    importFile(fld);
    assertEnvelope(store.extent(PlateauHazardReader.sourceFor(fld)).orElseThrow(), 136.9283, 136.9302, 36.6747, 36.6750);
    assertThat(store.countInvalid()).isZero();
  }

  @Test
  void aWholeFolderIsImportedFileByFile() throws Exception {
    try (Database own = Database.open(TestPostgis.freshDatabase("plateau_folder"), 2)) {
      List<ImportReport> reports = new Importers(own.dataSource()).importAll(List.of(numazu), ImportOptions.defaults());

      assertThat(reports).extracting(ImportReport::file).containsExactly(
          "fld_natl_kanogawa_kanogawa_52385628_fld_6697_l2_op.gml",
          "lsld_523856_lsld_6668_op.gml",
          "tnm_22_4_523856_tnm_6697_op.gml");
      assertThat(reports).extracting(ImportReport::outcome).containsOnly(Outcome.COMMITTED);
      assertThat(new HazardStore(own.dataSource()).countByType())
          .containsOnly(entry("flood", 12L), entry("landslide", 234L), entry("tsunami", 230L));
    }
  }
}
