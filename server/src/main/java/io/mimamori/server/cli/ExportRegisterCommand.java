package io.mimamori.server.cli;

import io.mimamori.data.imports.MunicipalityCode;
import io.mimamori.data.imports.TextEncoding;
import io.mimamori.data.imports.register.ImportOperator;
import io.mimamori.data.imports.register.JapaneseDates;
import io.mimamori.data.imports.register.RegisterCsvWriter;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * {@code mimamori export-register [--charset=utf-8|shift_jis] [--dates=western|wareki]
 * [--municipality=CODE] [--all] FILE}: writes the register as a register file that {@code mimamori
 * import} reads back (UTF-8 with BOM by default; western dates). Active entries only unless
 * {@code --all}. The export is recorded in the audit log before the file is written (the whole
 * register leaves the database) and again when it is complete, with the row count, as action
 * {@code export} by the account named by {@code --operator=LOGIN}, else by
 * {@code cli:<operating-system user>}; the detail holds the file name and options, never a value.
 */
final class ExportRegisterCommand {

  static final String USAGE =
      "usage: mimamori export-register [--charset=utf-8|shift_jis] [--dates=western|wareki] [--municipality=CODE] [--all]"
          + " [--operator=LOGIN] FILE";

  private ExportRegisterCommand() {}

  static int run(DataSource ds, List<String> args, PrintStream out, BooleanSupplier cancelled) throws Exception {
    Charset charset = StandardCharsets.UTF_8;
    JapaneseDates.Style dates = JapaneseDates.Style.WESTERN;
    String municipality = null;
    boolean all = false;
    String operator = null;
    List<Path> files = new ArrayList<>();
    for (String a : args) {
      String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
      if (a.startsWith(CliOperator.OPTION)) {
        operator = value;
      } else if (a.startsWith("--charset=")) {
        charset = switch (value.toLowerCase(Locale.ROOT)) {
          case "utf-8", "utf8" -> StandardCharsets.UTF_8;
          case "shift_jis", "sjis", "cp932", "windows-31j" -> TextEncoding.SHIFT_JIS;
          default -> throw new IllegalArgumentException("--charset is utf-8 or shift_jis");
        };
      } else if (a.startsWith("--dates=")) {
        dates = switch (value.toLowerCase(Locale.ROOT)) {
          case "western" -> JapaneseDates.Style.WESTERN;
          case "wareki" -> JapaneseDates.Style.WAREKI;
          default -> throw new IllegalArgumentException("--dates is western (2024/04/01) or wareki (令和6年4月1日)");
        };
      } else if (a.startsWith("--municipality=")) {
        if (!MunicipalityCode.isValid(value)) {
          throw new IllegalArgumentException("--municipality must be a six-digit code with a valid check digit");
        }
        municipality = value;
      } else if (a.equals("--all")) {
        all = true;
      } else if (a.startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + a + "; " + USAGE);
      } else {
        files.add(Path.of(a));
      }
    }
    if (files.size() != 1) {
      throw new IllegalArgumentException(USAGE);
    }
    ImportOperator who = CliOperator.resolve(ds, operator);
    String what = "file=" + files.get(0).getFileName() + " charset=" + (charset.equals(StandardCharsets.UTF_8) ? "utf-8" : "shift_jis")
        + " dates=" + dates.name().toLowerCase(Locale.ROOT) + " entries=" + (all ? "all" : "active")
        + (municipality == null ? "" : " municipality=" + municipality);
    String purpose = "register file export (" + (all ? "all entries" : "active entries") + ", command line)";
    // recorded before the file is written (an attempt that fails half-way is on record too), and when done
    audit(ds, who, purpose, what + " started");
    long rows = RegisterCsvWriter.export(ds, files.get(0), municipality, all, new RegisterCsvWriter.Format(charset, dates),
        cancelled, n -> {
          if (n > 0 && n % 50_000 == 0) {
            out.println("  " + n + " rows");
          }
        });
    audit(ds, who, purpose, what + " rows=" + rows + " completed");
    out.println("register exported: " + rows + " rows to " + files.get(0) + " ("
        + (charset.equals(StandardCharsets.UTF_8) ? "UTF-8 with BOM" : "Shift_JIS") + ", "
        + dates.name().toLowerCase(Locale.ROOT) + " dates)");
    return 0;
  }

  private static void audit(DataSource ds, ImportOperator who, String purpose, String detail) throws SQLException {
    new AuditLog(ds).append(List.of(new AuditEntry(Instant.now(), who.userId(), who.login(), "export", purpose, "resident",
        List.of(), null, detail)));
  }
}
