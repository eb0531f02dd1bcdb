package io.mimamori.data.imports.register;

import static io.mimamori.data.imports.register.SyntheticRegister.HEADER;
import static io.mimamori.data.imports.register.SyntheticRegister.ROWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.mimamori.data.imports.ImportMode;
import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.Importers;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.imports.ImportRunStore;
import io.mimamori.layers.imports.Rejection;
import io.mimamori.layers.testing.TableDigest;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken rows and duplicates against a stored register of five made-up people. */
class RegisterRejectionsIT {

  /** Rows 1 and 15 are good; every other row is broken in one way. */
  private static final List<String> MIXED = List.of(
      "3001,新規　一,シンキ　ハジメ,令和2年2月2日,女,沼津市見守町9-9,,35.09,138.86,,,,,,,,,,H-9,その他,",
      "3002,日付　誤り,,平成31年5月1日,男,沼津市見守町9-8,,35.09,138.86,,,,,,,,,,,その他,",
      "3003,介護　誤り,,S30.1.1,男,沼津市見守町9-8,,35.09,138.86,要介護6,,,,,,,,,,その他,",
      "3004,,,S30.1.1,男,沼津市見守町9-8,,35.09,138.86,,,,,,,,,,,その他,",
      "3005,座標　誤り,,S30.1.1,男,沼津市見守町9-7,,北緯35度,138.86,,,,,,,,,,,その他,",
      "3006,海外　住所,,S30.1.1,男,沼津市見守町9-6,,1.5,2.5,,,,,,,,,,,その他,",
      "3007,逆転　座標,,S30.1.1,男,沼津市見守町9-5,,138.86,35.09,,,,,,,,,,,その他,",
      "3008,住所　不明,,S30.1.1,男,沼津市どこか町99-99,,,,,,,,,,,,,,その他,",
      "3001,重複　番号,,S30.1.1,男,沼津市見守町9-4,,35.09,138.86,,,,,,,,,,,その他,",
      "3010,見守　太郎,,昭和15年4月1日,男,沼津市見守町一丁目2番地3,,35.0956,138.8634,,,,,,,,,,,その他,",
      "3011,新規　一,,R2.2.2,女,沼津市見守町9-9,,35.09,138.86,,,,,,,,,,,その他,",
      "3012,列　不足",
      "3013,換気　三,,S30.1.1,男,沼津市見守町9-3,,35.09,138.86,,,,,,酸素,はい,,,,その他,",
      "3014,名前空白無し,,S30.1.1,男,沼津市見守町9-2,,35.09,138.86,,,,,,,,,,,その他,",
      "3015,良い　二,イイ　ニ,S30.1.1,男,沼津市見守町9-9,,35.09,138.86,要介護5,,,,,,,,,H-9,その他,");

  /** Personal values of the broken rows: no reason may repeat them. */
  private static final List<String> PERSONAL = List.of("日付", "平成31年5月1日", "要介護6", "北緯35度", "138.86", "35.09",
      "どこか町", "見守　太郎", "昭和15年4月1日", "重複", "換気", "名前空白無し", "酸素");

  @TempDir Path dir;
  private Database db;
  private Importers importers;

  private static ImportOptions options() {
    return ImportOptions.defaults().withRegister(RegisterOptions.DEFAULTS.withMunicipalityCode(SyntheticRegister.MUNICIPALITY));
  }

  @BeforeEach
  void open() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("register_rejections"), 2);
    importers = new Importers(db.dataSource());
    ImportReport base = importers.importFile(SyntheticRegister.utf8(dir, "base.csv", SyntheticRegister.csv(HEADER, ROWS)),
        options());
    assertThat(base.outcome()).as(base.summary()).isEqualTo(Outcome.COMMITTED);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Map<String, String> registerDigest() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      Map<String, String> d = new java.util.TreeMap<>(TableDigest.of(c, Set.of()));
      d.remove("import_run"); // every run is recorded, and audited, whatever its outcome
      d.remove("import_rejection");
      d.remove("audit_log");
      return d;
    }
  }

  @Test
  void everyBrokenRowIsNamedByRowAndFieldAndAllOrNothingChangesNoTable() throws Exception {
    Map<String, String> before = registerDigest();

    ImportReport report = importers.importFile(SyntheticRegister.shiftJis(dir, "meibo_202404.csv",
        SyntheticRegister.csv(HEADER, MIXED)), options());

    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(report.rowsRead()).isEqualTo(15);
    assertThat(report.rowsStored()).isZero();
    assertThat(report.rejections()).extracting(Rejection::row, Rejection::field).containsExactly(
        tuple(2, "生年月日"),
        tuple(3, "要介護度"),
        tuple(4, "氏名"),
        tuple(5, "緯度"),
        tuple(6, "緯度/経度"),
        tuple(7, "緯度/経度"),
        tuple(8, "住所"),
        tuple(9, "名簿番号"),
        tuple(10, "氏名"),
        tuple(11, "氏名"),
        tuple(12, null),
        tuple(13, "人工呼吸器24時間"),
        tuple(14, "氏名"));
    List<String> reasons = report.rejections().stream().map(Rejection::reason).toList();
    assertThat(reasons.get(0)).contains("outside the era 平成").contains("line 3");
    assertThat(reasons.get(1)).contains("要支援1, 要支援2, 要介護1");
    assertThat(reasons.get(2)).startsWith("missing");
    assertThat(reasons.get(3)).contains("decimal degrees");
    assertThat(reasons.get(4)).contains("outside Japan").doesNotContain("swapped");
    assertThat(reasons.get(5)).contains("look swapped");
    assertThat(reasons.get(6)).startsWith("住所の位置が不明");
    assertThat(reasons.get(7)).contains("the same 名簿番号 as row 1");
    assertThat(reasons.get(8)).contains("already on the register as 名簿番号 1001");
    assertThat(reasons.get(9)).contains("the same person").contains("as row 1");
    assertThat(reasons.get(10)).contains("expected 21 columns, found 2");
    assertThat(reasons.get(11)).contains("人工呼吸器");
    assertThat(reasons.get(12)).contains("separated by a space");
    for (String reason : reasons) {
      for (String personal : PERSONAL) {
        assertThat(reason).as("reason must not repeat a personal value").doesNotContain(personal);
      }
    }
    assertThat(report.rejections()).extracting(Rejection::file).containsOnly("meibo_202404.csv");
    assertThat(registerDigest()).isEqualTo(before);
    assertThat(new ImportRunStore(db.dataSource()).recent(1).get(0).rowsRejected()).isEqualTo(13);
    assertThat(SyntheticRegister.count(db.dataSource(), "SELECT count(*) FROM audit_log WHERE action = 'import'"
        + " AND detail LIKE 'file=meibo_202404.csv outcome=rejected % rows_rejected=13'")).isEqualTo(1);
  }

  @Test
  void keepValidStoresTheGoodRowsAndReportsTheRest() throws Exception {
    ImportReport report = importers.importFile(SyntheticRegister.utf8(dir, "meibo.csv",
        SyntheticRegister.csv(HEADER, MIXED)), options().withMode(ImportMode.KEEP_VALID));

    assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.COMMITTED);
    assertThat(report.rowsStored()).isEqualTo(2);
    assertThat(report.rejections()).hasSize(13);
    assertThat(SyntheticRegister.count(db.dataSource(), "SELECT count(*) FROM resident")).isEqualTo(7);
    assertThat(SyntheticRegister.column(db.dataSource(), "3015", "r.care_level")).isEqualTo("care_5");
    assertThat(SyntheticRegister.column(db.dataSource(), "3015", "h.household_no")).isEqualTo("H-9");
    assertThat(SyntheticRegister.column(db.dataSource(), "3001", "r.household_id"))
        .isEqualTo(SyntheticRegister.column(db.dataSource(), "3015", "r.household_id"));
    assertThat(SyntheticRegister.column(db.dataSource(), "3001", "h.member_count")).isEqualTo("2");
    // the stored entries are untouched, and the rejected numbers do not count as missing
    assertThat(SyntheticRegister.count(db.dataSource(), "SELECT count(*) FROM resident WHERE version > 0")).isZero();
    assertThat(report.message()).contains("5 entries on the register are not in this file");
  }

  @Test
  void aCancelledImportRollsBackEverything() throws Exception {
    Map<String, String> before = registerDigest();
    AtomicInteger polls = new AtomicInteger();
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      many.add((5000 + i) + ",多数　" + i + ",,S30.1.1,男,沼津市多数町" + i + ",,35.09,138.86,,,,,,,,,,,その他,");
    }
    ImportReport report = importers.importFile(SyntheticRegister.utf8(dir, "many.csv", SyntheticRegister.csv(HEADER, many)),
        options().withCancellation(() -> polls.incrementAndGet() > 4));

    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).contains("cancelled");
    assertThat(registerDigest()).isEqualTo(before);
  }

  @Test
  void aFileWithoutTheRegisterColumnsFailsNamingTheLine() throws Exception {
    ImportReport report = importers.importFile(SyntheticRegister.utf8(dir, "partial.csv",
        "名簿番号,氏名,生年月日\r\n1,見守　一,S1.1.1\r\n"), options());
    assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(report.message()).contains("partial.csv, line 1").contains("missing column 性別");
  }
}
