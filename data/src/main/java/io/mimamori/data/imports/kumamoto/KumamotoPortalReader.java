package io.mimamori.data.imports.kumamoto;

import io.mimamori.data.imports.CountingInputStream;
import io.mimamori.data.imports.DistantPoints;
import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.ImportProgress;
import io.mimamori.data.imports.JapanBounds;
import io.mimamori.data.imports.MunicipalityCode;
import io.mimamori.data.imports.ReadResult;
import io.mimamori.data.imports.RowProblem;
import io.mimamori.data.imports.TextEncoding;
import io.mimamori.data.imports.UnreadableFileException;
import io.mimamori.data.imports.csv.CsvFormatException;
import io.mimamori.data.imports.csv.CsvReader;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.imports.Rejection;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Kumamoto prefecture 防災ポータル shelter list with capacities
 * ({@code portal_shelter_capacity.csv}: portal_shelter_id, municipality_code, municipality,
 * shelter_name, address, portal_latitude, portal_longitude, portal_capacity_persons, ... ) into
 * {@link ShelterKind#DESIGNATED_SHELTER} records with source {@value #SOURCE} and the portal id as
 * source id. Columns are found by their header name, so extra or reordered columns are fine.
 * UTF-8 (with or without BOM) and Shift_JIS (CP932) are accepted.
 *
 * <p>A blank capacity is not an error: the portal shows none for many shelters (Kumamoto city has
 * none at all); the shelter is stored with capacity unknown and the count goes into the report.
 * Rejected, one rejection per data row (numbered from 1, the header not counted; the reason gives
 * the file line): a wrong number of columns, an empty id or name, a repeated id, a municipality code
 * that is not six digits with a valid check digit, a missing or non-numeric coordinate or one
 * outside Japan, a capacity that is not a whole number ≥ 0.
 */
public final class KumamotoPortalReader {

  public static final String SOURCE = "kumamoto_portal";
  public static final String KIND = "kumamoto_portal_shelters";

  static final String ID = "portal_shelter_id";
  static final String MUNICIPALITY_CODE = "municipality_code";
  static final String NAME = "shelter_name";
  static final String ADDRESS = "address";
  static final String LATITUDE = "portal_latitude";
  static final String LONGITUDE = "portal_longitude";
  static final String CAPACITY = "portal_capacity_persons";
  static final List<String> REQUIRED = List.of(ID, MUNICIPALITY_CODE, NAME, ADDRESS, LATITUDE, LONGITUDE, CAPACITY);

  private static final int PROGRESS_EVERY = 250;
  /** Farther than this from the rest of its municipality, a shelter's position is named in the report. */
  private static final double FAR_KM = 100;

  private KumamotoPortalReader() {}

  public static ReadResult<Shelter> read(Path file) throws IOException {
    return read(file, ImportOptions.defaults());
  }

  public static ReadResult<Shelter> read(Path file, ImportOptions options) throws IOException {
    String name = file.getFileName().toString();
    Charset charset = TextEncoding.resolve(file, options.charset());
    long size = Files.size(file);
    List<Shelter> shelters = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    Map<String, Integer> rowById = new HashMap<>();
    List<DistantPoints.Located> located = new ArrayList<>();
    int row = 0;
    int withoutCapacity = 0;
    try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
        CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(counted, charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))), ',', charset)) {
      List<String> header = csv.next();
      if (header == null) {
        throw new UnreadableFileException(name, 1, "empty file: expected a header line");
      }
      Map<String, Integer> column = columns(name, header);
      for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
        row++;
        try {
          if (fields.size() != header.size()) {
            throw new RowProblem(null, "expected " + header.size() + " columns, found " + fields.size());
          }
          Shelter s = toShelter(fields, column, rowById, row);
          if (s.capacityPersons() == null) {
            withoutCapacity++;
          }
          shelters.add(s);
          located.add(new DistantPoints.Located(s.municipalityCode(), row, s.location().lon(), s.location().lat()));
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
    List<String> notes = new ArrayList<>();
    notes.add("read as " + charset.name());
    if (withoutCapacity > 0) {
      notes.add(withoutCapacity + " shelters without a capacity (stored as unknown)");
    }
    String far = DistantPoints.note(DistantPoints.rowsFarFromTheirGroup(located, FAR_KM), FAR_KM, "shelters");
    if (far != null) {
      notes.add(far);
    }
    return new ReadResult<>(KIND, name, SOURCE, row, shelters, rejections, notes);
  }

  private static Map<String, Integer> columns(String name, List<String> header) throws UnreadableFileException {
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      column.putIfAbsent(header.get(i).strip(), i);
    }
    for (String required : REQUIRED) {
      if (!column.containsKey(required)) {
        throw new UnreadableFileException(name, 1, "missing column " + required + " in the header (expected " + REQUIRED + ")");
      }
    }
    return column;
  }

  private static Shelter toShelter(List<String> fields, Map<String, Integer> column, Map<String, Integer> rowById, int row)
      throws RowProblem {
    String id = value(fields, column, ID);
    if (id == null) {
      throw new RowProblem(ID, "missing or empty: every row needs the portal's shelter id");
    }
    Integer earlier = rowById.putIfAbsent(id, row);
    if (earlier != null) {
      throw new RowProblem(ID, "duplicate id: row " + earlier + " has the same one");
    }
    String code = value(fields, column, MUNICIPALITY_CODE);
    if (!MunicipalityCode.isValid(code)) {
      throw new RowProblem(MUNICIPALITY_CODE, "expected a six-digit municipality code with a valid check digit");
    }
    String shelterName = value(fields, column, NAME);
    if (shelterName == null) {
      throw new RowProblem(NAME, "missing or empty: expected the shelter's name");
    }
    double lat = number(fields, column, LATITUDE);
    double lon = number(fields, column, LONGITUDE);
    JapanBounds.check(LATITUDE + "/" + LONGITUDE, lon, lat);
    Integer capacity = capacity(value(fields, column, CAPACITY));
    return new Shelter(code, ShelterKind.DESIGNATED_SHELTER, shelterName, value(fields, column, ADDRESS),
        LonLat.of(lon, lat), null, null, null, null, capacity, null, null, SOURCE, id);
  }

  private static String value(List<String> fields, Map<String, Integer> column, String name) {
    String v = fields.get(column.get(name)).strip();
    return v.isEmpty() ? null : v;
  }

  private static double number(List<String> fields, Map<String, Integer> column, String name) throws RowProblem {
    String v = value(fields, column, name);
    if (v == null) {
      throw new RowProblem(name, "missing: expected decimal degrees");
    }
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new RowProblem(name, "not a number: expected decimal degrees");
    }
  }

  private static Integer capacity(String v) throws RowProblem {
    if (v == null) {
      return null;
    }
    if (!v.matches("\\d{1,9}")) {
      throw new RowProblem(CAPACITY, "expected a whole number of persons ≥ 0, or blank when unknown");
    }
    return Integer.parseInt(v);
  }
}
