package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.hazard.HazardStore;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.layers.shelter.ShelterStore;
import io.mimamori.layers.tiles.MvtReader;
import io.mimamori.layers.tiles.TileCoord;
import io.mimamori.layers.tiles.TileLayer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class TileIT {

  private static TestServer server;
  private static final HttpClient http = HttpClient.newHttpClient();
  // z14 tiles: NEAR holds the shelter at (138.875, 35.090); FAR is two tiles east
  private static final TileCoord NEAR = new TileCoord(14, 14512, 6484);
  private static final TileCoord FAR = new TileCoord(14, 14514, 6484);

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("tiles");
    store(shelter("中央公園", 138.875, 35.090, "p1"), shelter("東公園", 138.920, 35.090, "p2"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void tilesAreGzippedWithAnEtagAndRevalidateTo304() throws Exception {
    HttpResponse<byte[]> first = get("/tiles/shelters/14/14512/6484.mvt", null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("content-encoding")).contains("gzip");
    assertThat(first.headers().firstValue("content-type").orElse("")).startsWith("application/vnd.mapbox-vector-tile");
    String etag = first.headers().firstValue("etag").orElseThrow();
    assertThat(MvtReader.read(first.body()).get("shelters").features()).hasSize(1);
    HttpResponse<byte[]> again = get("/tiles/shelters/14/14512/6484.mvt", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void aChangedShelterClearsTheTilesItTouchesAndNoOthers() throws Exception {
    String nearEtag = get("/tiles/shelters/14/14512/6484.mvt", null).headers().firstValue("etag").orElseThrow();
    get("/tiles/shelters/14/14514/6484.mvt", null);
    get("/tiles/hazards/14/14512/6484.mvt", null);
    assertThat(server.app().tiles().isCached(TileLayer.SHELTERS, NEAR)).isTrue();

    store(shelter("中央公園（改称）", 138.875, 35.090, "p1"));

    long deadline = System.nanoTime() + 1_000_000_000L;
    while (server.app().tiles().isCached(TileLayer.SHELTERS, NEAR) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(server.app().tiles().isCached(TileLayer.SHELTERS, NEAR)).as("cleared within a second").isFalse();
    assertThat(server.app().tiles().isCached(TileLayer.SHELTERS, FAR)).as("far tile still cached").isTrue();
    assertThat(server.app().tiles().isCached(TileLayer.HAZARDS, NEAR)).as("other layer still cached").isTrue();
    HttpResponse<byte[]> fresh = get("/tiles/shelters/14/14512/6484.mvt", nearEtag);
    assertThat(fresh.statusCode()).isEqualTo(200);
    assertThat(MvtReader.read(fresh.body()).get("shelters").features().get(0).attributes())
        .containsEntry("name", "中央公園（改称）");
  }

  @Test
  void aNewHazardPolygonClearsTilesAtEveryZoom() throws Exception {
    TileCoord z10 = new TileCoord(10, 907, 405);
    get("/tiles/hazards/10/907/405.mvt", null);
    get("/tiles/hazards/14/14512/6484.mvt", null);
    assertThat(server.app().tiles().isCached(TileLayer.HAZARDS, z10)).isTrue();
    try (Connection c = server.database().dataSource().getConnection()) {
      GeometryFactory gf = new GeometryFactory();
      HazardStore.insertAll(c, List.of(new HazardZone(HazardType.TSUNAMI, 2, null, null, null, "t", "z",
          gf.createPolygon(new Coordinate[] {new Coordinate(138.87, 35.085), new Coordinate(138.88, 35.085),
              new Coordinate(138.88, 35.095), new Coordinate(138.87, 35.095), new Coordinate(138.87, 35.085)}))));
    }
    long deadline = System.nanoTime() + 1_000_000_000L;
    while ((server.app().tiles().isCached(TileLayer.HAZARDS, z10) || server.app().tiles().isCached(TileLayer.HAZARDS, NEAR))
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(server.app().tiles().isCached(TileLayer.HAZARDS, z10)).isFalse();
    assertThat(server.app().tiles().isCached(TileLayer.HAZARDS, NEAR)).isFalse();
    assertThat(MvtReader.read(get("/tiles/hazards/14/14512/6484.mvt", null).body()).get("hazards").features())
        .singleElement().satisfies(f -> assertThat(f.attributes()).containsEntry("hazard_type", "tsunami"));
  }

  @Test
  void tileJsonDescribesTheLayer() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url("/tiles/hazards.json"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"tilejson\":\"3.0.0\"", "/tiles/hazards/{z}/{x}/{y}.mvt", "hazard_type");
  }

  @Test
  void impossibleTilesAndUnknownLayersAre400() throws Exception {
    for (String path : List.of("/tiles/shelters/14/99999/1.mvt", "/tiles/shelters/-1/0/0.mvt",
        "/tiles/shelters/30/0/0.mvt", "/tiles/shelters/a/0/0.mvt", "/tiles/people/1/0/0.mvt",
        "/tiles/shelters/1/0/0.png", "/tiles/nothing.json")) {
      HttpResponse<byte[]> r = get(path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(new String(r.body())).as(path).contains("\"error\":\"bad_request\"");
    }
  }

  private static Shelter shelter(String name, double lon, double lat, String id) {
    return new Shelter("222038", ShelterKind.EVACUATION_SITE, name, null, LonLat.of(lon, lat),
        Set.of(HazardType.EARTHQUAKE), null, null, null, null, null, null, "tile-test", id);
  }

  private static void store(Shelter... shelters) throws Exception {
    try (Connection c = server.database().dataSource().getConnection()) {
      ShelterStore.upsertAll(c, List.of(shelters));
    }
  }

  private static HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).header("Accept-Encoding", "gzip");
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
