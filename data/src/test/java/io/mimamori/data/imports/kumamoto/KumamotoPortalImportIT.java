package io.mimamori.data.imports.kumamoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.mimamori.data.imports.ImportMode;
import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.Importers;
import io.mimamori.data.imports.ReadResult;
import io.mimamori.data.imports.TextEncoding;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.imports.Rejection;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterStore;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Kumamoto prefecture portal list (../shared/data/kumamoto-shelter-portal), 2,125 rows. */
class KumamotoPortalImportIT {

  private static Path csv;
  @TempDir Path dir;

  @BeforeAll
  static void data() {
    csv = TestPostgis.sharedData().resolve("kumamoto-shelter-portal/portal_shelter_capacity.csv");
    Assumptions.assumeTrue(Files.exists(csv), "the Kumamoto portal CSV is not at " + csv + "; skipped");
  }

  @Test
  void threeRealRowsHaveNoCoordinatesSoAllOrNothingStoresNothing() throws Exception {
    try (Database db = Database.open(TestPostgis.freshDatabase("kumamoto_strict"), 2)) {
      ImportReport report = new Importers(db.dataSource()).importFile(csv, ImportOptions.defaults());

      assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
      assertThat(report.rowsRead()).isEqualTo(2125);
      // 南阿蘇村 (旧)清陵高校 and 立野公民館, 山都町 上川井野公民館: the portal publishes them without a position
      assertThat(report.rejections()).extracting(Rejection::row, Rejection::field).containsExactly(
          tuple(1621, "portal_latitude"), tuple(1672, "portal_latitude"), tuple(1779, "portal_latitude"));
      assertThat(report.rejections().get(0).reason()).contains("missing").contains("line 1622");
      assertThat(new ShelterStore(db.dataSource()).count()).isZero();
    }
  }

  @Test
  void keepValidStoresTheOther2122WithCapacitiesWhereKnown() throws Exception {
    try (Database db = Database.open(TestPostgis.freshDatabase("kumamoto_keep"), 2)) {
      ImportReport report = new Importers(db.dataSource())
          .importFile(csv, ImportOptions.defaults().withMode(ImportMode.KEEP_VALID));

      assertThat(report.outcome()).isEqualTo(Outcome.COMMITTED);
      assertThat(report.rowsStored()).isEqualTo(2122);
      assertThat(report.rejections()).hasSize(3);
      assertThat(report.message()).contains("read as UTF-8").contains("503 shelters without a capacity");
      ShelterStore store = new ShelterStore(db.dataSource());
      assertThat(store.countByKind()).containsOnly(Map.entry("designated_shelter", 2122L));

      ImportReport again = new Importers(db.dataSource())
          .importFile(csv, ImportOptions.defaults().withMode(ImportMode.KEEP_VALID));
      assertThat(again.rowsStored()).isEqualTo(2122);
      assertThat(store.count()).as("a re-import updates in place").isEqualTo(2122);
    }
  }

  @Test
  void capacitiesAsPublished() throws Exception {
    ReadResult<Shelter> read = KumamotoPortalReader.read(csv);
    Map<String, Integer> byName = read.records().stream().filter(s -> s.capacityPersons() != null)
        .collect(Collectors.toMap(Shelter::name, Shelter::capacityPersons, (a, b) -> a));
    assertThat(byName).containsEntry("熊本県立ひのくに高等支援学校", 3288).containsEntry("熊本県立黒石原支援学校", 463)
        .containsEntry("熊本県立菊池支援学校", 222);
    // 熊本市 publishes no capacity at all (every raw value is 0)
    assertThat(read.records().stream().filter(s -> s.municipalityCode().equals("431001")))
        .hasSize(289).allSatisfy(s -> assertThat(s.capacityPersons()).isNull());
    assertThat(read.records()).allSatisfy(s -> assertThat(s.source()).isEqualTo("kumamoto_portal"));
    // two rows of the portal are geocoded to namesake towns in Hyogo and Gifu, 500-600 km away: they are
    // inside Japan, so they import, and the report names them
    assertThat(read.records().stream().filter(s -> !(s.location().lon() >= 129.9 && s.location().lon() <= 131.4
            && s.location().lat() >= 32.0 && s.location().lat() <= 33.3)))
        .extracting(Shelter::sourceId).containsExactly("00001461", "00001640");
    assertThat(read.notes()).contains(
        "2 shelters lie over 100 km from the other shelters of their municipality (rows 1376, 1593): check their coordinates");
    assertThat(read.records().stream().map(Shelter::municipalityCode).distinct().count()).isEqualTo(45);
  }

  @Test
  void theSameListInShiftJisReadsTheSame() throws Exception {
    Path sjis = dir.resolve("portal_shelter_capacity_sjis.csv");
    // CP932 has no MINUS SIGN (U+2212); Windows writes FULLWIDTH HYPHEN-MINUS (U+FF0D, 0x817C) for it
    String text = Files.readString(csv, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").replace('\u2212', '\uFF0D');
    ByteBuffer bytes = TextEncoding.SHIFT_JIS.newEncoder().encode(CharBuffer.wrap(text)); // strict: fails on any unmappable
    Files.write(sjis, Arrays.copyOf(bytes.array(), bytes.limit()));

    ReadResult<Shelter> utf8 = KumamotoPortalReader.read(csv);
    ReadResult<Shelter> detected = KumamotoPortalReader.read(sjis);
    ReadResult<Shelter> declared = KumamotoPortalReader.read(sjis, ImportOptions.defaults().withCharset(TextEncoding.SHIFT_JIS));

    List<Shelter> expected = utf8.records().stream().map(s -> new Shelter(s.municipalityCode(), s.kind(),
        s.name().replace('\u2212', '\uFF0D'), s.address() == null ? null : s.address().replace('\u2212', '\uFF0D'),
        s.location(), s.hazards(), s.targetGroupsText(), s.targetGroups(), s.disabilityTypes(), s.capacityPersons(),
        s.capacityChildren(), s.remarks(), s.source(), s.sourceId())).toList();
    assertThat(detected.notes()).contains("read as windows-31j");
    assertThat(detected.records()).hasSize(2122).isEqualTo(expected);
    assertThat(declared.records()).isEqualTo(expected);
    assertThat(detected.rejections()).isEqualTo(utf8.rejections().stream()
        .map(r -> new Rejection("portal_shelter_capacity_sjis.csv", r.row(), r.field(), r.reason())).toList());
    assertThat(Importers.detect(sjis)).contains(Importers.Format.KUMAMOTO_PORTAL);
  }
}
