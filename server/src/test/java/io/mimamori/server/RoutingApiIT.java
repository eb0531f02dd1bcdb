package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routes, destinations and the welfare pre-assignment through the API on a small generated town's
 * real OSM roads: 503 until the graph is open, blocking that follows the emergencies, audited
 * destinations, a pre-assignment run to completion within every capacity and one cancelled, and
 * bad input answered 400 naming the field.
 */
class RoutingApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static RoutingTown t;
  private static final List<HttpResponse<String>> beforeReady = new ArrayList<>();
  private static JsonNode statusBeforeReady;

  @BeforeAll
  static void start() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    t = RoutingTown.start("routing api", gate);
    statusBeforeReady = JSON.readTree(t.get("/api/routing/status", null).body());
    beforeReady.add(t.get("/api/route?from=" + centre() + "&to=" + centre(), "r.dispatch"));
    beforeReady.add(t.get("/api/residents/1/destinations", "r.planner"));
    beforeReady.add(t.post("/api/preassignments", "r.planner", "{}"));
    gate.countDown();
    t.awaitGraph();
  }

  @AfterAll
  static void stop() {
    if (t != null) {
      t.close();
    }
  }

  @Test
  void routingAnswers503WithAClearMessageUntilTheGraphIsReady() throws Exception {
    assertThat(statusBeforeReady.get("state").asText()).isEqualTo("loading");
    for (HttpResponse<String> r : beforeReady) {
      assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(503);
      assertThat(JSON.readTree(r.body()).get("message").asText()).contains("still loading");
    }
    assertThat(beforeReady.get(0).headers().firstValue("Retry-After")).isPresent();
    JsonNode ready = t.getJson("/api/routing/status", null, 200);
    assertThat(ready.get("state").asText()).isEqualTo("ready");
    assertThat(ready.get("nodes").asInt()).isGreaterThan(100);
    assertThat(ready.get("osm_file").asText()).isEqualTo("town.osm");
  }

  @Test
  void aRouteHasRoadGeometryDistanceTimeAndTheZonesItCrosses() throws Exception {
    String from = home(0), to = home(40);
    JsonNode foot = t.getJson("/api/route?from=" + from + "&to=" + to + "&profile=foot", "r.dispatch", 200);
    assertThat(foot.get("type").asText()).isEqualTo("Feature");
    assertThat(foot.at("/properties/status").asText()).isEqualTo("found");
    assertThat(foot.at("/geometry/type").asText()).isEqualTo("LineString");
    assertThat(foot.at("/geometry/coordinates").size()).isGreaterThan(1);
    double metres = foot.at("/properties/metres").asDouble();
    double seconds = foot.at("/properties/seconds").asDouble();
    assertThat(metres).isGreaterThan(50);
    assertThat(metres / seconds).as("walking speed m/s").isBetween(0.5, 2.0);
    assertThat(foot.at("/properties/zones").isArray()).isTrue();
    JsonNode car = t.getJson("/api/route?from=" + from + "&to=" + to + "&profile=car", "r.dispatch", 200);
    assertThat(car.at("/properties/seconds").asDouble()).isLessThan(seconds);
    // anyone signed in may route; nobody else
    assertThat(t.get("/api/route?from=" + from + "&to=" + to, null).statusCode()).isEqualTo(401);
  }

  @Test
  void roadsInDeepFloodZonesCloseWhileAFloodEmergencyIsActiveThere() throws Exception {
    List<String> deep = t.strings("""
        SELECT ST_X(p) || ',' || ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) AS p FROM hazard_zone
        WHERE hazard_type = 'flood' AND rank >= 3 ORDER BY ST_Area(geom) DESC LIMIT 1) x""");
    assertThat(deep).as("the town has a deep flood zone").hasSize(1);
    String route = "/api/route?from=" + deep.get(0) + "&to=" + home(7);
    JsonNode before = t.getJson(route, "r.dispatch", 200);
    assertThat(blockingAtStart(before)).isFalse();
    long version = t.getJson("/api/routing/status", null, 200).at("/hazards/version").asLong();

    long emergency = t.declare(List.of("flood"), t.town.minLon(), t.town.minLat(), t.town.maxLon(), t.town.maxLat());
    JsonNode status = awaitHazardVersion(version + 1);
    assertThat(status.at("/hazards/blocked_segments").asInt()).isGreaterThan(0);
    JsonNode during = t.getJson(route, "r.dispatch", 200);
    assertThat(blockingAtStart(during)).as("the start lies in a blocking zone: " + during).isTrue();
    JsonNode zone = first(during.at("/properties/zones"), z -> z.get("blocking").asBoolean());
    assertThat(zone.get("hazard_type").asText()).isEqualTo("flood");
    assertThat(zone.get("rank").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(zone.get("label_ja").asText()).startsWith("洪水浸水想定区域");

    t.postJson("/api/emergencies/" + emergency + "/end", "r.hq", "{\"reason\":\"解除\"}", 204);
    JsonNode after = awaitHazardVersion(status.at("/hazards/version").asLong() + 1);
    assertThat(after.at("/hazards/blocked_segments").asInt()).isZero();
    assertThat(blockingAtStart(t.getJson(route, "r.dispatch", 200))).isFalse();
  }

  @Test
  void destinationsForAResidentAreExplainedAndAudited() throws Exception {
    long resident = Long.parseLong(t.strings("SELECT min(id) FROM resident").get(0));
    long audited = t.count("SELECT count(*) FROM audit_log WHERE ? = ANY (record_ids)", resident);
    JsonNode d = t.getJson("/api/residents/" + resident + "/destinations?count=2", "r.planner", 200);
    assertThat(d.get("resident_id").asLong()).isEqualTo(resident);
    assertThat(d.get("status").asText()).isEqualTo("found");
    assertThat(d.get("best").size()).isBetween(1, 2);
    JsonNode best = d.get("best").get(0);
    assertThat(best.get("rank").asInt()).isEqualTo(1);
    assertThat(best.get("minutes").asDouble()).isPositive();
    assertThat(best.get("explanation").get("ja").asText()).contains("分");
    assertThat(best.get("reasons").findValuesAsText("rule")).contains("travel");
    assertThat(t.count("SELECT count(*) FROM audit_log WHERE ? = ANY (record_ids)", resident)).isEqualTo(audited + 1);

    JsonNode wheel = t.getJson("/api/residents/" + resident + "/destinations?profile=wheelchair", "r.planner", 200);
    assertThat(wheel.get("profile").asText()).isEqualTo("wheelchair");
    assertThat(t.get("/api/residents/" + resident + "/destinations", "r.dispatch").statusCode()).isEqualTo(403);
    assertThat(t.get("/api/residents/99999999/destinations", "r.planner").statusCode()).isEqualTo(404);
    long outside = Long.parseLong(t.strings("""
        SELECT min(r.id) FROM resident r JOIN household h ON h.id = r.household_id WHERE h.district_id <> 1""").get(0));
    assertThat(t.get("/api/residents/" + outside + "/destinations", "r.district").statusCode()).isEqualTo(403);
  }

  @Test
  void thePreAssignmentRunsToCompletionWithinEveryCapacity() throws Exception {
    JsonNode started = t.postJson("/api/preassignments", "r.planner", "{}", 202);
    String id = started.get("id").asText();
    JsonNode done = t.awaitJob("/api/preassignments/" + id, "r.planner", j -> !j.get("state").asText().equals("running"));
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("finished");
    assertThat(done.get("fraction").asDouble()).isEqualTo(1.0);
    JsonNode result = done.get("result");
    assertThat(result.get("placed").asInt()).isPositive();
    long needing = t.count("""
        SELECT count(*) FROM resident WHERE register_status = 'active' AND (care_level IN ('care_3', 'care_4', 'care_5')
          OR physical_disability_grade <= 2 OR intellectual_disability_grade = 'A' OR severe_motor_intellectual
          OR 'ventilator' = ANY (medical_devices) OR school_status = 'special_needs_pupil'
          OR (school_status = 'preschool_child' AND cardinality(disability_types) > 0))""");
    assertThat(result.get("placed").asInt() + result.get("unplaced").asInt()).isEqualTo(needing);
    for (JsonNode s : result.get("shelters")) {
      assertThat(s.get("used").asInt()).as(s.toString()).isLessThanOrEqualTo(s.get("capacity").asInt());
    }
    for (JsonNode u : result.get("not_placed")) {
      assertThat(u.get("why").asText()).isNotBlank();
      assertThat(u.at("/explanation/ja").asText()).isNotBlank();
    }
    long firstPlaced = result.get("placements").get(0).get("resident_id").asLong();
    assertThat(t.count("SELECT count(*) FROM audit_log WHERE ? = ANY (record_ids) AND purpose = 'planning'",
        firstPlaced)).isPositive();
    assertThat(t.get("/api/preassignments/" + id, "r.district").statusCode()).isEqualTo(403);
    assertThat(t.get("/api/preassignments/" + id, "r.dispatch").statusCode()).isEqualTo(403);
  }

  @Test
  void aCancelledPreAssignmentEndsCancelled() throws Exception {
    String id;
    // hold the register so the job is still reading it when it is cancelled
    try (Connection c = t.server.database().dataSource().getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("LOCK TABLE resident IN ACCESS EXCLUSIVE MODE");
      id = t.postJson("/api/preassignments", "r.planner", "{\"max_minutes\": 45}", 202).get("id").asText();
      JsonNode cancelling = t.postJson("/api/preassignments/" + id + "/cancel", "r.planner", "", 202);
      assertThat(cancelling.get("stop_requested").asBoolean()).isTrue();
      c.rollback();
    }
    JsonNode ended = t.awaitJob("/api/preassignments/" + id, "r.planner", j -> !j.get("state").asText().equals("running"));
    assertThat(ended.get("state").asText()).isEqualTo("cancelled");
    assertThat(ended.has("result")).isFalse();
    assertThat(t.get("/api/preassignments/0123456789abcdef0123456789abcdef", "r.planner").statusCode()).isEqualTo(404);
  }

  @Test
  void badInputIs400NamingTheField() throws Exception {
    String h = home(3);
    assertField(t.get("/api/route?from=200,35&to=" + h, "r.dispatch"), "from");
    assertField(t.get("/api/route?from=" + h + "&to=138.8,95", "r.dispatch"), "to");
    assertField(t.get("/api/route?to=" + h, "r.dispatch"), "from");
    assertField(t.get("/api/route?from=abc&to=" + h, "r.dispatch"), "from");
    assertField(t.get("/api/route?from=" + h + "&to=" + h + "&profile=bicycle", "r.dispatch"), "profile");
    assertField(t.get("/api/residents/abc/destinations", "r.planner"), "id");
    assertField(t.get("/api/residents/1/destinations?count=99", "r.planner"), "count");
    assertField(t.get("/api/residents/1/destinations?profile=jet", "r.planner"), "profile");
    assertField(t.post("/api/preassignments", "r.planner", "{\"max_minutes\": -5}"), "max_minutes");
    assertField(t.post("/api/preassignments", "r.planner", "[1,2]"), "body");
  }

  private static void assertField(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("parameter").asText()).isEqualTo(field);
  }

  private static boolean blockingAtStart(JsonNode route) {
    for (JsonNode z : route.at("/properties/zones")) {
      if (z.get("blocking").asBoolean() && z.get("at_start").asBoolean()) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode first(JsonNode list, java.util.function.Predicate<JsonNode> p) {
    for (JsonNode n : list) {
      if (p.test(n)) {
        return n;
      }
    }
    throw new AssertionError("none matches in " + list);
  }

  private static JsonNode awaitHazardVersion(long version) throws Exception {
    return t.awaitJob("/api/routing/status", null, s -> s.at("/hazards/version").asLong() >= version);
  }

  private static String centre() {
    return String.format(Locale.ROOT, "%.6f,%.6f", t.town.centre().lon(), t.town.centre().lat());
  }

  /** The n-th household's point, as lon,lat. */
  private static String home(int n) throws Exception {
    return t.strings("SELECT ST_X(geom) || ',' || ST_Y(geom) FROM household ORDER BY id OFFSET ? LIMIT 1", n).get(0);
  }
}
