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
 * it, with what each visit needs and what the disclosure policy lets them see of each resident
 * (plan details only with consent, nobody the policy hides); the read is audited, and what an
 * emergency discloses without consent is recorded for HQ; a poll with the ETag costs no personal
 * data and no audit entry until the route, a report on it or a disclosure decision changes;
 * nobody else may call it.
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
    drill.consent(d.residentIds().get(0), "given"); // the plan's items go only to a supporter it names, with consent
    drill.nameInPlan(d.residentIds().get(0), a);
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
    assertThat(ventilator.has("items_to_carry")).as("no consent: no plan details").isFalse();
    assertThat(route.get("shelters").get(0).get("id").asLong()).isEqualTo(d.shelterId());
    // the minimum: no register number, birth date, sex or resident id goes to the phone
    assertThat(mine.body()).doesNotContain("birth", "register_no", "resident_id", "1940-04-01", "female");

    // the other supporter's answer holds only their own stop, whatever they put in the address
    JsonNode theirs = JSON.readTree(get("/api/my/route?supporter_id=" + a.supporterId() + "&supporter=" + a.supporterId(), sb, null)
        .body()).get("route");
    assertThat(theirs.get("stops")).hasSize(1);
    assertThat(theirs.get("stops").get(0).get("check_id").asLong()).isEqualTo(d.checkIds().get(4));
    assertThat(theirs.toString()).doesNotContain(d.names().get(2), d.names().get(0));
    // ... and they may not report on the first supporter's checks; their live events are about their own people only
    assertThat(post("/api/checks/" + d.checkIds().get(2) + "/status", sb, "{\"status\": \"on_the_way\"}").statusCode())
        .isEqualTo(403);
    Long own = d.checkIds().get(4);
    assertThat(post("/api/checks/" + own + "/status", sb, "{\"status\": \"on_the_way\"}").statusCode()).isEqualTo(201);
    HttpResponse<String> events = get("/api/events?replay_only=true", sb, null);
    assertThat(events.statusCode()).isEqualTo(200);
    List<Long> about = new ArrayList<>();
    String type = "";
    for (String line : events.body().split("\n")) {
      if (line.startsWith("event: ")) {
        type = line.substring(7).trim();
      } else if (line.startsWith("data: ") && type.equals("check")) {
        about.add(JSON.readTree(line.substring(6)).get("check_id").asLong());
      }
    }
    assertThat(about).as("their own report is there, nobody else's").contains(own).allMatch(own::equals);
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
  void eachStopCarriesOnlyWhatTheDisclosurePolicyLetsThisSupporterSee() throws Exception {
    Drill d = drill.declare(4);
    FieldWorker w = drill.supporter("route.policy");
    List<Long> r = d.residentIds();
    List<Long> c = d.checkIds();
    // 0: consented, their plan names this supporter; 1: a plan with items but no answer on consent;
    // 2: refused (this supporter is a neighbour, not a rescue organisation); 3: a grade 1 certificate, nothing else
    drill.consent(r.get(0), "given");
    drill.nameInPlan(r.get(0), w);
    drill.plan(d, r.get(1), "予備の電池", "老眼鏡");
    drill.consent(r.get(2), "refused");
    try (Connection conn = server.database().dataSource().getConnection()) {
      conn.createStatement().execute("UPDATE resident SET physical_disability_grade = 1,"
          + " disability_types = '{physical}' WHERE id = " + r.get(3));
    }
    drill.publish(d, w, List.of(c.get(0), c.get(1), c.get(2), c.get(3)));
    Session s = drill.login("route.policy");
    long auditBefore = auditReads(w.userId());

    HttpResponse<String> answer = get("/api/my/route", s, null);
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode route = JSON.readTree(answer.body()).get("route");
    List<Long> order = new ArrayList<>();
    route.get("stops").forEach(x -> order.add(x.get("check_id").asLong()));
    assertThat(order).as("the refusal is left out").containsExactly(c.get(0), c.get(1), c.get(3));
    assertThat(answer.body()).doesNotContain(d.names().get(2));
    assertThat(route.get("geometry").isNull()).as("the road line would pass the hidden home").isTrue();

    JsonNode consented = route.get("stops").get(0);
    assertThat(JSON.convertValue(consented.get("items_to_carry"), List.class)).containsExactly("お薬手帳", "保険証");
    assertThat(consented.get("destination").get("shelter_id").asLong()).isEqualTo(d.shelterId());
    JsonNode emergencyBasis = route.get("stops").get(1);
    assertThat(emergencyBasis.has("items_to_carry")).as("plan details need consent").isFalse();
    assertThat(answer.body()).doesNotContain("予備の電池", "老眼鏡");
    // what the task needs is there on the emergency basis too
    assertThat(emergencyBasis.get("name").asText()).isEqualTo(d.names().get(1));
    assertThat(emergencyBasis.get("phone").asText()).isEqualTo("0559990000");
    assertThat(emergencyBasis.get("destination").get("shelter_id").asLong()).isEqualTo(d.shelterId());
    assertThat(JSON.convertValue(emergencyBasis.get("needs"), List.class)).containsExactly("sign_language");
    // a certificate grade is not the supporter's to know, nor a need that would betray it
    JsonNode graded = route.get("stops").get(2);
    assertThat(JSON.convertValue(graded.get("needs"), List.class)).isEmpty();
    assertThat(graded.toString()).doesNotContain("grade", "disability");
    for (JsonNode stop : route.get("stops")) {
      List<String> keys = new ArrayList<>();
      stop.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).as("stop keys").isSubsetOf("seq", "check_id", "planned_arrival", "status", "escalated",
          "status_at", "evacuated_to_shelter_id", "name", "name_kana", "address", "lon", "lat", "phone", "needs",
          "care_level", "medical_devices", "ventilator_24h", "household_members", "destination", "items_to_carry");
    }

    // audited before it was sent: a read of the consented, a disclosure of the others; grants for HQ to review
    assertThat(auditReads(w.userId())).isEqualTo(auditBefore + 2);
    assertThat(audited(w.userId(), "read")).containsExactly(r.get(0));
    assertThat(audited(w.userId(), "disclose")).containsExactlyInAnyOrder(r.get(1), r.get(3));
    JsonNode grant = grantOf(d.emergencyId(), w.login());
    assertThat(JSON.convertValue(grant.get("resident_ids"), List.class)).containsExactlyInAnyOrder(
        r.get(1).intValue(), r.get(3).intValue());
    assertThat(grant.get("role").asText()).isEqualTo("supporter");
    assertThat(JSON.convertValue(grant.get("fields"), List.class)).contains("name", "phone", "location")
        .doesNotContain("plan_details", "care_manager", "disability_grades");
    assertThat(grant.get("times").asLong()).isEqualTo(2);

    // polling: 304, no audit entry, no grant moved on
    String tag = answer.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> same = get("/api/my/route", s, tag);
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(auditReads(w.userId())).isEqualTo(auditBefore + 2);
    assertThat(grantOf(d.emergencyId(), w.login()).get("times").asLong()).isEqualTo(2);

    // a consent given (and the plan naming them) changes the decision, so the tag: the phone gets the items
    drill.consent(r.get(1), "given");
    drill.nameInPlan(r.get(1), w);
    HttpResponse<String> after = get("/api/my/route", s, tag);
    assertThat(after.statusCode()).isEqualTo(200);
    JsonNode now = JSON.readTree(after.body()).get("route").get("stops").get(1);
    assertThat(JSON.convertValue(now.get("items_to_carry"), List.class)).containsExactly("予備の電池", "老眼鏡");
    assertThat(audited(w.userId(), "read")).containsExactlyInAnyOrder(r.get(0), r.get(1));
    assertThat(audited(w.userId(), "disclose")).containsExactly(r.get(3));
  }

  @Test
  void onlyTheSupporterRoleMayAsk() throws Exception {
    assertThat(get("/api/my/route", null, null).statusCode()).isEqualTo(401);
    assertThat(get("/api/my/route", drill.login(drill.hqLogin()), null).statusCode()).isEqualTo(403);
    assertThat(get("/api/my/route", drill.login(drill.dispatcherLogin()), null).statusCode()).isEqualTo(403);
  }

  private static long auditReads(long userId) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT count(*) FROM audit_log WHERE user_id = " + userId + " AND action IN ('read', 'disclose')"
            + " AND purpose = 'safety_check'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Long> auditedResidents(long userId) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT unnest(record_ids) FROM audit_log WHERE user_id = " + userId + " AND action IN ('read', 'disclose')"
            + " ORDER BY seq DESC LIMIT 2")) {
      List<Long> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
      return out;
    }
  }

  /** The residents of the user's newest audit entry of this action (purpose safety_check). */
  private static List<Long> audited(long userId, String action) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT unnest(record_ids) FROM (SELECT record_ids FROM audit_log WHERE user_id = " + userId + " AND action = '"
            + action + "' AND purpose = 'safety_check' ORDER BY seq DESC LIMIT 1) a")) {
      List<Long> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
      return out;
    }
  }

  /** HQ's review of the emergency's disclosures: the entry of this login. */
  private static JsonNode grantOf(long emergencyId, String login) throws Exception {
    Session hq = drill.login(drill.hqLogin());
    HttpResponse<String> r = get("/api/emergencies/" + emergencyId + "/disclosures", hq, null);
    assertThat(r.statusCode()).isEqualTo(200);
    for (JsonNode g : JSON.readTree(r.body())) {
      if (g.get("login").asText().equals(login)) {
        return g;
      }
    }
    throw new AssertionError("no disclosure recorded for " + login);
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
      b.setHeader("Accept", "text/event-stream"); // one Accept: the SSE handler reads the first
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, Session s, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
        .header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf()).build(), HttpResponse.BodyHandlers.ofString());
  }
}
