package io.mimamori.server.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.server.TestServer;
import io.mimamori.server.field.FieldDrill.Drill;
import io.mimamori.server.field.FieldDrill.FieldWorker;
import io.mimamori.server.field.FieldDrill.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/my/route} through HTTP: a supporter reads their own published route and only
 * it, with what each visit needs; the read is audited; a poll with the ETag costs no personal data
 * and no audit entry until the route or a report on it changes; nobody else may call it.
 */
class SupporterRouteIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer server;
  private static FieldDrill drill;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("supporter route");
    drill = new FieldDrill(server.database().dataSource(), server.url(""));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSupporterReadsOnlyTheirOwnRouteWithWhatEachVisitNeeds() throws Exception {
    Drill d = drill.declare(6);
    FieldWorker a = drill.supporter("route.a");
    FieldWorker b = drill.supporter("route.b");
    drill.publish(d, a, List.of(d.checkIds().get(2), d.checkIds().get(0), d.checkIds().get(1)));
    drill.publish(d, b, List.of(d.checkIds().get(4)));
    Session sa = drill.login("route.a");
    Session sb = drill.login("route.b");

    HttpResponse<String> mine = get("/api/my/route", sa, null);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode route = JSON.readTree(mine.body()).get("route");
    assertThat(route.get("emergency").get("id").asLong()).isEqualTo(d.emergencyId());
    assertThat(route.get("emergency").get("level_ja").asText()).contains("避難指示");
    assertThat(route.get("revision").asInt()).isEqualTo(1);
    assertThat(route.get("geometry").get("type").asText()).isEqualTo("LineString");
    List<Long> order = new ArrayList<>();
    route.get("stops").forEach(s -> order.add(s.get("check_id").asLong()));
    assertThat(order).containsExactly(d.checkIds().get(2), d.checkIds().get(0), d.checkIds().get(1));
    JsonNode ventilator = route.get("stops").get(0);
    assertThat(ventilator.get("seq").asInt()).isEqualTo(1);
    assertThat(ventilator.get("name").asText()).isEqualTo(d.names().get(2));
    assertThat(ventilator.get("address").asText()).startsWith("沼津市訓練町");
    assertThat(ventilator.get("phone").asText()).isEqualTo("0559990000");
    assertThat(JSON.convertValue(ventilator.get("needs"), List.class))
        .containsExactly("wheelchair", "two_people", "ventilator");
    assertThat(ventilator.get("ventilator_24h").asBoolean()).isTrue();
    assertThat(ventilator.get("status").asText()).isEqualTo("assigned");
    assertThat(ventilator.get("planned_arrival").asText()).endsWith("Z");
    JsonNode withPlan = route.get("stops").get(1);
    assertThat(withPlan.get("destination").get("shelter_id").asLong()).isEqualTo(d.shelterId());
    assertThat(JSON.convertValue(withPlan.get("items_to_carry"), List.class)).containsExactly("お薬手帳", "保険証");
    assertThat(JSON.convertValue(route.get("stops").get(2).get("needs"), List.class)).containsExactly("sign_language");
    assertThat(route.get("shelters").get(0).get("id").asLong()).isEqualTo(d.shelterId());
    // the minimum: no register number, birth date, sex or resident id goes to the phone
    assertThat(mine.body()).doesNotContain("birth", "register_no", "resident_id", "1940-04-01", "female");

    // the other supporter's answer holds only their own stop, whatever they put in the address
    JsonNode theirs = JSON.readTree(get("/api/my/route?supporter_id=" + a.supporterId() + "&supporter=" + a.supporterId(), sb, null)
        .body()).get("route");
    assertThat(theirs.get("stops")).hasSize(1);
    assertThat(theirs.get("stops").get(0).get("check_id").asLong()).isEqualTo(d.checkIds().get(4));
    assertThat(theirs.toString()).doesNotContain(d.names().get(2), d.names().get(0));
    // ... and they may not report on the first supporter's checks, and their event stream holds only their own people
    assertThat(post("/api/checks/" + d.checkIds().get(2) + "/status", sb, "{\"status\": \"on_the_way\"}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> events = get("/api/events?replay_only=true", sb, null);
    assertThat(events.statusCode()).isEqualTo(200);
    String type = "";
    for (String line : events.body().split("\n")) {
      if (line.startsWith("event: ")) {
        type = line.substring(7).trim();
      } else if (line.startsWith("data: ") && type.equals("check")) {
        assertThat(JSON.readTree(line.substring(6)).get("check_id").asLong()).isEqualTo(d.checkIds().get(4));
      }
    }
  }

  @Test
  void pollingWithTheEtagCostsNothingUntilTheRouteOrAReportChanges() throws Exception {
    Drill d = drill.declare(3);
    FieldWorker a = drill.supporter("route.poll");
    Session s = drill.login("route.poll");
    HttpResponse<String> none = get("/api/my/route", s, null);
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(none.body()).get("route").isNull()).isTrue();
    String noneTag = none.headers().firstValue("ETag").orElseThrow();
    assertThat(get("/api/my/route", s, noneTag).statusCode()).isEqualTo(304);

    drill.publish(d, a, List.of(d.checkIds().get(0), d.checkIds().get(1)));
    long auditBefore = auditReads(a.userId());
    HttpResponse<String> first = get("/api/my/route", s, noneTag);
    assertThat(first.statusCode()).isEqualTo(200);
    String tag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(tag).isNotEqualTo(noneTag);
    assertThat(auditReads(a.userId())).isEqualTo(auditBefore + 1);
    assertThat(auditedResidents(a.userId())).containsExactlyInAnyOrder(d.residentIds().get(0), d.residentIds().get(1));

    HttpResponse<String> same = get("/api/my/route", s, tag);
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(auditReads(a.userId())).as("a 304 sends no personal data and is not a read").isEqualTo(auditBefore + 1);

    // the supporter's own report changes the tag, so the phone sees the new status
    assertThat(post("/api/checks/" + d.checkIds().get(0) + "/status", s,
        "{\"status\": \"on_the_way\", \"idempotency_key\": \"poll-test-0001\"}").statusCode()).isEqualTo(201);
    HttpResponse<String> after = get("/api/my/route", s, tag);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(after.body()).get("route").get("stops").get(0).get("status").asText()).isEqualTo("on_the_way");

    // a new revision too; and once the emergency ends there is no route
    String tag2 = after.headers().firstValue("ETag").orElseThrow();
    drill.publish(d, a, List.of(d.checkIds().get(1)));
    HttpResponse<String> revised = get("/api/my/route", s, tag2);
    assertThat(JSON.readTree(revised.body()).get("route").get("revision").asInt()).isEqualTo(2);
    try (Connection c = server.database().dataSource().getConnection()) {
      c.createStatement().execute("UPDATE emergency SET ended_at = now(), ended_by = " + drill.dispatcherUser()
          + " WHERE id = " + d.emergencyId());
    }
    assertThat(JSON.readTree(get("/api/my/route", s, null).body()).get("route").isNull()).isTrue();
  }

  @Test
  void onlyTheSupporterRoleMayAsk() throws Exception {
    assertThat(get("/api/my/route", null, null).statusCode()).isEqualTo(401);
    assertThat(get("/api/my/route", drill.login(drill.hqLogin()), null).statusCode()).isEqualTo(403);
    assertThat(get("/api/my/route", drill.login(drill.dispatcherLogin()), null).statusCode()).isEqualTo(403);
  }

  private static long auditReads(long userId) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT count(*) FROM audit_log WHERE user_id = " + userId + " AND action = 'read' AND purpose = 'safety_check'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Long> auditedResidents(long userId) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT unnest(record_ids) FROM audit_log WHERE user_id = " + userId + " AND action = 'read' ORDER BY seq DESC LIMIT 2")) {
      List<Long> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
      return out;
    }
  }

  private static HttpResponse<String> get(String path, Session s, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).header("Accept", "application/json");
    if (s != null) {
      b.header("Cookie", s.cookie());
    }
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    if (path.startsWith("/api/events")) {
      b.header("Accept", "text/event-stream");
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, Session s, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
        .header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf()).build(), HttpResponse.BodyHandlers.ofString());
  }
}
