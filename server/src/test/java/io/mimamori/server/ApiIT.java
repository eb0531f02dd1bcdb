package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.hazard.HazardStore;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.layers.shelter.ShelterStore;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class ApiIT {

  private static final ObjectMapper json = new ObjectMapper();
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("api");
    try (Connection c = server.database().dataSource().getConnection()) {
      c.setAutoCommit(false);
      ShelterStore.upsertAll(c, List.of(
          new Shelter("222038", ShelterKind.EVACUATION_SITE, "第一小学校", "沼津市1", LonLat.of(138.86, 35.10),
              Set.of(HazardType.TSUNAMI, HazardType.EARTHQUAKE), null, null, null, null, null, null, "test", "a"),
          new Shelter("222038", ShelterKind.WELFARE_SHELTER, "福祉センター", "沼津市2", LonLat.of(138.87, 35.11),
              null, "高齢者とその家族", Set.of("elderly", "families"), null, 40, null, null, "test", "b"),
          new Shelter("222038", ShelterKind.DESIGNATED_SHELTER, "遠くの体育館", "沼津市3", LonLat.of(138.95, 35.20),
              null, null, null, null, 300, null, null, "test", "c")));
      GeometryFactory gf = new GeometryFactory();
      var square = gf.createPolygon(new Coordinate[] {
          new Coordinate(138.85, 35.09), new Coordinate(138.88, 35.09), new Coordinate(138.88, 35.12),
          new Coordinate(138.85, 35.12), new Coordinate(138.85, 35.09)});
      HazardStore.insertAll(c, List.of(new HazardZone(HazardType.TSUNAMI, 2, null, "津波", "test", "test", "z1", square)));
      c.commit();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void healthAndVersion() throws Exception {
    HttpResponse<String> health = server.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json.readTree(health.body()).get("database").asText()).isEqualTo("up");
    JsonNode version = json.readTree(server.get("/version").body());
    assertThat(version.get("name").asText()).isEqualTo("mimamori");
    assertThat(version.get("version").asText()).isNotBlank();
  }

  @Test
  void townCountsAndExtentComeFromTheDatabase() throws Exception {
    JsonNode town = json.readTree(server.get("/api/town").body());
    assertThat(town.get("name").asText()).isEqualTo("テスト市");
    assertThat(town.get("municipality_code").asText()).isEqualTo("222038");
    assertThat(town.at("/counts/shelters/evacuation_site").asLong()).isEqualTo(1);
    assertThat(town.at("/counts/shelters/welfare_shelter").asLong()).isEqualTo(1);
    assertThat(town.at("/counts/hazard_zones/tsunami").asLong()).isEqualTo(1);
    assertThat(town.at("/bbox/0").asDouble()).isEqualTo(138.85);
    assertThat(town.at("/bbox/3").asDouble()).isEqualTo(35.20);
  }

  @Test
  void sheltersAreFilteredByBox() throws Exception {
    HttpResponse<String> r = server.get("/api/shelters?bbox=138.8,35.0,138.9,35.15");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/geo+json");
    JsonNode fc = json.readTree(r.body());
    assertThat(fc.get("features")).hasSize(2);
    JsonNode site = fc.get("features").get(0);
    assertThat(site.at("/properties/name").asText()).isEqualTo("第一小学校");
    assertThat(site.at("/properties/hazards").toString()).isEqualTo("[\"earthquake\",\"tsunami\"]");
    assertThat(site.at("/geometry/coordinates/0").asDouble()).isEqualTo(138.86);
    assertThat(fc.get("features").get(1).at("/properties/target_groups").toString()).contains("elderly");
  }

  @Test
  void hazardsCarryTypeAndRank() throws Exception {
    JsonNode fc = json.readTree(server.get("/api/hazards?bbox=138.8,35.0,138.9,35.15&zoom=12").body());
    assertThat(fc.get("features")).hasSize(1);
    assertThat(fc.at("/features/0/properties/hazard_type").asText()).isEqualTo("tsunami");
    assertThat(fc.at("/features/0/properties/rank").asInt()).isEqualTo(2);
    assertThat(json.readTree(server.get("/api/hazards?bbox=139.5,35.5,139.6,35.6").body()).get("features")).isEmpty();
  }

  @Test
  void badInputGetsAClearJsonError() throws Exception {
    for (String path : List.of("/api/shelters?bbox=1,2,3", "/api/shelters?bbox=a,b,c,d",
        "/api/hazards?bbox=200,0,210,1", "/api/hazards?bbox=10,10,0,0", "/api/hazards?zoom=99",
        "/api/shelters?bbox=NaN,0,1,1")) {
      HttpResponse<String> r = server.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      JsonNode body = json.readTree(r.body());
      assertThat(body.get("error").asText()).as(path).isEqualTo("bad_request");
      assertThat(body.get("message").asText()).as(path).isNotBlank();
      assertThat(body.get("parameter").asText()).as(path).isIn("bbox", "zoom");
    }
    HttpResponse<String> missing = server.get("/api/nothing-here");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json.readTree(missing.body()).get("error").asText()).isEqualTo("not_found");
  }
}
