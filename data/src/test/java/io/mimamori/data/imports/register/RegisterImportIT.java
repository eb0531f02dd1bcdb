package io.mimamori.data.imports.register;

import static io.mimamori.data.imports.register.SyntheticRegister.HEADER;
import static io.mimamori.data.imports.register.SyntheticRegister.ROWS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.Importers;
import io.mimamori.data.imports.register.RegisterCsvReader.RegisterFile;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.imports.ImportRunStore;
import io.mimamori.layers.testing.TableDigest;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A municipal-style register file, in Shift_JIS and in UTF-8, into an empty register. */
class RegisterImportIT {

  @TempDir Path dir;

  private static Database fresh(String purpose) {
    return Database.open(TestPostgis.freshDatabase(purpose), 2);
  }

  private static ImportOptions options() {
    return ImportOptions.defaults().withRegister(RegisterOptions.DEFAULTS.withMunicipalityCode(SyntheticRegister.MUNICIPALITY));
  }

  @Test
  void aShiftJisFileImportsTheSameAsItsUtf8Twin() throws Exception {
    String text = SyntheticRegister.csv(HEADER, ROWS);
    Path sjis = SyntheticRegister.shiftJis(dir, "meibo_sjis.csv", text);
    Path utf8 = SyntheticRegister.utf8(dir, "meibo_utf8.csv", text);
    try (Database a = fresh("register_sjis"); Database b = fresh("register_utf8")) {
      ImportReport fromSjis = new Importers(a.dataSource()).importFile(sjis, options());
      ImportReport fromUtf8 = new Importers(b.dataSource()).importFile(utf8, options());

      assertThat(fromSjis.outcome()).as(fromSjis.summary()).isEqualTo(Outcome.COMMITTED);
      assertThat(fromSjis.kind()).isEqualTo("register");
      assertThat(fromSjis.rowsStored()).isEqualTo(5);
      assertThat(fromSjis.message()).contains("read as windows-31j").contains("columns not used: 備考")
          .contains("5 new, 0 changed").contains("3 new households").contains("1 homes placed by address");
      assertThat(fromUtf8.message()).contains("read as UTF-8");
      assertThat(SyntheticRegister.stored(a.dataSource())).isEqualTo(SyntheticRegister.stored(b.dataSource()))
          .hasSize(5);
      try (Connection ca = a.dataSource().getConnection(); Connection cb = b.dataSource().getConnection()) {
        Map<String, String> da = TableDigest.of(ca, Set.of());
        Map<String, String> db = TableDigest.of(cb, Set.of("import_run.file_name", "import_run.message"));
        assertThat(da.get("household")).isEqualTo(db.get("household"));
        assertThat(da.get("resident")).isEqualTo(db.get("resident"));
      }
    }
  }

  @Test
  void everyItemIsReadIntoTheSchemasCodes() throws Exception {
    Path file = SyntheticRegister.shiftJis(dir, "meibo.csv", SyntheticRegister.csv(HEADER, ROWS));
    try (Database db = fresh("register_items")) {
      ImportReport report = new Importers(db.dataSource()).importFile(file, options());
      assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.COMMITTED);

      assertThat(SyntheticRegister.stored(db.dataSource())).containsExactly(
          "1001|222038|見守|太郎|ミマモリ|タロウ|1940-04-01|male|055-000-0001|care_3|{physical}|1|null|null"
              + "|{ventilator,suction}|true|true|false|active|0|H-1|静岡県沼津市見守町１丁目２番３号|138.863400|35.095600"
              + "|elderly_couple|2",
          "1002|222038|見守|花子|ミマモリ|ハナコ|1943-07-07|female|null|support_1|{}|null|null|null|{}|false|false|true"
              + "|active|0|H-1|静岡県沼津市見守町１丁目２番３号|138.863400|35.095600|elderly_couple|2",
          "1003|222038|試験|一郎|シケン|イチロウ|1989-01-08|male|090-000-0003|none|{intellectual,developmental}|null|A"
              + "|null|{}|false|true|true|active|0|H-2|沼津市試験町二丁目5番地|138.870000|35.100000|with_family|2",
          "1004|222038|試験|桜|シケン|サクラ|2019-05-01|female|null|none|{intellectual}|null|B|null|{feeding_pump}"
              + "|false|false|false|active|0|H-2|沼津市試験町二丁目5番地|138.870000|35.100000|with_family|2",
          "1005|222038|仮名|次郎|カメイ|ジロウ|2019-04-30|male|null|none|{mental}|null|null|2|{}|false|false|false"
              + "|active|0|null|沼津市仮名町3-1-1|138.880000|35.110000|alone|1");
      assertThat(new ImportRunStore(db.dataSource()).recent(1).get(0).outcome()).isEqualTo(Outcome.COMMITTED);
    }
  }

  @Test
  void theMunicipalityComesFromTheColumnOrFromTheStoredRegister() throws Exception {
    String header = "市区町村コード,名簿番号,姓,名,セイ,メイ,生年月日,性別,住所,緯度,経度";
    Path first = SyntheticRegister.utf8(dir, "a.csv", SyntheticRegister.csv(header, List.of(
        "22203,2001,見守,一,ミマモリ,ハジメ,S20.1.1,男,沼津市見守町5-5,35.09,138.86")));
    Path second = SyntheticRegister.utf8(dir, "b.csv", SyntheticRegister.csv(HEADER, ROWS.subList(4, 5)));
    try (Database db = fresh("register_municipality")) {
      Importers importers = new Importers(db.dataSource());
      ImportReport none = importers.importFile(second, ImportOptions.defaults());
      assertThat(none.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(none.message()).contains("--municipality=CODE");

      assertThat(importers.importFile(first, ImportOptions.defaults()).outcome()).isEqualTo(Outcome.COMMITTED);
      ImportReport report = importers.importFile(second, ImportOptions.defaults());
      assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.COMMITTED);
      assertThat(report.message()).contains("municipality 222038");
      assertThat(SyntheticRegister.column(db.dataSource(), "2001", "r.municipality_code")).isEqualTo("222038");
      assertThat(SyntheticRegister.column(db.dataSource(), "1005", "r.municipality_code")).isEqualTo("222038");
    }
  }

  @Test
  void registerFilesAreToldFromOtherCsvInEitherEncoding() throws Exception {
    String text = SyntheticRegister.csv(HEADER, ROWS);
    assertThat(Importers.detect(SyntheticRegister.shiftJis(dir, "x.csv", text))).contains(Importers.Format.REGISTER);
    assertThat(Importers.detect(SyntheticRegister.utf8(dir, "y.csv", text))).contains(Importers.Format.REGISTER);
    assertThat(Importers.detect(SyntheticRegister.utf8(dir, "z.csv", "名簿番号,氏名\r\n1,a b\r\n"))).isEmpty();
  }

  @Test
  void theReaderAloneTouchesNoDatabaseAndSeesEveryNumber() throws Exception {
    RegisterFile read = RegisterCsvReader.read(SyntheticRegister.utf8(dir, "r.csv", SyntheticRegister.csv(HEADER, ROWS)),
        options());
    assertThat(read.rowsRead()).isEqualTo(5);
    assertThat(read.rejections()).isEmpty();
    assertThat(read.delta()).isFalse();
    assertThat(read.numbersInFile()).containsExactly("1001", "1002", "1003", "1004", "1005");
    assertThat(read.entries().get(3).home().location()).isNull();
    assertThat(read.entries().get(3).home().addressKey()).isEqualTo(read.entries().get(2).home().addressKey());
  }
}
