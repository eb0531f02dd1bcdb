package io.mimamori.data.imports.plateau;

import static io.mimamori.data.imports.plateau.SyntheticCityGml.JGD2011;
import static io.mimamori.data.imports.plateau.SyntheticCityGml.JGD2011_HEIGHT;
import static io.mimamori.data.imports.plateau.SyntheticCityGml.cityModel;
import static io.mimamori.data.imports.plateau.SyntheticCityGml.landslide;
import static io.mimamori.data.imports.plateau.SyntheticCityGml.polygon;
import static io.mimamori.data.imports.plateau.SyntheticCityGml.sedimentArea;
import static io.mimamori.data.imports.plateau.SyntheticCityGml.square;
import static io.mimamori.data.imports.plateau.SyntheticCityGml.tsunami;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.groups.Tuple.tuple;

import io.mimamori.data.imports.ImportMode;
import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.Importers;
import io.mimamori.data.imports.ReadResult;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.hazard.HazardStore;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.imports.ImportRunStore;
import io.mimamori.layers.imports.Rejection;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Made-up CityGML broken in each way the PLATEAU reader must catch. */
class PlateauRejectionsIT {

  @TempDir Path dir;
  private Database db;
  private Importers importers;
  private HazardStore zones;

  @BeforeEach
  void open() {
    db = Database.open(TestPostgis.freshDatabase("plateau_rejections"), 2);
    importers = new Importers(db.dataSource());
    zones = new HazardStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static final String GOOD = tsunami("wtr_good", "2", polygon(square(35.10, 138.80, 0.001, 2)));
  /** A 100 m square with a 20 m hole. */
  private static final String WITH_HOLE = tsunami("wtr_hole", "1",
      polygon(square(35.11, 138.81, 0.001, 2), square(35.1104, 138.8104, 0.0002, 2)));

  private static String broken() {
    return cityModel(JGD2011, 2,
        GOOD,
        tsunami("wtr_odd", "1", polygon("35.10 138.80 35.10 138.801 35.101 138.801 35.10 138.80 35.10")),
        tsunami("wtr_open", "1", polygon("35.10 138.80 35.10 138.801 35.101 138.801 35.101 138.80")),
        tsunami("wtr_norank", null, polygon(square(35.10, 138.80, 0.001, 2))),
        tsunami("wtr_badrank", "深い", polygon(square(35.10, 138.80, 0.001, 2))),
        tsunami("wtr_short", "1", polygon("35.10 138.80 35.10 138.801 35.10 138.80")),
        tsunami("wtr_lonfirst", "1", polygon("138.80 35.10 138.801 35.10 138.801 35.101 138.80 35.10")),
        landslide("lsld_class3", "3", "1", polygon(square(35.12, 138.82, 0.001, 2))),
        tsunami("wtr_nogeometry", "1"),
        WITH_HOLE);
  }

  @Test
  void everyBrokenFeatureIsNamedByNumberFieldAndGmlId() throws Exception {
    ImportReport report = importers.importFile(write("tnm_99_1_999999_tnm_6668_op.gml", broken()), ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(report.rowsRead()).isEqualTo(10);
    assertThat(report.rejections()).extracting(Rejection::row, Rejection::field).containsExactly(
        tuple(2, "gml:posList"),
        tuple(3, "gml:posList"),
        tuple(4, "浸水ランク"),
        tuple(5, "浸水ランク"),
        tuple(6, "gml:posList"),
        tuple(7, "gml:posList"),
        tuple(8, "区域区分"),
        tuple(9, "geometry"));
    List<String> reasons = report.rejections().stream().map(Rejection::reason).toList();
    assertThat(reasons.get(0)).contains("feature wtr_odd, polygon 1, exterior ring has 9 numbers, not a multiple of srsDimension 2");
    assertThat(reasons.get(1)).contains("feature wtr_open").contains("not closed");
    assertThat(reasons.get(2)).contains("feature wtr_norank").contains("no depth rank");
    assertThat(reasons.get(3)).contains("1–9").doesNotContain("深い");
    assertThat(reasons.get(4)).contains("3 positions");
    assertThat(reasons.get(5)).contains("outside Japan").contains("swapped");
    assertThat(reasons.get(6)).contains("lsld_class3").contains("special warning zone");
    assertThat(reasons.get(7)).contains("wtr_nogeometry").contains("no polygon");
    assertThat(reasons).allSatisfy(r -> assertThat(r).containsPattern("\\(line \\d+\\)$"));
    assertThat(zones.countByType()).isEmpty();

    var run = new ImportRunStore(db.dataSource()).recent(1).get(0);
    assertThat(run.kind()).isEqualTo("plateau_hazard");
    assertThat(run.rowsRejected()).isEqualTo(8);
  }

  @Test
  void keepValidStoresTheGoodFeaturesHolesIncluded() throws Exception {
    Path file = write("tnm_99_1_999999_tnm_6668_op.gml", broken());

    ImportReport report = importers.importFile(file, ImportOptions.defaults().withMode(ImportMode.KEEP_VALID));

    assertThat(report.outcome()).isEqualTo(Outcome.COMMITTED);
    assertThat(report.rowsStored()).isEqualTo(2);
    String source = PlateauHazardReader.sourceFor(file);
    assertThat(zones.countByRank(source)).containsExactly(Map.entry(1, 1L), Map.entry(2, 1L));
    // about 91 m x 111 m each, less the 18 m x 22 m hole
    double outer = 0.001 * 111_320 * Math.cos(Math.toRadians(35.11)) * 0.001 * 110_950;
    double hole = outer * 0.04;
    assertThat(zones.areaSquareMetres(source)).isCloseTo(2 * outer - hole, offset(outer * 0.01));
    assertThat(zones.countInvalid()).isZero();
  }

  @Test
  void allOrNothingLeavesEarlierZonesExactlyAsTheyWere() throws Exception {
    String name = "tnm_99_1_999999_tnm_6668_op.gml";
    importers.importFile(write(name, cityModel(JGD2011, 2, GOOD, WITH_HOLE)), ImportOptions.defaults());
    String before = zones.checksum();
    assertThat(zones.countByType()).containsExactly(Map.entry("tsunami", 2L));

    ImportReport report = importers.importFile(write(name, broken()), ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(zones.checksum()).isEqualTo(before);
  }

  @Test
  void dimensionsComeFromTheDeclarationsNotTheNumbers() throws Exception {
    // 6697 with srsDimension 3 on the envelope: three numbers per position
    String threeD = cityModel(JGD2011_HEIGHT, 3, tsunami("wtr_3d", "3", polygon(square(35.10, 138.80, 0.001, 3))));
    ReadResult<HazardZone> read3 = PlateauHazardReader.read(write("a_tnm.gml", threeD));
    assertThat(read3.rejections()).isEmpty();
    assertThat(read3.records().get(0).geometry().getEnvelopeInternal().getMinX()).isCloseTo(138.80, offset(1e-9));

    // the same numbers read as two per position cannot form the ring: 15 numbers with dimension 2
    String mislabelled = threeD.replace("srsDimension=\"3\"", "srsDimension=\"2\"");
    ReadResult<HazardZone> read2 = PlateauHazardReader.read(write("b_tnm.gml", mislabelled));
    assertThat(read2.rejections()).singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("15 numbers, not a multiple of srsDimension 2"));

    // a posList may declare its own dimension
    String own = cityModel(JGD2011_HEIGHT, 3, tsunami("wtr_own", "1",
        "<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension=\"2\">"
            + square(35.10, 138.80, 0.001, 2) + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"));
    assertThat(PlateauHazardReader.read(write("c_tnm.gml", own)).records()).hasSize(1);
  }

  @Test
  void plateauV4LandslideCodes() throws Exception {
    String text = cityModel(JGD2011_HEIGHT, 3,
        sedimentArea("lsld_a", "2", "2", polygon(square(32.90, 130.49, 0.001, 3))),
        sedimentArea("lsld_b", "1", "3", polygon(square(32.91, 130.49, 0.001, 3))),
        sedimentArea("lsld_c", "1", "7", polygon(square(32.92, 130.49, 0.001, 3))));

    ReadResult<HazardZone> read = PlateauHazardReader.read(write("zones.gml", text));

    assertThat(read.records()).extracting(HazardZone::sourceId, HazardZone::rank, HazardZone::phenomenon)
        .containsExactly(tuple("lsld_a", 2, "debris_flow"), tuple("lsld_b", 1, "landslide"));
    assertThat(read.rejections()).extracting(Rejection::row, Rejection::field).containsExactly(tuple(3, "disasterType"));
  }

  @Test
  void uroRiskAttributesGiveTheHazardAndRankWhateverTheFileIsCalled() throws Exception {
    String polygon = polygon(square(35.10, 138.80, 0.001, 3));
    String text = cityModel(JGD2011_HEIGHT, 3,
        risk("w_tsunami", "TsunamiRiskAttribute", "4", polygon),
        risk("w_surge", "HighTideRiskAttribute", "2", polygon),
        risk("w_inland", "InlandFloodingRiskAttribute", "1", polygon),
        risk("w_river_v1", "WaterBodyRiverFloodingRiskAttribute", "3", polygon));

    ReadResult<HazardZone> read = PlateauHazardReader.read(write("53385628_x_6697_op.gml", text));

    assertThat(read.records()).extracting(HazardZone::sourceId, z -> z.type().code(), HazardZone::rank).containsExactly(
        tuple("w_tsunami", "tsunami", 4), tuple("w_surge", "storm_surge", 2), tuple("w_inland", "inland_flood", 1),
        tuple("w_river_v1", "flood", 3));
  }

  private static String risk(String id, String element, String rank, String polygon) {
    return "    <wtr:WaterBody gml:id=\"" + id + "\"><gml:name>架空</gml:name>"
        + "<uro:floodingRiskAttribute><uro:" + element + "><uro:description>1</uro:description>"
        + "<uro:rank>" + rank + "</uro:rank><uro:rankOrg>9</uro:rankOrg></uro:" + element + "></uro:floodingRiskAttribute>"
        + "<wtr:lod1MultiSurface><gml:MultiSurface><gml:surfaceMember>" + polygon
        + "</gml:surfaceMember></gml:MultiSurface></wtr:lod1MultiSurface></wtr:WaterBody>\n";
  }

  @Test
  void malformedXmlFailsNamingTheLine() throws Exception {
    String text = cityModel(JGD2011, 2, GOOD).replace("</wtr:WaterBody>", "</wtr:Water>");

    ImportReport report = importers.importFile(write("tnm_broken.gml", text), ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).startsWith("tnm_broken.gml, line ").contains("not well-formed XML");
    assertThat(zones.countByType()).isEmpty();
  }

  @Test
  void anUnsupportedCrsFailsTheFile() throws Exception {
    String text = cityModel("http://www.opengis.net/def/crs/EPSG/0/6677", 3, GOOD);

    ImportReport report = importers.importFile(write("tnm_plane.gml", text), ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).contains("tnm_plane.gml, line").contains("unsupported srsName").contains("EPSG:6697");
  }

  @Test
  void externalEntitiesAreNeverResolved() throws Exception {
    Path secret = write("secret.txt", "35.10 138.80");
    String text = cityModel(JGD2011, 2, GOOD).replace("<core:CityModel",
        "<!DOCTYPE core:CityModel [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n<core:CityModel")
        .replace("架空の津波想定", "&x;");

    ImportReport report = importers.importFile(write("tnm_xxe.gml", text), ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).isEqualTo("tnm_xxe.gml, line 2: has a DOCTYPE declaration; CityGML has none,"
        + " and DTDs and external entities are not read");
    assertThat(zones.countByType()).isEmpty();
  }
}
