package io.mimamori.data.imports.plateau;

import io.mimamori.data.imports.CountingInputStream;
import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.ReadResult;
import io.mimamori.data.imports.RowProblem;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.imports.Rejection;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads PLATEAU hazard CityGML into {@link HazardZone}s, one per city object:
 * <ul>
 *   <li>tsunami ({@code udx/tnm}): wtr:WaterBody with the generic attribute set 津波浸水想定 and its
 *       浸水ランク, or (PLATEAU v3+) uro:TsunamiRiskAttribute/uro:rank;</li>
 *   <li>flood ({@code udx/fld}): wtr:WaterBody with 浸水ランク in a 洪水浸水想定区域 set, or
 *       uro:RiverFloodingRiskAttribute/uro:rank; storm surge ({@code htd}) and inland flood
 *       ({@code ifld}) alike;</li>
 *   <li>landslide ({@code udx/lsld}): gen:GenericCityObject with the set 土砂災害警戒区域 (区域区分
 *       1 = warning zone → rank 1, 2 = special warning zone → rank 2; 現象の種類 1 steep_slope, 2
 *       debris_flow, 3 landslide; 区域名 as the name), or urf:SedimentDisasterProneArea with
 *       areaType, disasterType and zoneName.</li>
 * </ul>
 * The hazard type comes from the uro risk element, else the attribute set's name, else the feature
 * element, else the file name's tnm/fld/htd/ifld/lsld. Positions are latitude first (EPSG:6697 or
 * 6668) and are swapped to longitude, latitude; heights are dropped. A feature's polygons (exterior
 * and interior rings) form one MultiPolygon, repaired when its parts overlap or share edges.
 * Water bodies carry their gml:name as the scenario. Source: {@code plateau:<file name>}, source
 * id the gml:id.
 *
 * <p>Rejected, one rejection per feature (numbered from 1; the reason names the gml:id and line):
 * a ring with a number count that is not a multiple of the dimension, fewer than four positions,
 * not closed, or outside Japan; no polygon; no rank or a rank outside 1–9 (landslides: 1 or 2); an
 * unknown phenomenon code; an unsupported CRS on a geometry.
 */
public final class PlateauHazardReader {

  public static final String KIND = "plateau_hazard";
  public static final String SOURCE_PREFIX = "plateau:";

  private PlateauHazardReader() {}

  /** The source value of the zones a file brings: a re-import of a file of that name replaces them. */
  public static String sourceFor(Path file) {
    return SOURCE_PREFIX + file.getFileName();
  }

  public static ReadResult<HazardZone> read(Path file) throws IOException {
    return read(file, ImportOptions.defaults());
  }

  public static ReadResult<HazardZone> read(Path file, ImportOptions options) throws IOException {
    String name = file.getFileName().toString();
    String source = sourceFor(file);
    Optional<HazardType> fromName = typeFromFileName(name);
    List<HazardZone> zones = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    Map<HazardType, Map<Integer, Integer>> ranks = new EnumMap<>(HazardType.class);
    int[] repaired = {0};
    int features;
    try (CountingInputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      features = new CityGmlScanner(name, options, Files.size(file)).scan(in, f -> {
        try {
          HazardZone z = toZone(f, fromName, source, repaired);
          zones.add(z);
          ranks.computeIfAbsent(z.type(), t -> new TreeMap<>()).merge(z.rank(), 1, Integer::sum);
        } catch (RowProblem p) {
          rejections.add(new Rejection(name, f.number, p.field(), p.reason() + " (line " + f.line + ")"));
        }
      });
    }
    List<String> notes = new ArrayList<>();
    ranks.forEach((type, counts) -> {
      StringBuilder sb = new StringBuilder(type.code()).append(" zones by rank");
      counts.forEach((rank, n) -> sb.append(' ').append(rank).append(':').append(n));
      notes.add(sb.toString());
    });
    if (repaired[0] > 0) {
      notes.add(repaired[0] + (repaired[0] == 1 ? " feature" : " features") + " with overlapping or edge-sharing polygons merged into valid geometry");
    }
    return new ReadResult<>(KIND, name, source, features, zones, rejections, notes);
  }

  /** tnm → tsunami, fld → flood, htd → storm surge, ifld → inland flood, lsld → landslide, as a token of the name. */
  public static Optional<HazardType> typeFromFileName(String fileName) {
    for (String token : fileName.toLowerCase(Locale.ROOT).split("[_.\\-]")) {
      switch (token) {
        case "tnm":
          return Optional.of(HazardType.TSUNAMI);
        case "fld":
          return Optional.of(HazardType.FLOOD);
        case "htd":
          return Optional.of(HazardType.STORM_SURGE);
        case "ifld":
          return Optional.of(HazardType.INLAND_FLOOD);
        case "lsld":
          return Optional.of(HazardType.LANDSLIDE);
        default:
          break;
      }
    }
    return Optional.empty();
  }

  private static HazardZone toZone(CityGmlFeature f, Optional<HazardType> fromName, String source, int[] repaired)
      throws RowProblem {
    if (f.problem != null) {
      throw f.problem;
    }
    HazardType type = typeOf(f).or(() -> fromName).orElseThrow(() -> new RowProblem("hazard type", f.label()
        + ": cannot tell the hazard (no uro risk attribute, no known attribute set, no tnm/fld/htd/ifld/lsld in the file name)"));
    List<Polygon> polygons = f.polygons();
    if (polygons.isEmpty()) {
      throw new RowProblem("geometry", f.label() + ": no polygon geometry");
    }
    int rank;
    String phenomenon = null;
    String zoneName = null;
    String scenario = null;
    if (type == HazardType.LANDSLIDE) {
      rank = landslideRank(f);
      phenomenon = phenomenon(f);
      zoneName = first(f.attributes.get("区域名"), f.values.get("zoneName"));
    } else {
      rank = depthRank(f);
      scenario = f.name;
    }
    MultiPolygon multi = GmlRings.multi(polygons);
    Geometry geometry = GmlRings.valid(multi);
    if (geometry == null) {
      throw new RowProblem("geometry", f.label() + ": its polygons enclose no area");
    }
    if (geometry != multi) {
      repaired[0]++;
    }
    return new HazardZone(type, rank, phenomenon, zoneName, scenario, source, f.gmlId, geometry);
  }

  private static Optional<HazardType> typeOf(CityGmlFeature f) {
    if (f.riskElement != null) {
      // TsunamiRiskAttribute (uro 2+) or WaterBodyTsunamiRiskAttribute (uro 1.x), and so on
      String e = f.riskElement;
      if (e.contains("Tsunami")) {
        return Optional.of(HazardType.TSUNAMI);
      }
      if (e.contains("HighTide")) {
        return Optional.of(HazardType.STORM_SURGE);
      }
      if (e.contains("InlandFlooding")) {
        return Optional.of(HazardType.INLAND_FLOOD);
      }
      if (e.contains("RiverFlooding")) {
        return Optional.of(HazardType.FLOOD);
      }
      if (e.contains("LandSlide")) {
        return Optional.of(HazardType.LANDSLIDE);
      }
    }
    if (f.element.equals("SedimentDisasterProneArea")) {
      return Optional.of(HazardType.LANDSLIDE);
    }
    for (String set : f.attributeSets) {
      if (set.contains("津波")) {
        return Optional.of(HazardType.TSUNAMI);
      }
      if (set.contains("高潮")) {
        return Optional.of(HazardType.STORM_SURGE);
      }
      if (set.contains("内水")) {
        return Optional.of(HazardType.INLAND_FLOOD);
      }
      if (set.contains("洪水")) {
        return Optional.of(HazardType.FLOOD);
      }
      if (set.contains("土砂")) {
        return Optional.of(HazardType.LANDSLIDE);
      }
    }
    return Optional.empty();
  }

  /** 浸水ランク or uro:rank: an ordinal depth band, 1 shallowest. */
  private static int depthRank(CityGmlFeature f) throws RowProblem {
    String field = f.riskRank != null ? "uro:rank" : "浸水ランク";
    String v = first(f.riskRank, f.attributes.get("浸水ランク"));
    if (v == null) {
      throw new RowProblem("浸水ランク", f.label() + ": no depth rank (uro:rank or the generic attribute 浸水ランク)");
    }
    if (!v.matches("[1-9]")) {
      throw new RowProblem(field, f.label() + ": depth rank must be a whole number 1–9");
    }
    return Integer.parseInt(v);
  }

  /** 区域区分 or areaType: 1 warning zone (警戒区域), 2 special warning zone (特別警戒区域). */
  private static int landslideRank(CityGmlFeature f) throws RowProblem {
    String field = f.attributes.containsKey("区域区分") ? "区域区分" : "areaType";
    String v = first(f.attributes.get("区域区分"), f.values.get("areaType"));
    if (v == null) {
      throw new RowProblem("区域区分", f.label() + ": no zone class (区域区分 or urf:areaType)");
    }
    return switch (v) {
      case "1" -> 1;
      case "2" -> 2;
      default -> throw new RowProblem(field, f.label() + ": zone class must be 1 (warning zone) or 2 (special warning zone)");
    };
  }

  /** 現象の種類 or disasterType: 1 steep slope failure, 2 debris flow, 3 landslide; absent → null. */
  private static String phenomenon(CityGmlFeature f) throws RowProblem {
    String field = f.attributes.containsKey("現象の種類") ? "現象の種類" : "disasterType";
    String v = first(f.attributes.get("現象の種類"), f.values.get("disasterType"));
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "1" -> "steep_slope";
      case "2" -> "debris_flow";
      case "3" -> "landslide";
      default -> throw new RowProblem(field, f.label()
          + ": phenomenon must be 1 (steep slope failure), 2 (debris flow) or 3 (landslide)");
    };
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
