package io.mimamori.data.imports.register;

import static io.mimamori.data.imports.register.SyntheticRegister.HEADER;
import static io.mimamori.data.imports.register.SyntheticRegister.ROWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.Importers;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.imports.Rejection;
import io.mimamori.layers.register.edit.ChangeHistoryStore;
import io.mimamori.layers.testing.TestPostgis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deltas (異動区分) and full files against a stored register of five made-up people. */
class RegisterDeltaIT {

  private static final String DELTA_HEADER = HEADER + ",異動区分";
  /** The 20 cells between 名簿番号 and 異動区分, blank. */
  private static final String BLANK_PERSON = ",".repeat(20);

  @TempDir Path dir;
  private Database db;
  private DataSource ds;
  private Importers importers;

  private static final ImportOperator OPERATOR = new ImportOperator(null, "cli:delta-tester");

  private static ImportOptions options() {
    return ImportOptions.defaults().withRegister(RegisterOptions.DEFAULTS.withMunicipalityCode(SyntheticRegister.MUNICIPALITY)
        .withOperator(OPERATOR));
  }

  @BeforeEach
  void open() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("register_delta"), 2);
    ds = db.dataSource();
    importers = new Importers(ds);
    ImportReport base = importers.importFile(SyntheticRegister.utf8(dir, "base.csv", SyntheticRegister.csv(HEADER, ROWS)),
        options());
    assertThat(base.outcome()).as(base.summary()).isEqualTo(Outcome.COMMITTED);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private ImportReport importDelta(String name, List<String> rows) throws Exception {
    return importers.importFile(SyntheticRegister.shiftJis(dir, name, SyntheticRegister.csv(DELTA_HEADER, rows)), options());
  }

  @Test
  void aDeltaInsertsMovesAwayRecordsDeathsAndCareHomesAndChanges() throws Exception {
    String householdOf1001 = SyntheticRegister.column(ds, "1001", "r.household_id");
    ImportReport report = importDelta("idou_202405.csv", List.of(
        // new, without coordinates: placed at the stored household of the same address, and joins H-1
        "4001,新人　三郎,シンジン　サブロウ,R2.3.3,男,沼津市見守町一丁目２番地３,,,,,,,,,,,,,H-1,高齢者のみ,,新規",
        "1002" + BLANK_PERSON + ",転出",
        "1005" + BLANK_PERSON + ",死亡",
        "1003" + BLANK_PERSON + ",施設入所",
        // changed: phone, care level, certificate, need for information support
        "1004,試験　桜,シケン　サクラ,2019/05/01,F,沼津市試験町2-5,055-111-2222,,,要介護1,知的,,A2,,経管栄養,,はい,,H-2,その他,,変更",
        // "changed" with every item as stored: nothing changes, no version bump
        ROWS.get(0) + ",変更"));

    assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.COMMITTED);
    assertThat(report.message()).contains("delta").contains("1 new, 1 changed, 1 unchanged, 3 status changes")
        .contains("2 homes placed by address");
    assertThat(SyntheticRegister.column(ds, "1002", "r.register_status || ' v' || r.version")).isEqualTo("moved_away v1");
    assertThat(SyntheticRegister.column(ds, "1005", "r.register_status || ' v' || r.version")).isEqualTo("deceased v1");
    assertThat(SyntheticRegister.column(ds, "1003", "r.register_status || ' v' || r.version"))
        .isEqualTo("in_care_facility v1");
    assertThat(SyntheticRegister.column(ds, "1004",
        "r.phone || ' ' || r.care_level || ' ' || r.intellectual_disability_grade || ' ' || r.needs_info_support"
            + " || ' ' || r.register_status || ' v' || r.version"))
        .isEqualTo("055-111-2222 care_1 A true active v1");
    assertThat(SyntheticRegister.column(ds, "1001", "r.version")).isEqualTo("0");
    assertThat(SyntheticRegister.column(ds, "4001", "r.household_id")).isEqualTo(householdOf1001);
    assertThat(SyntheticRegister.column(ds, "4001", "r.family_name_kana || r.register_status || r.version"))
        .isEqualTo("シンジンactive0");
    assertThat(SyntheticRegister.column(ds, "4001", "h.member_count")).isEqualTo("3");
    // nothing is deleted: the moved away and the dead stay on file
    assertThat(SyntheticRegister.count(ds, "SELECT count(*) FROM resident")).isEqualTo(6);

    // the same delta again: 新規 now meets a stored number, the status changes change nothing
    ImportReport again = importDelta("idou_202405.csv", List.of(
        "4001,新人　三郎,シンジン　サブロウ,R2.3.3,男,沼津市見守町一丁目２番地３,,,,,,,,,,,,,H-1,高齢者のみ,,新規"));
    assertThat(again.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(again.rejections()).extracting(Rejection::row, Rejection::field).containsExactly(tuple(1, "名簿番号"));
    assertThat(again.rejections().get(0).reason()).contains("already on the register");
  }

  @Test
  void aDeltaRowNeedsAKnownChangeAndAStoredEntry() throws Exception {
    ImportReport report = importDelta("idou.csv", List.of(
        "9999" + BLANK_PERSON + ",転出",
        "1001" + BLANK_PERSON + ",",
        "1002" + BLANK_PERSON + ",転居",
        "9998,新規　人,,S40.1.1,女,沼津市見守町7-7,,35.09,138.86,,,,,,,,,,,その他,,変更"));

    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(report.rejections()).extracting(Rejection::row, Rejection::field).containsExactly(
        tuple(1, "名簿番号"), tuple(2, "異動区分"), tuple(3, "異動区分"), tuple(4, "名簿番号"));
    assertThat(report.rejections().get(0).reason()).contains("not on the register").contains("転出");
    assertThat(report.rejections().get(1).reason()).startsWith("missing").contains("新規, 転出, 死亡, 施設入所, 変更");
    assertThat(SyntheticRegister.count(ds, "SELECT count(*) FROM resident WHERE version > 0")).isZero();
  }

  @Test
  void aFullFileReportsMissingEntriesAndMarksThemMovedAwayOnlyWhenAsked() throws Exception {
    Path partial = SyntheticRegister.utf8(dir, "meibo_partial.csv", SyntheticRegister.csv(HEADER, ROWS.subList(0, 3)));

    ImportReport reported = importers.importFile(partial, options());
    assertThat(reported.outcome()).isEqualTo(Outcome.COMMITTED);
    assertThat(reported.message()).contains("0 new, 0 changed, 3 unchanged").contains("2 entries on the register are not in this file");
    assertThat(SyntheticRegister.count(ds, "SELECT count(*) FROM resident WHERE register_status = 'active'")).isEqualTo(5);

    ImportReport marked = importers.importFile(partial,
        options().withRegister(options().register().withMarkMissingMovedAway(true)));
    assertThat(marked.message()).contains("2 entries not in this file marked 転出");
    assertThat(SyntheticRegister.column(ds, "1004", "r.register_status || ' v' || r.version")).isEqualTo("moved_away v1");
    assertThat(SyntheticRegister.column(ds, "1005", "r.register_status || ' v' || r.version")).isEqualTo("moved_away v1");
    assertThat(SyntheticRegister.column(ds, "1001", "r.register_status || ' v' || r.version")).isEqualTo("active v0");
  }

  @Test
  void aFullFileUpdatesChangedEntriesKeepsColumnsItLacksAndMovesHomes() throws Exception {
    // a resident system's file without kana, devices or household columns
    String header = "名簿番号,氏名,生年月日,性別,住所,緯度,経度,要介護度";
    ImportReport report = importers.importFile(SyntheticRegister.utf8(dir, "meibo.csv", SyntheticRegister.csv(header, List.of(
        "1001,見守　太郎,S15.4.1,男,静岡県沼津市見守町１丁目２番３号,35.0956,138.8634,要介護4",
        "1002,見守　花子,S18.7.7,女,沼津市新町8-8,35.2,138.9,要支援1",
        "1005,仮名　次郎,H31.4.30,男,沼津市仮名町3-1-2,35.111,138.881,"))), options());

    assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.COMMITTED);
    // 1005's items are as stored: only their household changes
    assertThat(report.message()).contains("0 new, 2 changed, 1 unchanged").contains("1 new households, 1 households changed");
    // 1001: care level changed, kana and ventilator kept
    assertThat(SyntheticRegister.column(ds, "1001",
        "r.care_level || ' ' || r.family_name_kana || ' ' || r.ventilator_24h || ' v' || r.version"))
        .isEqualTo("care_4 ミマモリ true v1");
    // 1002 moved out of the shared household into a new one; 1001 stays
    assertThat(SyntheticRegister.column(ds, "1002", "h.address")).isEqualTo("沼津市新町8-8");
    assertThat(SyntheticRegister.column(ds, "1001", "h.address")).isEqualTo("静岡県沼津市見守町１丁目２番３号");
    // 1005 lives alone: the household moves with them
    assertThat(SyntheticRegister.column(ds, "1005", "h.address || ' ' || h.composition || ' ' || h.version"))
        .isEqualTo("沼津市仮名町3-1-2 alone 1");
    assertThat(SyntheticRegister.column(ds, "1005", "round(ST_Y(h.geom)::numeric, 3)")).isEqualTo("35.111");

    // importing the same file again changes nothing
    String before = String.join("\n", SyntheticRegister.stored(ds));
    ImportReport again = importers.importFile(dir.resolve("meibo.csv"), options());
    assertThat(again.message()).contains("0 new, 0 changed, 3 unchanged").contains("0 households changed");
    assertThat(String.join("\n", SyntheticRegister.stored(ds))).isEqualTo(before);
  }

  @Test
  void aPluggedInGeocoderPlacesAddressesNothingElseKnows() throws Exception {
    String row = "4002,遠方　一,,S40.1.1,女,沼津市遠方町1-1,,,,,,,,,,,,,,その他,,新規";
    ImportReport without = importDelta("a.csv", List.of(row));
    assertThat(without.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(without.rejections().get(0).reason()).startsWith("住所の位置が不明");

    Importers withGeocoder = new Importers(ds, addresses -> addresses.contains("沼津市遠方町1-1")
        ? Map.of("沼津市遠方町1-1", LonLat.of(138.95, 35.15)) : Map.of());
    ImportReport with = withGeocoder.importFile(SyntheticRegister.utf8(dir, "b.csv",
        SyntheticRegister.csv(DELTA_HEADER, List.of(row))), options());
    assertThat(with.outcome()).as(with.summary()).isEqualTo(Outcome.COMMITTED);
    assertThat(SyntheticRegister.column(ds, "4002", "ST_X(h.geom) || ' ' || ST_Y(h.geom)")).isEqualTo("138.95 35.15");
  }

  /** 1003 as stored, but 要介護5 (care_5) with 24-hour ventilator: a 変更 row. */
  private static final String CARE_CHANGE_1003 = "1003,試験　一郎,シケン　イチロウ,平成元年1月8日,M,沼津市試験町二丁目5番地,"
      + "０９０－０００－０００３,35.1000,138.8700,要介護5,知的・発達,,Ａ１,,人工呼吸器,はい,はい,はい,H-2,その他,,変更";

  private String score(String registerNo) throws Exception {
    return SyntheticRegister.column(ds, registerNo, "(SELECT p.score || ' ' || p.band FROM resident_priority p"
        + " WHERE p.profile = 'national' AND p.resident_id = r.id)");
  }

  private JsonNode history(String registerNo) throws Exception {
    long id = Long.parseLong(SyntheticRegister.column(ds, registerNo, "r.id"));
    return new ObjectMapper().readTree(new ChangeHistoryStore(ds).forResidentJson(id, 50));
  }

  /** The change of one field in a history entry, as "old -> new". */
  private static String change(JsonNode entry, String field) {
    for (JsonNode c : entry.get("changes")) {
      if (c.get("field").asText().equals(field)) {
        return c.get("old") + " -> " + c.get("new");
      }
    }
    return null;
  }

  @Test
  void aDeltaWritesHistoryWithOldAndNewValuesAndRescoresWithoutBeingAsked() throws Exception {
    // the first import scored the register (no profile had been scored) and wrote each resident's creation
    String scoreBefore = score("1003");
    assertThat(scoreBefore).isNotNull();
    assertThat(score("1005")).isNotNull();
    JsonNode created = history("1003");
    assertThat(created).hasSize(2); // the resident and their household, both new
    assertThat(created.findValuesAsText("source")).containsOnly("import");
    long historyRows = SyntheticRegister.count(ds, "SELECT count(*) FROM change_history");

    ImportReport report = importDelta("idou_202406.csv", List.of("1005" + BLANK_PERSON + ",死亡", CARE_CHANGE_1003));

    assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.COMMITTED);
    assertThat(report.message()).contains("scores and plan checks refreshed for 2 households");
    assertThat(SyntheticRegister.count(ds, "SELECT count(*) FROM change_history")).isEqualTo(historyRows + 2);
    long run = SyntheticRegister.count(ds, "SELECT max(id) FROM import_run");

    JsonNode died = history("1005").get(0);
    assertThat(died.get("entity").asText()).isEqualTo("resident");
    assertThat(died.get("version").asInt()).isEqualTo(1);
    assertThat(died.get("login").asText()).isEqualTo("cli:delta-tester");
    assertThat(died.get("source").asText()).isEqualTo("import");
    assertThat(died.get("import_run_id").asLong()).isEqualTo(run);
    assertThat(died.get("changes")).hasSize(1);
    assertThat(change(died, "register_status")).isEqualTo("\"active\" -> \"deceased\"");

    JsonNode changed = history("1003").get(0);
    assertThat(changed.get("version").asInt()).isEqualTo(1);
    assertThat(changed.get("login").asText()).isEqualTo("cli:delta-tester");
    assertThat(change(changed, "care_level")).isEqualTo("\"none\" -> \"care_5\"");
    assertThat(change(changed, "medical_devices")).isEqualTo("[] -> [\"ventilator\"]");
    assertThat(change(changed, "ventilator_24h")).isEqualTo("false -> true");
    assertThat(change(changed, "register_status")).isNull();

    // the ranked list follows without a re-score: 1003 moves up, the deceased leaves it
    assertThat(score("1003")).isNotEqualTo(scoreBefore);
    assertThat(Integer.parseInt(score("1003").split(" ")[0])).isGreaterThan(Integer.parseInt(scoreBefore.split(" ")[0]));
    assertThat(score("1003").split(" ")[1]).isNotEqualTo(scoreBefore.split(" ")[1]);
    assertThat(score("1005")).isNull();
  }

  @Test
  void aRejectedDeltaWritesNoHistoryAndMovesNoScore() throws Exception {
    long historyRows = SyntheticRegister.count(ds, "SELECT count(*) FROM change_history");
    String scoreBefore = score("1003");

    ImportReport report = importDelta("idou_bad.csv", List.of(CARE_CHANGE_1003, "1005" + BLANK_PERSON + ",死亡",
        "9999" + BLANK_PERSON + ",転出"));

    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(SyntheticRegister.count(ds, "SELECT count(*) FROM change_history")).isEqualTo(historyRows);
    assertThat(score("1003")).isEqualTo(scoreBefore);
    assertThat(SyntheticRegister.column(ds, "1005", "r.register_status")).isEqualTo("active");
  }

  @Test
  void anImportTouchingManyHouseholdsScoresTheWholeRegisterAfterItsCommit() throws Exception {
    String scoreBefore = score("1003");
    ImportReport report = new RegisterImporter(AddressGeocoder.NONE, 1).run(ds,
        SyntheticRegister.shiftJis(dir, "idou_many.csv", SyntheticRegister.csv(DELTA_HEADER,
            List.of("1005" + BLANK_PERSON + ",死亡", CARE_CHANGE_1003))), options());

    assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.COMMITTED);
    assertThat(report.message()).contains("more than 1 households touched: scored the whole register (national)")
        .contains("checked every plan");
    assertThat(SyntheticRegister.count(ds, "SELECT count(*) FROM change_history WHERE source = 'import'"
        + " AND import_run_id = (SELECT max(id) FROM import_run)")).isEqualTo(2);
    assertThat(score("1003")).isNotEqualTo(scoreBefore);
    assertThat(score("1005")).isNull();
  }
}
