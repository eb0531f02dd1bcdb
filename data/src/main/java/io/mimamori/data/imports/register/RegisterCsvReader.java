package io.mimamori.data.imports.register;

import static io.mimamori.data.imports.register.RegisterColumn.*;

import io.mimamori.data.imports.CountingInputStream;
import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.ImportProgress;
import io.mimamori.data.imports.JapanBounds;
import io.mimamori.data.imports.MunicipalityCode;
import io.mimamori.data.imports.RowProblem;
import io.mimamori.data.imports.TextEncoding;
import io.mimamori.data.imports.UnreadableFileException;
import io.mimamori.data.imports.csv.CsvFormatException;
import io.mimamori.data.imports.csv.CsvReader;
import io.mimamori.data.imports.register.RegisterEntry.Home;
import io.mimamori.data.imports.register.RegisterEntry.Person;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.imports.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a register file (避難行動要支援者名簿 CSV, UTF-8 or Shift_JIS) into entries that are valid on
 * their own, and one rejection per bad row (data rows numbered from 1; the reason gives the file
 * line), without touching the database. Columns are found by the {@link RegisterColumn} dictionary.
 * Within the file it rejects: a 名簿番号 given twice; the same person (name, date of birth and
 * address) under two numbers; rows of one 世帯番号 with different addresses or household types.
 * Reasons say what was expected and name the other row; they never repeat a personal value.
 */
public final class RegisterCsvReader {

  private static final int PROGRESS_EVERY = 250;
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1890, 1, 1);

  /**
   * What the reader made of one file. {@code numbersInFile}: every 名簿番号 seen, rejected rows' too;
   * {@code municipalityCode}: from the file's column or the import's option, else null.
   */
  public record RegisterFile(
      String file, Charset charset, RegisterHeader header, int rowsRead, List<RegisterEntry> entries,
      List<Rejection> rejections, Set<String> numbersInFile, int rowsWithoutNumber, String municipalityCode) {

    /** True when the file carries 異動区分. */
    public boolean delta() {
      return header.isDelta();
    }
  }

  private RegisterCsvReader() {}

  public static RegisterFile read(Path file, ImportOptions options) throws IOException {
    String name = file.getFileName().toString();
    Charset charset = TextEncoding.resolve(file, options.charset());
    long size = Files.size(file);
    LocalDate today = LocalDate.now();
    List<RegisterEntry> entries = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    Map<String, Integer> rowByNumber = new HashMap<>();
    Set<String> numbers = new LinkedHashSet<>();
    int withoutNumber = 0;
    int row = 0;
    RegisterHeader header;
    String municipality = options.register().municipalityCode();
    try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
        CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(counted, charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))), ',', charset)) {
      List<String> first = csv.next();
      if (first == null) {
        throw new UnreadableFileException(name, 1, "empty file: expected a header line");
      }
      header = RegisterHeader.of(name, first);
      for (List<String> cells = csv.next(); cells != null; cells = csv.next()) {
        row++;
        try {
          if (cells.size() != header.width()) {
            throw new RowProblem(null, "expected " + header.width() + " columns, found " + cells.size());
          }
          String number = JapaneseText.token(header.cell(cells, REGISTER_NO));
          if (number == null) {
            withoutNumber++;
            throw new RowProblem(header.headerOf(REGISTER_NO), "missing: every entry needs its 名簿番号");
          }
          numbers.add(number);
          Integer earlier = rowByNumber.putIfAbsent(number, row);
          if (earlier != null) {
            throw new RowProblem(header.headerOf(REGISTER_NO), "the same 名簿番号 as row " + earlier);
          }
          String code = municipality(header, cells);
          if (code != null && municipality == null) {
            municipality = code;
          } else if (code != null && !code.equals(municipality)) {
            throw new RowProblem(header.headerOf(MUNICIPALITY_CODE),
                "one municipality per file: expected the code of the first row (or of the import's option)");
          }
          entries.add(entry(header, cells, row, csv.recordLine(), number, code, today));
        } catch (RowProblem p) {
          rejections.add(new Rejection(name, row, p.field(), p.reason() + " (line " + csv.recordLine() + ")"));
        }
        if (row % PROGRESS_EVERY == 0) {
          options.checkCancelled(name);
          options.progress().update(name, ImportProgress.Phase.READING, counted.count(), size);
        }
      }
    } catch (CsvFormatException e) {
      throw new UnreadableFileException(name, e.line(), "not valid CSV: " + e.getMessage().replaceFirst("^line \\d+: ", ""), e);
    } catch (CharacterCodingException e) {
      throw new UnreadableFileException(name, 0, "not valid " + charset.name() + " text", e);
    }
    options.progress().update(name, ImportProgress.Phase.READING, size, size);
    entries = acrossRows(name, header, entries, rejections);
    rejections.sort(Comparator.comparingInt(Rejection::row));
    return new RegisterFile(name, charset, header, row, entries, rejections, numbers, withoutNumber, municipality);
  }

  /** Checks that need several rows: the same person twice, households that disagree. */
  private static List<RegisterEntry> acrossRows(String name, RegisterHeader h, List<RegisterEntry> entries,
      List<Rejection> rejections) {
    Map<String, RegisterEntry> byPerson = new HashMap<>();
    Map<String, RegisterEntry> byHousehold = new HashMap<>();
    Map<String, Integer> householdRows = new HashMap<>();
    List<RegisterEntry> kept = new ArrayList<>();
    for (RegisterEntry e : entries) {
      if (e.person() == null) {
        kept.add(e);
        continue;
      }
      String problemField = null;
      String problem = null;
      RegisterEntry same = byPerson.putIfAbsent(e.person().identity() + "|" + e.home().addressKey(), e);
      if (same != null) {
        problemField = h.headerOf(h.has(FULL_NAME) ? FULL_NAME : FAMILY_NAME);
        problem = "the same person (name, date of birth and address) as row " + same.row() + ", under another 名簿番号";
      }
      String no = e.home().householdNo();
      if (problem == null && no != null) {
        RegisterEntry firstOfHousehold = byHousehold.putIfAbsent(no, e);
        int members = householdRows.merge(no, 1, Integer::sum);
        if (firstOfHousehold != null) {
          Home a = firstOfHousehold.home();
          Home b = e.home();
          if (!a.addressKey().equals(b.addressKey())) {
            problemField = h.headerOf(ADDRESS);
            problem = "differs from the address of row " + firstOfHousehold.row() + ", which has the same 世帯番号";
          } else if (a.composition() != null && b.composition() != null && !a.composition().equals(b.composition())) {
            problemField = h.headerOf(COMPOSITION);
            problem = "differs from row " + firstOfHousehold.row() + ", which has the same 世帯番号";
          } else if ("alone".equals(a.composition()) || "alone".equals(b.composition())) {
            problemField = h.headerOf(COMPOSITION);
            problem = "単身 (living alone), yet row " + firstOfHousehold.row() + " has the same 世帯番号";
          }
          if (problem != null) {
            householdRows.merge(no, -1, Integer::sum);
          }
        }
        if (problem == null && e.home().memberCount() != null && e.home().memberCount() < members) {
          problemField = h.headerOf(MEMBER_COUNT);
          problem = "fewer people than the rows with this 世帯番号 (" + members + ")";
        }
      }
      if (problem == null) {
        kept.add(e);
      } else {
        rejections.add(new Rejection(name, e.row(), problemField, problem + " (line " + e.line() + ")"));
      }
    }
    return kept;
  }

  private static String municipality(RegisterHeader h, List<String> cells) throws RowProblem {
    if (!h.has(MUNICIPALITY_CODE)) {
      return null;
    }
    String code = JapaneseText.token(h.cell(cells, MUNICIPALITY_CODE));
    if (code != null && code.matches("\\d{5}")) {
      code = MunicipalityCode.withCheckDigit(code);
    }
    if (!MunicipalityCode.isValid(code)) {
      throw new RowProblem(h.headerOf(MUNICIPALITY_CODE),
          "expected a municipality code: five digits, or six with a valid check digit");
    }
    return code;
  }

  private static RegisterEntry entry(RegisterHeader h, List<String> cells, int row, long line, String number,
      String code, LocalDate today) throws RowProblem {
    RegisterChange change = null;
    if (h.isDelta()) {
      change = RegisterChange.valueOf(
          RegisterValues.one(h.cell(cells, CHANGE), RegisterChange.vocabulary(), h.headerOf(CHANGE), null));
    }
    Integer version = version(h, cells);
    if (change != null && change.statusOnly()) {
      return new RegisterEntry(row, line, change, number, code, null, null, version);
    }
    Person person = RegisterRowParser.person(h, cells, change, today, EARLIEST_BIRTH);
    Home home = home(h, cells);
    return new RegisterEntry(row, line, change, number, code, person, home, version);
  }

  private static Integer version(RegisterHeader h, List<String> cells) throws RowProblem {
    String v = JapaneseText.token(h.cell(cells, VERSION));
    if (v == null) {
      return null;
    }
    if (!v.matches("\\d{1,9}")) {
      throw new RowProblem(h.headerOf(VERSION), "expected a whole number (the 更新回数 of an export) or blank");
    }
    return Integer.parseInt(v);
  }

  private static Home home(RegisterHeader h, List<String> cells) throws RowProblem {
    String address = JapaneseText.blankToNull(h.cell(cells, ADDRESS));
    if (address == null) {
      throw new RowProblem(h.headerOf(ADDRESS), "missing: every entry needs the home address");
    }
    LonLat at = location(h, cells);
    String composition = RegisterValues.one(h.cell(cells, COMPOSITION), RegisterValues.COMPOSITION,
        h.headerOf(COMPOSITION), "");
    composition = composition.isEmpty() ? null : composition;
    Integer members = null;
    String m = JapaneseText.token(h.cell(cells, MEMBER_COUNT));
    if (m != null) {
      String digits = m.replaceFirst("人$", "");
      if (!digits.matches("\\d{1,2}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 30) {
        throw new RowProblem(h.headerOf(MEMBER_COUNT), "expected a number of people from 1 to 30, or blank");
      }
      members = Integer.parseInt(digits);
    }
    if ("alone".equals(composition) && members != null && members != 1) {
      throw new RowProblem(h.headerOf(MEMBER_COUNT), "単身 (living alone) means 1 person");
    }
    Boolean frail = h.has(FAMILY_FRAIL) ? RegisterValues.yesNo(h.cell(cells, FAMILY_FRAIL), h.headerOf(FAMILY_FRAIL)) : null;
    Boolean daytime = h.has(ALONE_DAYTIME) ? RegisterValues.yesNo(h.cell(cells, ALONE_DAYTIME), h.headerOf(ALONE_DAYTIME))
        : null;
    return new Home(JapaneseText.token(h.cell(cells, HOUSEHOLD_NO)), address, JapaneseText.addressKey(address), at,
        composition, members, frail, daytime);
  }

  /** The home point from 緯度/経度, or null when both are blank (or absent): then it is geocoded. */
  private static LonLat location(RegisterHeader h, List<String> cells) throws RowProblem {
    String lat = JapaneseText.token(h.cell(cells, LATITUDE));
    String lon = JapaneseText.token(h.cell(cells, LONGITUDE));
    if (lat == null && lon == null) {
      return null;
    }
    String both = h.headerOf(LATITUDE) + "/" + h.headerOf(LONGITUDE);
    if (lat == null || lon == null) {
      throw new RowProblem(both, "give both 緯度 and 経度, or neither (then the address is located)");
    }
    double la = degrees(lat, h.headerOf(LATITUDE));
    double lo = degrees(lon, h.headerOf(LONGITUDE));
    if (!JapanBounds.contains(lo, la)) {
      // the point is someone's home: say what was expected, not where it is
      throw new RowProblem(both, "the point is outside Japan: expected 緯度 " + JapanBounds.MIN_LAT + "–"
          + JapanBounds.MAX_LAT + " and 経度 " + JapanBounds.MIN_LON + "–" + JapanBounds.MAX_LON
          + (JapanBounds.contains(la, lo) ? " (緯度 and 経度 look swapped)" : ""));
    }
    return LonLat.of(lo, la);
  }

  private static double degrees(String s, String field) throws RowProblem {
    if (!s.matches("[+-]?\\d{1,3}(\\.\\d+)?")) {
      throw new RowProblem(field, "not a number: expected decimal degrees such as 34.9876");
    }
    return Double.parseDouble(s);
  }
}
