package io.mimamori.server.cli;

import io.mimamori.data.imports.ImportMode;
import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.Importers;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.Rejection;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * {@code mimamori import [--keep-valid] [--charset=NAME] [--municipality=CODE]
 * [--mark-missing-moved-away] [--operator=LOGIN] FILE_OR_FOLDER...}: imports each file (folders are
 * searched for .geojson, .json, .csv and .gml), printing one summary line per file and one line per
 * rejected row. The last three options concern register files only: every register file's run is
 * audited as an import by the account named by {@code --operator} (else the operating-system user),
 * with the file name and counts. Exit 0 only when every file was stored
 * whole ({@code --keep-valid}: stored at all).
 */
final class ImportCommand {

  private ImportCommand() {}

  static int run(DataSource ds, List<String> args, PrintStream out, BooleanSupplier cancelled) throws SQLException {
    List<Path> paths = new ArrayList<>();
    ImportOptions options = ImportOptions.defaults().withCancellation(cancelled);
    String operator = null;
    for (String a : args) {
      if (a.startsWith(CliOperator.OPTION)) {
        operator = a.substring(CliOperator.OPTION.length());
      } else if (a.equals("--keep-valid")) {
        options = options.withMode(ImportMode.KEEP_VALID);
      } else if (a.startsWith("--charset=")) {
        String name = a.substring("--charset=".length());
        if (!Charset.isSupported(name)) {
          throw new IllegalArgumentException("unknown charset '" + name + "' (for Shift_JIS use windows-31j)");
        }
        options = options.withCharset(Charset.forName(name));
      } else if (a.startsWith("--municipality=")) {
        options = options.withRegister(options.register().withMunicipalityCode(a.substring("--municipality=".length())));
      } else if (a.equals("--mark-missing-moved-away")) {
        options = options.withRegister(options.register().withMarkMissingMovedAway(true));
      } else if (a.startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + a
            + "; options: --keep-valid, --charset=NAME, --municipality=CODE, --mark-missing-moved-away, --operator=LOGIN");
      } else {
        paths.add(Path.of(a));
      }
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("usage: mimamori import [--keep-valid] [--charset=NAME] [--municipality=CODE]"
          + " [--mark-missing-moved-away] [--operator=LOGIN] FILE_OR_FOLDER...");
    }
    options = options.withRegister(options.register().withOperator(CliOperator.resolve(ds, operator)));
    ProgressBar bar = new ProgressBar(out);
    options = options.withProgress((file, phase, done, total) ->
        bar.update(phase.name().toLowerCase(), total <= 0 ? 0 : (double) done / total));
    List<ImportReport> reports = new Importers(ds).importAll(paths, options);
    bar.done();
    boolean allStored = true;
    for (ImportReport r : reports) {
      out.println(r.summary());
      for (Rejection rejection : r.rejections()) {
        out.println("  " + rejection);
      }
      allStored &= r.stored() && (r.rejections().isEmpty() || options.mode() == ImportMode.KEEP_VALID);
    }
    return allStored ? 0 : 1;
  }
}
