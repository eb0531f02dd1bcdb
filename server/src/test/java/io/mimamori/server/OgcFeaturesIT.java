package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.layers.shelter.ShelterStore;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OgcFeaturesIT {

  private static final ObjectMapper json = new ObjectMapper();
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("ogc");
    List<Shelter> shelters = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      shelters.add(new Shelter("222038", ShelterKind.EVACUATION_SITE, "避難場所" + i, null,
          LonLat.of(138.80 + i * 0.005, 35.10), Set.of(HazardType.FLOOD), null, null, null, null, null, null, "ogc", "s" + i));
    }
    try (Connection c = server.database().dataSource().getConnection()) {
      ShelterStore.upsertAll(c, shelters);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void landingConformanceAndCollections() throws Exception {
    JsonNode landing = json.readTree(server.get("/ogc").body());
    assertThat(landing.get("links").findValuesAsText("rel")).contains("self", "conformance", "data");
    assertThat(server.get("/ogc/conformance").body()).contains("ogcapi-features-1/1.0/conf/core", "conf/geojson");
    JsonNode collections = json.readTree(server.get("/ogc/collections").body()).get("collections");
    assertThat(collections.findValuesAsText("id")).containsExactly("shelters", "hazards");
    JsonNode shelters = json.readTree(server.get("/ogc/collections/shelters").body());
    assertThat(shelters.at("/extent/spatial/bbox/0/0").asDouble()).isEqualTo(138.80);
    assertThat(server.get("/ogc/collections/residents").statusCode()).isEqualTo(404);
  }

  @Test
  void itemsPageThroughEveryFeatureOnce() throws Exception {
    Set<String> names = new HashSet<>();
    String next = "/ogc/collections/shelters/items?limit=10";
    int pages = 0;
    while (next != null) {
      JsonNode page = json.readTree(server.get(next).body());
      assertThat(page.get("numberMatched").asInt()).isEqualTo(25);
      page.get("features").forEach(f -> names.add(f.at("/properties/name").asText()));
      next = null;
      for (JsonNode link : page.get("links")) {
        if (link.get("rel").asText().equals("next")) {
          next = link.get("href").asText().replaceFirst("^http://[^/]+", "");
        }
      }
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(names).hasSize(25);
  }

  @Test
  void bboxFiltersAndSingleItemsResolve() throws Exception {
    JsonNode page = json.readTree(server.get("/ogc/collections/shelters/items?bbox=138.799,35.09,138.811,35.11").body());
    assertThat(page.get("numberMatched").asInt()).isEqualTo(3);
    long id = page.at("/features/0/id").asLong();
    JsonNode one = json.readTree(server.get("/ogc/collections/shelters/items/" + id).body());
    assertThat(one.at("/properties/name").asText()).isEqualTo("避難場所0");
    assertThat(one.at("/geometry/type").asText()).isEqualTo("Point");
    assertThat(server.get("/ogc/collections/shelters/items/999999").statusCode()).isEqualTo(404);
    assertThat(server.get("/ogc/collections/shelters/items?limit=0").statusCode()).isEqualTo(400);
    assertThat(server.get("/ogc/collections/shelters/items?limit=abc").statusCode()).isEqualTo(400);
  }
}
