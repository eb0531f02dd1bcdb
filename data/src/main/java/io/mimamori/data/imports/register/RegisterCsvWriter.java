package io.mimamori.data.imports.register;

import static io.mimamori.data.imports.register.RegisterColumn.*;

import io.mimamori.data.imports.TextEncoding;
import io.mimamori.data.imports.register.JapaneseDates.Style;
import io.mimamori.layers.register.HouseholdRow;
import io.mimamori.layers.register.RegisterFileRow;
import io.mimamori.layers.register.RegisterExportStore;
import io.mimamori.layers.register.ResidentRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * Exports the register as a register file in the shape the importer reads: the Japanese headers of
 * {@link RegisterColumn#exported()}, one row per resident in 名簿番号 order, canonical wording (男/女,
 * 要介護3, 身体、知的, はい/いいえ ...), CRLF line ends. UTF-8 is written with a byte order mark (so
 * Excel reads it as UTF-8), Shift_JIS as CP932; dates in wareki (令和6年4月1日) or western
 * (2024/04/01) form. Households without a 世帯番号 get {@code H} and their id, which an import of the
 * file into the same database recognises. Export then import gives the same register.
 *
 * <p>Shift_JIS cannot hold every character: MINUS SIGN and WAVE DASH are written as their CP932
 * full-width forms; any other character it cannot hold fails the export, naming row and column
 * (choose UTF-8 then). The file appears only when complete.
 */
public final class RegisterCsvWriter {

  /** How the file is written: UTF-8 (with BOM) or Shift_JIS (windows-31j), and the date style. */
  public record Format(Charset charset, Style dates) {

    public static final Format UTF8_WESTERN = new Format(StandardCharsets.UTF_8, Style.WESTERN);

    public Format {
      if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(TextEncoding.SHIFT_JIS)) {
        throw new IllegalArgumentException("a register file is written as UTF-8 or Shift_JIS (windows-31j)");
      }
    }
  }

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final int PROGRESS_EVERY = 1_000;

  private RegisterCsvWriter() {}

  /**
   * Writes the register of {@code municipality} (null: every municipality) to {@code out}; only
   * active entries unless {@code allStatuses}. Returns the rows written. Checks {@code cancelled}
   * every {@value #PROGRESS_EVERY} rows and tells {@code progress} the rows written so far.
   */
  public static long export(DataSource dataSource, Path out, String municipality, boolean allStatuses, Format format,
      BooleanSupplier cancelled, LongConsumer progress) throws IOException, SQLException {
    Path target = out.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    long[] rows = {0};
    try {
      try (OutputStream stream = Files.newOutputStream(temp);
          Writer w = new BufferedWriter(new OutputStreamWriter(stream, format.charset().newEncoder()))) {
        if (format.charset().equals(StandardCharsets.UTF_8)) {
          stream.write(UTF8_BOM);
        }
        CharsetEncoder encoder = format.charset().newEncoder();
        List<RegisterColumn> columns = exported();
        List<String> header = columns.stream().map(RegisterColumn::header).toList();
        writeLine(w, header, encoder, 0, header);
        new RegisterExportStore(dataSource).export(municipality, allStatuses, row -> {
          rows[0]++;
          writeLine(w, cells(row, format.dates()), encoder, rows[0], header);
          if (rows[0] % PROGRESS_EVERY == 0) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
              throw new CancellationException("export cancelled");
            }
            progress.accept(rows[0]);
          }
        });
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    progress.accept(rows[0]);
    return rows[0];
  }

  /** The cells of one resident, in the order of {@link RegisterColumn#exported()}. */
  static List<String> cells(RegisterFileRow row, Style dates) {
    ResidentRow r = row.resident();
    HouseholdRow h = row.household().row();
    List<String> out = new ArrayList<>();
    for (RegisterColumn c : exported()) {
      out.add(switch (c) {
        case REGISTER_NO -> r.registerNo();
        case MUNICIPALITY_CODE -> r.municipalityCode();
        case FAMILY_NAME -> r.familyName();
        case GIVEN_NAME -> r.givenName();
        case FAMILY_NAME_KANA -> r.familyNameKana();
        case GIVEN_NAME_KANA -> r.givenNameKana();
        case BIRTH_DATE -> JapaneseDates.format(r.birthDate(), dates);
        case SEX -> RegisterValues.SEX.wording(r.sex());
        case ADDRESS -> h.address();
        case PHONE -> r.phone();
        case LATITUDE -> Double.toString(h.home().lat());
        case LONGITUDE -> Double.toString(h.home().lon());
        case CARE_LEVEL -> RegisterValues.CARE_LEVEL.wording(r.careLevel());
        case DISABILITY_TYPES -> RegisterValues.wordings(RegisterValues.DISABILITY, r.disabilityTypes());
        case PHYSICAL_GRADE -> r.physicalDisabilityGrade() == null ? null : r.physicalDisabilityGrade() + "級";
        case INTELLECTUAL_GRADE -> r.intellectualDisabilityGrade();
        case MENTAL_GRADE -> r.mentalDisabilityGrade() == null ? null : r.mentalDisabilityGrade() + "級";
        case SEVERE_MOTOR_INTELLECTUAL -> yesNo(r.severeMotorIntellectual());
        case MEDICAL_DEVICES -> RegisterValues.wordings(RegisterValues.DEVICES, r.medicalDevices());
        case VENTILATOR_24H -> yesNo(r.ventilator24h());
        case INFO_SUPPORT -> yesNo(r.needsInfoSupport());
        case DECISION_SUPPORT -> yesNo(r.needsDecisionSupport());
        case SCHOOL_STATUS -> RegisterValues.SCHOOL.wording(r.schoolStatus());
        case HOUSEHOLD_NO -> row.household().householdNo();
        case COMPOSITION -> RegisterValues.COMPOSITION.wording(h.composition());
        case MEMBER_COUNT -> Integer.toString(h.memberCount());
        case FAMILY_FRAIL -> yesNo(h.familyFrail());
        case ALONE_DAYTIME -> yesNo(h.aloneDaytime());
        case REGISTER_STATUS -> RegisterValues.STATUS.wording(r.registerStatus());
        case REGISTERED_ON -> JapaneseDates.format(r.registeredOn(), dates);
        case VERSION -> Integer.toString(row.version());
        default -> throw new IllegalStateException("no export for " + c);
      });
    }
    return out;
  }

  private static String yesNo(boolean b) {
    return b ? "はい" : "いいえ";
  }

  private static void writeLine(Writer w, List<String> cells, CharsetEncoder encoder, long row, List<String> header)
      throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      String v = cells.get(i);
      if (v == null) {
        continue;
      }
      if (encoder.charset().equals(TextEncoding.SHIFT_JIS)) {
        v = v.replace('\u2212', '\uFF0D').replace('\u301C', '\uFF5E');
        if (!encoder.canEncode(v)) {
          throw new IOException("row " + row + ", column " + header.get(i)
              + ": holds a character Shift_JIS (CP932) cannot write; export as UTF-8");
        }
      }
      w.write(quoted(v));
    }
    w.write("\r\n");
  }

  /** RFC 4180: a field with a comma, quote, line break or edge whitespace is quoted, quotes doubled. */
  static String quoted(String v) {
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
        || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))));
    return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
