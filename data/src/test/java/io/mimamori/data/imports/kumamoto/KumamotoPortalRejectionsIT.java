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
import io.mimamori.layers.imports.ImportRunStore;
import io.mimamori.layers.imports.Rejection;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterStore;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic portal CSVs (made-up shelters), broken in each way the reader must catch. */
class KumamotoPortalRejectionsIT {

  private static final String HEADER =
      "portal_shelter_id,municipality_code,municipality,shelter_name,address,portal_latitude,portal_longitude,"
          + "portal_capacity_persons,portal_capacity_raw,capacity_parse_status\r\n";

  @TempDir Path dir;
  private Database db;
  private Importers importers;
  private ShelterStore shelters;

  @BeforeEach
  void open() {
    db = Database.open(TestPostgis.freshDatabase("kumamoto_rejections"), 2);
    importers = new Importers(db.dataSource());
    shelters = new ShelterStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Path write(String name, String body) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "\uFEFF" + HEADER + body, StandardCharsets.UTF_8);
    return file;
  }

  private static final String GOOD =
      "90000001,431001,熊本市,見守公民館,\"熊本県熊本市中央区見守1-1, 2階\",32.80,130.70,120,120,parsed\r\n"
          + "90000002,431001,熊本市,\"見守\"\"第二\"\"会館\",\"熊本県熊本市\n中央区見守2-2\",32.81,130.71,,0,missing_zero\r\n";

  private static final String BAD =
      "90000003,431001,熊本市,列が足りない,住所,32.8,130.7,10\r\n"           // row 3: 8 columns of 10
          + "90000004,431001,熊本市,収容人数が文字,住所,32.8,130.7,約100,約100,parsed\r\n" // row 4
          + "90000005,431001,熊本市,緯度が変,住所,north,130.7,10,10,parsed\r\n"    // row 5
          + "90000006,431001,熊本市,海外,住所,0.0,0.0,10,10,parsed\r\n"           // row 6
          + "90000001,431001,熊本市,同じID,住所,32.8,130.7,10,10,parsed\r\n"       // row 7
          + "90000007,431002,熊本市,コード誤り,住所,32.8,130.7,10,10,parsed\r\n"   // row 8
          + "90000008,431001,熊本市,負の収容,住所,32.8,130.7,-5,-5,parsed\r\n";    // row 9

  @Test
  void everyBadRowIsNamedByRowAndField() throws Exception {
    ImportReport report = importers.importFile(write("portal_shelter_capacity.csv", GOOD + BAD), ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(report.rowsRead()).isEqualTo(9);
    assertThat(report.rejections()).extracting(Rejection::row, Rejection::field).containsExactly(
        tuple(3, null),
        tuple(4, "portal_capacity_persons"),
        tuple(5, "portal_latitude"),
        tuple(6, "portal_latitude/portal_longitude"),
        tuple(7, "portal_shelter_id"),
        tuple(8, "municipality_code"),
        tuple(9, "portal_capacity_persons"));
    assertThat(report.rejections().get(0).reason()).contains("expected 10 columns, found 8").contains("line 5");
    assertThat(report.rejections().get(1).reason()).contains("whole number").doesNotContain("約100");
    assertThat(report.rejections().get(4).reason()).contains("row 1");
    assertThat(report.rejections()).extracting(Rejection::file).containsOnly("portal_shelter_capacity.csv");
    assertThat(shelters.count()).isZero();
    assertThat(new ImportRunStore(db.dataSource()).recent(1).get(0).rowsRejected()).isEqualTo(7);
  }

  @Test
  void quotedCommasQuotesAndLineBreaksSurviveAndKeepValidStoresOnlyTheGoodRows() throws Exception {
    ReadResult<Shelter> read = KumamotoPortalReader.read(write("a.csv", GOOD));
    assertThat(read.records()).extracting(Shelter::name, Shelter::address, Shelter::capacityPersons).containsExactly(
        tuple("見守公民館", "熊本県熊本市中央区見守1-1, 2階", 120),
        tuple("見守\"第二\"会館", "熊本県熊本市\n中央区見守2-2", null));

    ImportReport report = importers.importFile(write("portal_shelter_capacity.csv", GOOD + BAD),
        ImportOptions.defaults().withMode(ImportMode.KEEP_VALID));

    assertThat(report.outcome()).isEqualTo(Outcome.COMMITTED);
    assertThat(report.rowsStored()).isEqualTo(2);
    assertThat(report.message()).contains("1 shelters without a capacity");
    assertThat(shelters.count()).isEqualTo(2);
  }

  @Test
  void allOrNothingLeavesEarlierSheltersUntouched() throws Exception {
    importers.importFile(write("portal_shelter_capacity.csv", GOOD), ImportOptions.defaults());
    String before = shelters.checksum();

    ImportReport report = importers.importFile(write("portal_shelter_capacity.csv",
        GOOD.replace("見守公民館", "改名公民館") + BAD), ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(shelters.count()).isEqualTo(2);
    assertThat(shelters.checksum()).isEqualTo(before);
  }

  @Test
  void anUnclosedQuoteFailsNamingTheLine() throws Exception {
    ImportReport report = importers.importFile(
        write("portal_shelter_capacity.csv", GOOD + "90000009,431001,熊本市,\"閉じない,住所,32.8,130.7,1,1,parsed\r\n"),
        ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).startsWith("portal_shelter_capacity.csv, line 5: not valid CSV");
  }

  @Test
  void aMissingColumnFails() throws Exception {
    Path file = dir.resolve("portal_shelter_capacity.csv");
    Files.writeString(file, "portal_shelter_id,municipality_code,shelter_name\r\n1,431001,x\r\n");

    ImportReport report = importers.importFile(file, ImportOptions.defaults());

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).contains("line 1").contains("missing column address");
  }

  @Test
  void shiftJisIsDetectedAndBytesThatAreNeitherFailWithTheLine() throws Exception {
    Path sjis = dir.resolve("sjis.csv");
    Files.write(sjis, (HEADER + GOOD).getBytes(TextEncoding.SHIFT_JIS));
    assertThat(TextEncoding.resolve(sjis, null)).isEqualTo(TextEncoding.SHIFT_JIS);
    assertThat(KumamotoPortalReader.read(sjis).records()).extracting(Shelter::name)
        .containsExactly("見守公民館", "見守\"第二\"会館");

    Path neither = dir.resolve("neither.csv");
    byte[] head = (HEADER + "90000001,431001,熊本市,").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ",住所,32.8,130.7,1,1,parsed\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0x81; // a Shift_JIS lead byte followed by one no table maps
    bytes[head.length + 1] = (byte) 0x7F;
    System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);
    Files.write(neither, bytes);

    ImportReport report = importers.importFile(neither, ImportOptions.defaults());
    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).contains("neither.csv, line 2").contains("neither UTF-8 nor Shift_JIS");

    ImportReport declared = importers.importFile(write("declared.csv", GOOD),
        ImportOptions.defaults().withCharset(TextEncoding.SHIFT_JIS));
    assertThat(declared.outcome()).as("UTF-8 text declared as Shift_JIS").isEqualTo(Outcome.FAILED);
    assertThat(declared.message()).contains("not valid windows-31j");
  }
}
