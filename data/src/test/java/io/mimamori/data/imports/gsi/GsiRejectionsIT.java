package io.mimamori.data.imports.gsi;

import static io.mimamori.data.imports.SyntheticGsi.shelter;
import static io.mimamori.data.imports.SyntheticGsi.site;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mimamori.data.imports.ImportMode;
import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.Importers;
import io.mimamori.data.imports.SyntheticGsi;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.imports.ImportRun;
import io.mimamori.layers.imports.ImportRunStore;
import io.mimamori.layers.imports.Rejection;
import io.mimamori.layers.features.FeatureCollection;
import io.mimamori.layers.features.FeatureStore;
import io.mimamori.layers.shelter.ShelterStore;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GSI GeoJSON that is broken in each way the reader must catch, against a real PostGIS. */
class GsiRejectionsIT {

  @TempDir Path dir;
  private Database db;
  private Importers importers;
  private ShelterStore shelters;
  private ImportRunStore runs;

  @BeforeEach
  void openDatabase() {
    db = Database.open(TestPostgis.freshDatabase("gsi_rejections"), 2);
    importers = new Importers(db.dataSource());
    shelters = new ShelterStore(db.dataSource());
    runs = new ImportRunStore(db.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  private static List<ObjectNode> goodSites() {
    return List.of(
        site("E9990100001201", "見守第一公園", 139.701, 35.601, HazardType.EARTHQUAKE, HazardType.FIRE),
        site("E9990100002201", "見守小学校", 139.702, 35.602, HazardType.FLOOD, HazardType.TSUNAMI),
        site("E9990100003201", "見守高台広場", 139.703, 35.603, HazardType.TSUNAMI));
  }

  /** Six bad features around one good one. */
  private static List<ObjectNode> brokenSites() {
    List<ObjectNode> f = new ArrayList<>();
    f.add(site("E9990100010201", "良い避難場所", 139.71, 35.61, HazardType.FLOOD));
    ObjectNode noGeometry = site("E9990100011201", "座標なし", 139.71, 35.61);
    noGeometry.remove("geometry");
    f.add(noGeometry);
    f.add(site("E9990100012201", "範囲外", 10.0, 50.0)); // 2: Europe
    ObjectNode badFlag = site("E9990100013201", "旗が変", 139.72, 35.62);
    ((ObjectNode) badFlag.get("properties")).put("津波", "yes");
    f.add(badFlag);
    f.add(site("E9990100010201", "重複", 139.73, 35.63)); // same 共通ID as feature 1
    ObjectNode line = site("E9990100014201", "線", 139.74, 35.64);
    ((ObjectNode) line.get("geometry")).put("type", "LineString");
    f.add(line);
    f.add(site("E9990100015201", " ", 139.75, 35.65)); // blank name
    return f;
  }

  @Test
  void everyBadFeatureIsReportedWithFileFeatureNumberAndField() throws Exception {
    Path file = SyntheticGsi.write(dir, "emergency_999016.geojson", brokenSites());

    ImportReport report = importers.importFile(file, ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(report.rowsRead()).isEqualTo(7);
    assertThat(report.rowsStored()).isZero();
    assertThat(report.rejections()).extracting(Rejection::file).containsOnly("emergency_999016.geojson");
    assertThat(report.rejections()).extracting(Rejection::row).containsExactly(2, 3, 4, 5, 6, 7);
    assertThat(report.rejections()).extracting(Rejection::field)
        .containsExactly("geometry", "geometry", "津波", "共通ID", "geometry", "施設・場所名");
    assertThat(report.rejections().get(0).reason()).contains("missing geometry");
    assertThat(report.rejections().get(1).reason()).contains("outside Japan");
    assertThat(report.rejections().get(2).reason()).contains("\"1\"").doesNotContain("yes");
    assertThat(report.rejections().get(3).reason()).contains("feature 1");
    assertThat(report.rejections().get(4).reason()).contains("LineString");
    // reasons say what was expected and where, never the row's own text
    assertThat(report.rejections()).allSatisfy(r -> assertThat(r.reason()).doesNotContain("重複", "範囲外", "旗が変"));
    assertThat(report.rejections().get(0).reason()).containsPattern("line \\d+");
    assertThat(shelters.count()).isZero();
  }

  @Test
  void allOrNothingLeavesEarlierDataExactlyAsItWas() throws Exception {
    ImportReport first = importers.importFile(SyntheticGsi.write(dir, "emergency_999016.geojson", goodSites()),
        ImportOptions.defaults());
    assertThat(first.outcome()).isEqualTo(Outcome.COMMITTED);
    long countBefore = shelters.count();
    String checksumBefore = shelters.checksum();

    // the same file again, now with bad features and a changed name for a shelter already stored
    List<ObjectNode> changed = new ArrayList<>(brokenSites());
    changed.add(site("E9990100001201", "名前を変えた公園", 139.701, 35.601, HazardType.EARTHQUAKE));
    ImportReport second = importers.importFile(SyntheticGsi.write(dir, "emergency_999016.geojson", changed),
        ImportOptions.defaults());

    assertThat(second.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(shelters.count()).isEqualTo(countBefore).isEqualTo(3);
    assertThat(shelters.checksum()).isEqualTo(checksumBefore);
  }

  @Test
  void keepValidStoresOnlyTheGoodFeatures() throws Exception {
    Path file = SyntheticGsi.write(dir, "emergency_999016.geojson", brokenSites());

    ImportReport report = importers.importFile(file, ImportOptions.defaults().withMode(ImportMode.KEEP_VALID));

    assertThat(report.outcome()).isEqualTo(Outcome.COMMITTED);
    assertThat(report.rowsStored()).isEqualTo(1);
    assertThat(report.rejections()).hasSize(6);
    assertThat(shelters.count()).isEqualTo(1);
    assertThat(shelters.countByHazard()).containsExactly(java.util.Map.entry("flood", 1L));
  }

  @Test
  void everyRunIsRecordedWithItsRejections() throws Exception {
    importers.importFile(SyntheticGsi.write(dir, "emergency_999016.geojson", brokenSites()), ImportOptions.defaults());
    importers.importFile(SyntheticGsi.write(dir, "evacuation_999016.geojson",
        List.of(shelter("E9990100020121", "見守福祉センター", 139.70, 35.60, "要配慮者とその家族等"))), ImportOptions.defaults());

    List<ImportRun> recent = runs.recent(10);
    assertThat(recent).hasSize(2);
    ImportRun committed = recent.get(0);
    assertThat(committed.kind()).isEqualTo("gsi_shelters");
    assertThat(committed.fileName()).isEqualTo("evacuation_999016.geojson");
    assertThat(committed.outcome()).isEqualTo(Outcome.COMMITTED);
    assertThat(committed.rowsStored()).isEqualTo(1);
    assertThat(committed.message()).contains("1 welfare shelter");
    ImportRun rejected = recent.get(1);
    assertThat(rejected.kind()).isEqualTo("gsi_evacuation_sites");
    assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(rejected.rowsRead()).isEqualTo(7);
    assertThat(rejected.rowsRejected()).isEqualTo(6);
    assertThat(runs.rejections(rejected.id())).extracting(Rejection::row, Rejection::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "geometry"),
            org.assertj.core.groups.Tuple.tuple(3, "geometry"),
            org.assertj.core.groups.Tuple.tuple(4, "津波"),
            org.assertj.core.groups.Tuple.tuple(5, "共通ID"),
            org.assertj.core.groups.Tuple.tuple(6, "geometry"),
            org.assertj.core.groups.Tuple.tuple(7, "施設・場所名"));
    assertThat(shelters.countByTargetGroup()).containsOnlyKeys("care_needing", "families");
  }

  @Test
  void reimportUpdatesInPlaceInsteadOfDuplicating() throws Exception {
    importers.importFile(SyntheticGsi.write(dir, "emergency_999016.geojson", goodSites()), ImportOptions.defaults());
    String before = shelters.checksum();
    List<ObjectNode> renamed = new ArrayList<>(goodSites());
    renamed.set(0, site("E9990100001201", "見守中央公園", 139.701, 35.601, HazardType.EARTHQUAKE));

    ImportReport again = importers.importFile(SyntheticGsi.write(dir, "emergency_999016.geojson", renamed),
        ImportOptions.defaults());

    assertThat(again.outcome()).isEqualTo(Outcome.COMMITTED);
    assertThat(shelters.count()).isEqualTo(3);
    assertThat(shelters.checksum()).isNotEqualTo(before);
    String json = new FeatureStore(db.dataSource())
        .page(FeatureCollection.SHELTERS, new double[] {139, 35, 140, 36}, 100, 0, 0).featuresJson();
    assertThat(json).contains("見守中央公園").doesNotContain("見守第一公園");
    assertThat(shelters.countByHazard()).containsEntry("earthquake", 1L).doesNotContainKey("fire");
  }

  @Test
  void malformedJsonFailsNamingFileAndLine() throws Exception {
    Path file = dir.resolve("emergency_999016.geojson");
    Files.writeString(file, "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    {\"type\": \"Feature\",, }\n  ]\n}\n");

    ImportReport report = importers.importFile(file, ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).startsWith("emergency_999016.geojson, line 4: not valid JSON");
    assertThat(runs.recent(1).get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(shelters.count()).isZero();
  }

  @Test
  void bytesThatAreNotUtf8FailNamingTheLine() throws Exception {
    Path file = dir.resolve("evacuation_999016.geojson");
    byte[] sjis = "{\n\"type\": \"FeatureCollection\",\n\"name\": \"見守\",\n\"features\": []}".getBytes(TextEncodingSjis.CHARSET);
    Files.write(file, sjis);

    ImportReport report = importers.importFile(file, ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).contains("evacuation_999016.geojson, line 3").contains("UTF-8");
  }

  @Test
  void aStubThatIsNoFeatureCollectionFails() throws Exception {
    Path file = dir.resolve("emergency_131075.geojson");
    Files.writeString(file, "{\"type\": \"unavailable\", \"message\": \"no data\"}", StandardCharsets.UTF_8);

    ImportReport report = importers.importFile(file, ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).contains("not a GeoJSON FeatureCollection").contains("unavailable");
  }

  @Test
  void numericFlagsAreAcceptedAndOtherNumbersAreNot() throws Exception {
    ObjectNode numeric = site("E9990100030201", "数値の旗", 139.70, 35.60);
    ((ObjectNode) numeric.get("properties")).put("洪水", 1).put("津波", 0);
    ObjectNode two = site("E9990100031201", "二", 139.70, 35.60);
    ((ObjectNode) two.get("properties")).put("地震", 2);

    var read = GsiShelterReader.read(SyntheticGsi.write(dir, "emergency_999016.geojson", List.of(numeric, two)));

    assertThat(read.records()).hasSize(1);
    assertThat(read.records().get(0).hazards()).containsExactly(HazardType.FLOOD);
    assertThat(read.rejections()).extracting(Rejection::row, Rejection::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "地震"));
  }

  @Test
  void nationwideFilesTakeTheMunicipalityFromTheCommonId() throws Exception {
    List<ObjectNode> mixed = List.of(
        site("E2220300901201", "沼津の架空広場", 138.85, 35.10, HazardType.TSUNAMI),
        site("E2810000901121", "神戸の架空広場", 135.19, 34.69, HazardType.EARTHQUAKE));

    var nationwide = GsiShelterReader.read(SyntheticGsi.write(dir, "mergeFromCity_2.geojson", mixed));
    var unnamed = GsiShelterReader.read(SyntheticGsi.write(dir, "sites.geojson", mixed));

    assertThat(nationwide.kind()).isEqualTo("gsi_evacuation_sites");
    assertThat(nationwide.records()).extracting(s -> s.municipalityCode()).containsExactly("222038", "281000");
    assertThat(unnamed.kind()).as("told apart by its hazard flags").isEqualTo("gsi_evacuation_sites");
    assertThat(Importers.detect(dir.resolve("sites.geojson"))).contains(Importers.Format.GSI_SHELTERS);
  }

  @Test
  void cancellingWhileReadingStoresNothing() throws Exception {
    List<ObjectNode> many = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      many.add(site(String.format("E99901%08d", i), "広場" + i, 139.70 + i * 1e-4, 35.60, HazardType.FIRE));
    }
    Path file = SyntheticGsi.write(dir, "emergency_999016.geojson", many);
    AtomicBoolean cancel = new AtomicBoolean();
    List<Long> progress = new ArrayList<>();
    ImportOptions options = ImportOptions.defaults()
        .withProgress((name, phase, done, total) -> {
          progress.add(done);
          cancel.set(true);
        })
        .withCancellation(cancel::get);

    ImportReport report = importers.importFile(file, options);

    assertThat(progress).as("progress was reported before the cancel took effect").isNotEmpty();
    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).contains("cancelled");
    assertThat(shelters.count()).isZero();
  }

  @Test
  void aFileOfNoKnownFormatFails() throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "nothing to import");

    ImportReport report = importers.importFile(file, ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).contains("notes.txt").contains("not a format");
    assertThat(runs.recent(1).get(0).fileName()).isEqualTo("notes.txt");
  }

  /** Shift_JIS as Windows writes it. */
  private static final class TextEncodingSjis {
    static final java.nio.charset.Charset CHARSET = io.mimamori.data.imports.TextEncoding.SHIFT_JIS;
  }
}
