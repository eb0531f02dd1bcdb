package io.mimamori.data.imports.gsi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.data.imports.CountingInputStream;
import io.mimamori.data.imports.DistantPoints;
import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.ImportProgress;
import io.mimamori.data.imports.JapanBounds;
import io.mimamori.data.imports.MunicipalityCode;
import io.mimamori.data.imports.ReadResult;
import io.mimamori.data.imports.RowProblem;
import io.mimamori.data.imports.UnreadableFileException;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.imports.Rejection;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the GSI's 指定緊急避難場所・指定避難所データ GeoJSON: either the nationwide files
 * ({@code mergeFromCity_2.geojson}: evacuation sites, {@code mergeFromCity_1.geojson}: shelters)
 * or per-municipality extracts ({@code emergency_<code>.geojson}, {@code evacuation_<code>.geojson}).
 * Which list a file is comes from its name, else from the properties of its first feature (hazard
 * flags mean evacuation sites).
 *
 * <p>Evacuation sites become {@link ShelterKind#EVACUATION_SITE} with the hazards whose flag is
 * "1" (columns named as {@link HazardType#japanese()}). Shelters become
 * {@link ShelterKind#DESIGNATED_SHELTER}, or {@link ShelterKind#WELFARE_SHELTER} when 受入対象者 is
 * filled in; its wording is kept and read into codes by {@link TargetGroups}. Source "gsi",
 * source id the 共通ID; the municipality code comes from the file name, else from the 共通ID.
 *
 * <p>Rejected, one rejection per feature (numbered from 1): missing or non-Point geometry, points
 * outside Japan, an empty name or 共通ID, a flag other than "1", "" (or the numbers 1 and 0), a
 * 共通ID already used earlier in the file. Not JSON, not a FeatureCollection, or not UTF-8:
 * {@link UnreadableFileException}. Reads in a stream, so the nationwide files fit in memory as
 * records only.
 */
public final class GsiShelterReader {

  public static final String SOURCE = "gsi";

  /** The two lists the GSI publishes. */
  public enum ListType {
    EVACUATION_SITES("gsi_evacuation_sites"),
    SHELTERS("gsi_shelters");

    private final String kind;

    ListType(String kind) {
      this.kind = kind;
    }

    /** The import kind recorded for a run of this list. */
    public String kind() {
      return kind;
    }
  }

  static final String COMMON_ID = "共通ID";
  static final String NAME = "施設・場所名";
  static final String ADDRESS = "住所";
  static final String TARGETS = "受入対象者";
  static final String REMARKS = "備考";
  static final String OTHER_MATTERS = "その他市町村長が必要と認める事項";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PROGRESS_EVERY = 250;
  /** Farther than this from the rest of its municipality, a place's position is named in the report. */
  private static final double FAR_KM = 100;

  private final String name;
  private final Optional<String> fileMunicipality;
  private final ImportOptions options;
  private ListType listType;
  private final List<Shelter> shelters = new ArrayList<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final Map<String, Integer> featureByCommonId = new HashMap<>();
  private final List<DistantPoints.Located> located = new ArrayList<>();
  private int welfare;
  private int unrecognisedWording;
  private int sitesWithoutHazard;

  private GsiShelterReader(String name, ImportOptions options) {
    this.name = name;
    this.options = options;
    this.fileMunicipality = MunicipalityCode.fromFileName(name);
    this.listType = listTypeFromFileName(name).orElse(null);
  }

  /** Reads the file with default options (for callers that only need the records). */
  public static ReadResult<Shelter> read(Path file) throws IOException {
    return read(file, ImportOptions.defaults());
  }

  public static ReadResult<Shelter> read(Path file, ImportOptions options) throws IOException {
    String name = file.getFileName().toString();
    return new GsiShelterReader(name, options).readFile(file);
  }

  /** emergency_* and mergeFromCity_2 list evacuation sites; evacuation_* and mergeFromCity_1 shelters. */
  public static Optional<ListType> listTypeFromFileName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.startsWith("emergency") || n.startsWith("mergefromcity_2")) {
      return Optional.of(ListType.EVACUATION_SITES);
    }
    if (n.startsWith("evacuation") || n.startsWith("mergefromcity_1")) {
      return Optional.of(ListType.SHELTERS);
    }
    return Optional.empty();
  }

  private ReadResult<Shelter> readFile(Path file) throws IOException {
    long size = Files.size(file);
    int featureNo = 0;
    String collectionType = null;
    boolean sawFeatures = false;
    try (CountingInputStream counted = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file)));
        JsonParser p = JSON.createParser((InputStream) counted)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new UnreadableFileException(name, p.currentLocation().getLineNr(), "expected a GeoJSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("type".equals(field) && value.isScalarValue()) {
          collectionType = p.getValueAsString();
        } else if ("features".equals(field)) {
          if (value != JsonToken.START_ARRAY) {
            throw new UnreadableFileException(name, p.currentLocation().getLineNr(), "\"features\" must be an array");
          }
          sawFeatures = true;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            featureNo++;
            long line = p.currentLocation().getLineNr();
            JsonNode feature = p.readValueAsTree();
            readFeature(feature, featureNo, line);
            if (featureNo % PROGRESS_EVERY == 0) {
              options.checkCancelled(name);
              options.progress().update(name, ImportProgress.Phase.READING, counted.count(), size);
            }
          }
        } else {
          p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new UnreadableFileException(name, p.currentLocation().getLineNr(), "unexpected content after the GeoJSON object");
      }
      options.progress().update(name, ImportProgress.Phase.READING, size, size);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new UnreadableFileException(name, line, "not valid JSON in UTF-8: " + e.getOriginalMessage(), e);
    }
    if (!"FeatureCollection".equals(collectionType) || !sawFeatures) {
      throw new UnreadableFileException(name, 0, "not a GeoJSON FeatureCollection (type "
          + (collectionType == null ? "missing" : "\"" + collectionType + "\"") + (sawFeatures ? "" : ", no features") + ")");
    }
    ListType type = listType == null ? ListType.SHELTERS : listType;
    return new ReadResult<>(type.kind(), name, SOURCE, featureNo, shelters, rejections, notes(type));
  }

  private List<String> notes(ListType type) {
    List<String> notes = new ArrayList<>();
    String far = DistantPoints.note(DistantPoints.rowsFarFromTheirGroup(located, FAR_KM), FAR_KM, "places");
    if (far != null) {
      notes.add(far);
    }
    if (type == ListType.SHELTERS) {
      notes.add(welfare + (welfare == 1 ? " welfare shelter" : " welfare shelters") + " (受入対象者 filled in)");
      if (unrecognisedWording > 0) {
        notes.add(unrecognisedWording + " with target-group wording not recognised (text kept, no codes)");
      }
    } else if (sitesWithoutHazard > 0) {
      notes.add(sitesWithoutHazard + " evacuation sites designated for no hazard");
    }
    return notes;
  }

  private void readFeature(JsonNode feature, int featureNo, long line) {
    try {
      Shelter s = toShelter(feature, featureNo);
      shelters.add(s);
      located.add(new DistantPoints.Located(s.municipalityCode(), featureNo, s.location().lon(), s.location().lat()));
    } catch (RowProblem problem) {
      rejections.add(new Rejection(name, featureNo, problem.field(), problem.reason() + " (feature at line " + line + ")"));
    }
  }

  private Shelter toShelter(JsonNode feature, int featureNo) throws RowProblem {
    if (feature == null || !feature.isObject()) {
      throw new RowProblem("feature", "expected a GeoJSON Feature object");
    }
    JsonNode props = feature.get("properties");
    if (props == null || !props.isObject()) {
      throw new RowProblem("properties", "missing properties object");
    }
    if (listType == null) {
      listType = guessListType(props);
    }
    String commonId = text(props, COMMON_ID);
    if (commonId == null) {
      throw new RowProblem(COMMON_ID, "missing or empty: every record needs its 共通ID");
    }
    Integer earlier = featureByCommonId.putIfAbsent(commonId, featureNo);
    if (earlier != null) {
      throw new RowProblem(COMMON_ID, "duplicate 共通ID: feature " + earlier + " has the same one");
    }
    String shelterName = text(props, NAME);
    if (shelterName == null) {
      throw new RowProblem(NAME, "missing or empty: expected the facility or place name");
    }
    LonLat location = point(feature.get("geometry"));
    String municipality = fileMunicipality.or(() -> MunicipalityCode.fromGsiCommonId(commonId)).orElse(null);
    String remarks = join(text(props, REMARKS), text(props, OTHER_MATTERS));
    if (listType == ListType.EVACUATION_SITES) {
      Set<HazardType> hazards = flags(props);
      if (hazards.isEmpty()) {
        sitesWithoutHazard++;
      }
      return new Shelter(municipality, ShelterKind.EVACUATION_SITE, shelterName, text(props, ADDRESS), location, hazards,
          null, null, null, null, null, remarks, SOURCE, commonId);
    }
    String wording = text(props, TARGETS);
    if (wording == null) {
      return new Shelter(municipality, ShelterKind.DESIGNATED_SHELTER, shelterName, text(props, ADDRESS), location,
          null, null, null, null, null, null, remarks, SOURCE, commonId);
    }
    Set<String> codes = TargetGroups.codesFor(wording);
    welfare++;
    if (codes.isEmpty()) {
      unrecognisedWording++;
    }
    return new Shelter(municipality, ShelterKind.WELFARE_SHELTER, shelterName, text(props, ADDRESS), location,
        null, wording, codes, null, null, null, remarks, SOURCE, commonId);
  }

  private static ListType guessListType(JsonNode props) {
    for (HazardType h : HazardType.values()) {
      if (props.has(h.japanese())) {
        return ListType.EVACUATION_SITES;
      }
    }
    return ListType.SHELTERS;
  }

  private static LonLat point(JsonNode geometry) throws RowProblem {
    if (geometry == null || geometry.isNull()) {
      throw new RowProblem("geometry", "missing geometry: expected a Point");
    }
    String type = geometry.path("type").asText("");
    if (!"Point".equals(type)) {
      throw new RowProblem("geometry", "expected a Point geometry, got " + (type.isEmpty() ? "no type" : type));
    }
    JsonNode c = geometry.get("coordinates");
    if (c == null || !c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
      throw new RowProblem("geometry", "coordinates must be [longitude, latitude] numbers");
    }
    double lon = c.get(0).asDouble();
    double lat = c.get(1).asDouble();
    JapanBounds.check("geometry", lon, lat);
    return LonLat.of(lon, lat);
  }

  private static Set<HazardType> flags(JsonNode props) throws RowProblem {
    Set<HazardType> hazards = EnumSet.noneOf(HazardType.class);
    for (HazardType h : HazardType.values()) {
      JsonNode v = props.get(h.japanese());
      if (v == null) {
        throw new RowProblem(h.japanese(), "missing hazard flag: expected \"1\" (designated) or \"\" (not)");
      }
      boolean designated;
      if (v.isTextual() && (v.asText().equals("1") || v.asText().isEmpty())) {
        designated = v.asText().equals("1");
      } else if (v.isIntegralNumber() && v.canConvertToInt() && (v.asInt() == 1 || v.asInt() == 0)) {
        designated = v.asInt() == 1;
      } else {
        throw new RowProblem(h.japanese(), "bad hazard flag: expected \"1\" (designated) or \"\" (not)");
      }
      if (designated) {
        hazards.add(h);
      }
    }
    return hazards;
  }

  /** A property as trimmed text, null when absent, null or blank. */
  private static String text(JsonNode props, String key) {
    JsonNode v = props.get(key);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " / " + b;
  }
}
