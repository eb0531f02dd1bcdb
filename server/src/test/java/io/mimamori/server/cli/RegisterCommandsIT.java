package io.mimamori.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.data.imports.TextEncoding;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.testing.TestPostgis;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mimamori import register.csv} and {@code mimamori export-register}, on made-up people. */
class RegisterCommandsIT {

  private static final String FILE = "名簿番号,氏名,フリガナ,生年月日,性別,住所,緯度,経度,要介護度,世帯番号\r\n"
      + "7001,見守　一,ミマモリ　ハジメ,昭和10年1月1日,男,沼津市見守町1-1,35.09,138.86,要介護5,S-1\r\n"
      + "7002,見守　二,ミマモリ　フタバ,昭和12年2月2日,女,沼津市見守町1-1,,,要介護1,S-1\r\n";

  @TempDir Path dir;

  @Test
  void aRegisterFileImportsByItsHeaderAndExportsBackAsShiftJisWareki() throws Exception {
    Path in = dir.resolve("meibo.csv");
    Files.write(in, FILE.getBytes(TextEncoding.SHIFT_JIS));
    try (Database db = Database.open(TestPostgis.freshDatabase("register_cli"), 2)) {
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

      int imported = ImportCommand.run(db.dataSource(), List.of("--municipality=222038", in.toString()), out, () -> false);
      assertThat(imported).as(console.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(console.toString(StandardCharsets.UTF_8)).contains("register meibo.csv: committed, 2 read, 2 stored");

      Path exported = dir.resolve("out.csv");
      int code = ExportRegisterCommand.run(db.dataSource(), List.of("--charset=shift_jis", "--dates=wareki",
          exported.toString()), out, () -> false);
      assertThat(code).isZero();
      assertThat(console.toString(StandardCharsets.UTF_8)).contains("register exported: 2 rows").contains("Shift_JIS");
      String text = new String(Files.readAllBytes(exported), TextEncoding.SHIFT_JIS);
      assertThat(text).startsWith("名簿番号,市区町村コード,姓,名").contains("7001,222038,見守,一,ミマモリ,ハジメ,昭和10年1月1日,男")
          .contains(",S-1,");
      List<AuditEntry> audit = new AuditLog(db.dataSource()).about("resident", 0, 5);
      assertThat(audit).isEmpty(); // no record ids: the entries are about the whole register
      assertThat(new AuditLog(db.dataSource()).verify().entriesChecked()).isEqualTo(3); // import, export started, done

      // the export imports back into the same register without a change
      console.reset();
      assertThat(ImportCommand.run(db.dataSource(), List.of(exported.toString()), out, () -> false)).isZero();
      assertThat(console.toString(StandardCharsets.UTF_8)).contains("0 new, 0 changed, 2 unchanged");
    }
  }

  @Test
  void importsAndExportsAreAuditedWithOperatorFileAndCountsButNoValues() throws Exception {
    Path in = dir.resolve("idou_202405.csv");
    Files.write(in, FILE.getBytes(StandardCharsets.UTF_8));
    Path broken = dir.resolve("meibo_broken.csv");
    Files.write(broken, (FILE + "7003,見守　三,ミマモリ　ミツ,昭和99年1月1日,女,沼津市見守町2-2,35.09,138.86,なし,S-2\r\n")
        .getBytes(StandardCharsets.UTF_8));
    try (Database db = Database.open(TestPostgis.freshDatabase("register_cli_audit"), 2)) {
      long operatorId = new AccountStore(db.dataSource()).create("admin.kudo", "工藤", new PasswordHasher().hash(
          "synthetic passphrase 42".toCharArray()), "222038", List.of(RoleGrant.everywhere(Role.ADMIN)));
      new AccountStore(db.dataSource()).create("dispatch.kudo", "工藤", new PasswordHasher().hash(
          "synthetic passphrase 42".toCharArray()), "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
      PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

      assertThat(ImportCommand.run(db.dataSource(), List.of("--municipality=222038", "--operator=admin.kudo",
          in.toString()), out, () -> false)).isZero();
      assertThat(ImportCommand.run(db.dataSource(), List.of("--municipality=222038", broken.toString()), out,
          () -> false)).isEqualTo(1);
      Path exported = dir.resolve("export.csv");
      assertThat(ExportRegisterCommand.run(db.dataSource(), List.of("--operator=admin.kudo", exported.toString()), out,
          () -> false)).isZero();
      assertThatThrownBy(() -> ImportCommand.run(db.dataSource(), List.of("--operator=nobody", in.toString()), out,
          () -> false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no account");
      assertThatThrownBy(() -> ExportRegisterCommand.run(db.dataSource(), List.of("--operator=dispatch.kudo",
          exported.toString()), out, () -> false)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not an enabled admin or planner");

      List<String> rows = new ArrayList<>();
      try (var c = db.dataSource().getConnection(); var rs = c.createStatement().executeQuery(
          "SELECT coalesce(user_id, 0) || '|' || login || '|' || action || '|' || purpose || '|' || record_type || '|'"
              + " || cardinality(record_ids) || '|' || detail FROM audit_log ORDER BY seq")) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      String os = "cli:" + System.getProperty("user.name");
      assertThat(rows).containsExactly(
          operatorId + "|admin.kudo|import|register file import (command line)|resident|0|file=idou_202405.csv"
              + " outcome=committed mode=all_or_nothing rows_read=2 rows_stored=2 rows_rejected=0 new=2 changed=0"
              + " unchanged=0 status_changes=0 new_households=1",
          "0|" + os + "|import|register file import (command line)|resident|0|file=meibo_broken.csv outcome=rejected"
              + " mode=all_or_nothing rows_read=3 rows_stored=0 rows_rejected=1",
          operatorId + "|admin.kudo|export|register file export (active entries, command line)|resident|0|file=export.csv"
              + " charset=utf-8 dates=western entries=active started",
          operatorId + "|admin.kudo|export|register file export (active entries, command line)|resident|0|file=export.csv"
              + " charset=utf-8 dates=western entries=active rows=2 completed");
      for (String row : rows) {
        assertThat(row).doesNotContain("見守").doesNotContain("ミマモリ").doesNotContain("138.86").doesNotContain("昭和");
      }
      assertThat(new AuditLog(db.dataSource()).verify().intact()).isTrue();
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThatThrownBy(() -> ExportRegisterCommand.run(null, List.of("--dates=showa", "x.csv"), System.out, () -> false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wareki");
    assertThatThrownBy(() -> ExportRegisterCommand.run(null, List.of(), System.out, () -> false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage");
    assertThatThrownBy(() -> ImportCommand.run(null, List.of("--municipality=123456", "x.csv"), System.out, () -> false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check digit");
  }
}
