package io.mimamori.data.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the GSI shelter GeoJSON of one municipality into {@link Shelter} records, minimally, for
 * tests of the demo town's real-shelter mode (the production importer lives in data.imports).
 */
final class GsiShelterFixture {
  private GsiShelterFixture() {}

  static List<Shelter> read(Path emergency, Path evacuation) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Shelter> out = new ArrayList<>();
    for (JsonNode f : json.readTree(emergency.toFile()).get("features")) {
      JsonNode p = f.get("properties");
      Set<HazardType> hazards = EnumSet.noneOf(HazardType.class);
      for (HazardType h : HazardType.values()) {
        if ("1".equals(p.path(h.japanese()).asText())) {
          hazards.add(h);
        }
      }
      out.add(shelter(f, ShelterKind.EVACUATION_SITE, hazards, null, Set.of()));
    }
    for (JsonNode f : json.readTree(evacuation.toFile()).get("features")) {
      String target = f.get("properties").path("受入対象者").asText("");
      boolean welfare = !target.isBlank();
      out.add(shelter(f, welfare ? ShelterKind.WELFARE_SHELTER : ShelterKind.DESIGNATED_SHELTER, Set.of(),
          welfare ? target : null, welfare ? Set.of("care_needing") : Set.of()));
    }
    return out;
  }

  private static Shelter shelter(JsonNode f, ShelterKind kind, Set<HazardType> hazards, String targetText,
      Set<String> groups) {
    JsonNode p = f.get("properties");
    JsonNode c = f.get("geometry").get("coordinates");
    return new Shelter("222038", kind, p.get("施設・場所名").asText(), p.get("住所").asText(),
        LonLat.of(c.get(0).asDouble(), c.get(1).asDouble()), hazards, targetText, groups, Set.of(), null, null, null,
        "gsi", p.get("共通ID").asText());
  }
}
