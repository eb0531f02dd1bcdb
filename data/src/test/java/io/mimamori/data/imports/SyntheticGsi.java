package io.mimamori.data.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mimamori.layers.hazard.HazardType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds GSI-style GeoJSON with made-up places (never copied from the real files) for tests. */
public final class SyntheticGsi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SyntheticGsi() {}

  /** An evacuation site at (lon, lat), designated for the hazards given (all eight flags present). */
  public static ObjectNode site(String commonId, String name, double lon, double lat, HazardType... designated) {
    ObjectNode f = feature(commonId, name, lon, lat);
    ObjectNode p = (ObjectNode) f.get("properties");
    for (HazardType h : HazardType.values()) {
      p.put(h.japanese(), List.of(designated).contains(h) ? "1" : "");
    }
    p.put("指定避難所との住所同一", "");
    p.put("備考", "");
    return f;
  }

  /** A designated shelter; with {@code targets} non-null, a welfare shelter. */
  public static ObjectNode shelter(String commonId, String name, double lon, double lat, String targets) {
    ObjectNode f = feature(commonId, name, lon, lat);
    ObjectNode p = (ObjectNode) f.get("properties");
    p.put("指定緊急避難場所との住所同一", "");
    p.putNull("その他市町村長が必要と認める事項");
    if (targets == null) {
      p.putNull("受入対象者");
    } else {
      p.put("受入対象者", targets);
    }
    p.put("備考", "");
    return f;
  }

  private static ObjectNode feature(String commonId, String name, double lon, double lat) {
    ObjectNode f = JSON.createObjectNode();
    f.put("type", "Feature");
    ObjectNode g = f.putObject("geometry");
    g.put("type", "Point");
    g.putArray("coordinates").add(lon).add(lat);
    ObjectNode p = f.putObject("properties");
    p.put("NO", 1);
    p.put("共通ID", commonId);
    p.put("都道府県名及び市町村名", "架空県見守市");
    p.put("施設・場所名", name);
    p.put("住所", "架空県見守市一丁目" + commonId.substring(commonId.length() - 3));
    return f;
  }

  /** Writes the features as a pretty-printed FeatureCollection (one property per line, as the GSI does). */
  public static Path write(Path dir, String fileName, List<ObjectNode> features) throws IOException {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    fc.put("name", "synthetic");
    ArrayNode arr = fc.putArray("features");
    features.forEach(arr::add);
    Path file = dir.resolve(fileName);
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fc), StandardCharsets.UTF_8);
    return file;
  }
}
