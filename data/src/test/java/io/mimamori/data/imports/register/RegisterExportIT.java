package io.mimamori.data.imports.register;

import static io.mimamori.data.imports.register.SyntheticRegister.HEADER;
import static io.mimamori.data.imports.register.SyntheticRegister.ROWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.Importers;
import io.mimamori.data.imports.TextEncoding;
import io.mimamori.data.imports.register.JapaneseDates.Style;
import io.mimamori.data.imports.register.RegisterCsvWriter.Format;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.imports.Rejection;
import io.mimamori.layers.testing.TableDigest;
import io.mimamori.layers.testing.TestPostgis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export back to CSV in the import's shape: export, import, export gives the same file. */
class RegisterExportIT {

  private static final Format SJIS_WAREKI = new Format(TextEncoding.SHIFT_JIS, Style.WAREKI);

  @TempDir Path dir;
  private Database a;

  private static ImportOptions options() {
    return ImportOptions.defaults().withRegister(RegisterOptions.DEFAULTS.withMunicipalityCode(SyntheticRegister.MUNICIPALITY));
  }

  @BeforeEach
  void open() throws Exception {
    a = Database.open(TestPostgis.freshDatabase("register_export_a"), 2);
    ImportReport base = new Importers(a.dataSource()).importFile(
        SyntheticRegister.shiftJis(dir, "base.csv", SyntheticRegister.csv(HEADER, ROWS)), options());
    assertThat(base.outcome()).as(base.summary()).isEqualTo(Outcome.COMMITTED);
  }

  @AfterEach
  void close() {
    a.close();
  }

  private Path export(DataSource ds, String name, Format format) throws Exception {
    Path out = dir.resolve(name);
    long rows = RegisterCsvWriter.export(ds, out, SyntheticRegister.MUNICIPALITY, true, format, () -> false, n -> {});
    assertThat(rows).isEqualTo(5);
    return out;
  }

  private static List<String> withoutHouseholdNumbers(List<String> stored) {
    List<String> out = new ArrayList<>();
    for (String s : stored) {
      List<String> cells = new ArrayList<>(List.of(s.split("\\|", -1)));
      cells.remove(20);
      out.add(String.join("|", cells));
    }
    return out;
  }

  @Test
  void exportThenImportGivesTheSameRegisterInEitherEncodingAndDateStyle() throws Exception {
    Path utf8 = export(a.dataSource(), "export_utf8.csv", Format.UTF8_WESTERN);
    Path sjis = export(a.dataSource(), "export_sjis.csv", SJIS_WAREKI);

    byte[] bytes = Files.readAllBytes(utf8);
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    List<String> lines = Files.readAllLines(utf8, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("\uFEFF名簿番号,市区町村コード,姓,名,セイ,メイ,生年月日,性別,住所,電話番号,緯度,経度,要介護度,"
        + "障害種別,身体障害者手帳等級,療育手帳,精神障害者保健福祉手帳等級,重症心身障害,医療機器,人工呼吸器24時間,情報支援,判断支援,就学区分,"
        + "世帯番号,世帯構成,世帯人数,同居家族要配慮,日中独居,状態,登録日,更新回数");
    assertThat(lines.get(1)).startsWith("1001,222038,見守,太郎,ミマモリ,タロウ,1940/04/01,男,静岡県沼津市見守町１丁目２番３号,055-000-0001,"
        + "35.0956,138.8634,要介護3,身体,1級,,,いいえ,人工呼吸器、吸引,はい,はい,いいえ,なし,H-1,高齢者のみ,2,いいえ,いいえ,在籍,");
    String sjisText = new String(Files.readAllBytes(sjis), TextEncoding.SHIFT_JIS);
    assertThat(sjisText).contains("昭和15年4月1日").contains("平成31年4月30日").contains("令和元年5月1日").doesNotContain("\uFEFF");

    try (Database b = Database.open(TestPostgis.freshDatabase("register_export_b"), 2);
        Database c = Database.open(TestPostgis.freshDatabase("register_export_c"), 2)) {
      assertThat(new Importers(b.dataSource()).importFile(utf8, ImportOptions.defaults()).outcome())
          .isEqualTo(Outcome.COMMITTED);
      ImportReport fromSjis = new Importers(c.dataSource()).importFile(sjis, ImportOptions.defaults());
      assertThat(fromSjis.outcome()).as(fromSjis.summary()).isEqualTo(Outcome.COMMITTED);
      assertThat(fromSjis.message()).doesNotContain("columns not used");

      assertThat(Files.readString(export(b.dataSource(), "b.csv", Format.UTF8_WESTERN))).isEqualTo(Files.readString(utf8));
      assertThat(Files.readString(export(c.dataSource(), "c.csv", Format.UTF8_WESTERN))).isEqualTo(Files.readString(utf8));
      assertThat(Files.readAllBytes(export(c.dataSource(), "c_sjis.csv", SJIS_WAREKI))).isEqualTo(Files.readAllBytes(sjis));
      // the stored rows are the same, but for the number an export gives a household that had none
      assertThat(withoutHouseholdNumbers(SyntheticRegister.stored(b.dataSource())))
          .isEqualTo(withoutHouseholdNumbers(SyntheticRegister.stored(a.dataSource())));
      assertThat(SyntheticRegister.column(b.dataSource(), "1005", "h.household_no")).matches("H\\d+");
    }
  }

  @Test
  void reimportingAnExportIntoTheSameRegisterChangesNothing() throws Exception {
    Path utf8 = export(a.dataSource(), "export.csv", Format.UTF8_WESTERN);
    Importers importers = new Importers(a.dataSource());

    ImportReport first = importers.importFile(utf8, ImportOptions.defaults());
    assertThat(first.message()).contains("0 new, 0 changed, 5 unchanged");
    Map<String, String> before = registerDigest(a.dataSource());
    ImportReport second = importers.importFile(utf8, ImportOptions.defaults());
    assertThat(second.message()).contains("0 new, 0 changed, 5 unchanged").contains("0 households changed");
    assertThat(registerDigest(a.dataSource())).isEqualTo(before);
    assertThat(SyntheticRegister.count(a.dataSource(), "SELECT count(*) FROM household")).isEqualTo(3);
  }

  @Test
  void anEntryChangedSinceTheExportIsRejectedByItsVersion() throws Exception {
    Path exported = export(a.dataSource(), "export.csv", Format.UTF8_WESTERN);
    ImportReport delta = new Importers(a.dataSource()).importFile(SyntheticRegister.utf8(dir, "idou.csv",
        "名簿番号,氏名,生年月日,性別,住所,緯度,経度,要介護度,異動区分\r\n"
            + "1004,試験　桜,2019/05/01,女,沼津市試験町2-5,35.1,138.87,要介護2,変更\r\n"), options());
    assertThat(delta.outcome()).as(delta.summary()).isEqualTo(Outcome.COMMITTED);

    ImportReport stale = new Importers(a.dataSource()).importFile(exported, ImportOptions.defaults());

    assertThat(stale.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(stale.rejections()).extracting(Rejection::row, Rejection::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "更新回数"));
    assertThat(stale.rejections().get(0).reason()).contains("changed after this file was made").contains("更新回数 is now 1");
    assertThat(SyntheticRegister.column(a.dataSource(), "1004", "r.care_level")).isEqualTo("care_2");
  }

  @Test
  void onlyActiveEntriesUnlessAllAreAskedFor() throws Exception {
    new Importers(a.dataSource()).importFile(SyntheticRegister.utf8(dir, "idou.csv",
        "名簿番号,氏名,生年月日,性別,住所,異動区分\r\n1005,,,,,死亡\r\n"), options());
    Path out = dir.resolve("active.csv");
    assertThat(RegisterCsvWriter.export(a.dataSource(), out, null, false, Format.UTF8_WESTERN, () -> false, n -> {}))
        .isEqualTo(4);
    assertThat(Files.readString(out)).doesNotContain("仮名");
  }

  @Test
  void aNameShiftJisCannotHoldFailsTheShiftJisExportNamingRowAndColumn() throws Exception {
    new Importers(a.dataSource()).importFile(SyntheticRegister.utf8(dir, "kanji.csv",
        "名簿番号,姓,名,生年月日,性別,住所,緯度,経度\r\n0999,\uD842\uDFB7田,一,S50.5.5,男,沼津市見守町6-6,35.09,138.86\r\n"),
        options());
    Path out = dir.resolve("sjis.csv");

    assertThatThrownBy(() -> RegisterCsvWriter.export(a.dataSource(), out, null, true, SJIS_WAREKI, () -> false, n -> {}))
        .isInstanceOf(IOException.class).hasMessageContaining("row 1, column 姓").hasMessageContaining("UTF-8")
        .hasMessageNotContaining("田");
    assertThat(out).doesNotExist();
    assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
    assertThat(RegisterCsvWriter.export(a.dataSource(), out, null, true, Format.UTF8_WESTERN, () -> false, n -> {}))
        .isEqualTo(6);
  }

  private static Map<String, String> registerDigest(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection()) {
      Map<String, String> d = new java.util.TreeMap<>(TableDigest.of(c, Set.of()));
      d.remove("import_run"); // every run is recorded, and audited, whatever its outcome
      d.remove("import_rejection");
      d.remove("audit_log");
      return d;
    }
  }
}
