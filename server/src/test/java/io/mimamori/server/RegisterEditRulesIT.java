package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mimamori.layers.audit.AuditLog;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules around the register's write API ({@link EditTown}): a 400 naming the field for each
 * kind of bad value (and nothing changed), the audit entry of every change (field names, never
 * values; nothing for an edit that changes nothing), and who may write: admins and planners, a
 * district-scoped planner only in their district, never HQ or a dispatcher, never without the
 * CSRF token.
 */
class RegisterEditRulesIT {

  private static final LocalDate TODAY = EditTown.TODAY;

  private static EditTown town;
  private static TestServer server;
  private static ApiSession planner;
  private static ApiSession hq;
  private static ApiSession dispatcher;
  private static ApiSession wardPlanner;
  private static int ward;

  @BeforeAll
  static void start() throws Exception {
    town = EditTown.start("register_edit_rules");
    server = town.server;
    planner = town.planner;
    hq = town.hq;
    dispatcher = town.dispatcher;
    wardPlanner = town.wardPlanner;
    ward = town.ward;
  }

  @AfterAll
  static void stop() {
    town.close();
  }

  @Test
  void aBadValueIsA400NamingItsFieldAndChangesNothing() throws Exception {
    long id = nextResident("ep.status IN ('draft', 'partial', 'complete')");
    JsonNode d = planner.get("/api/residents/" + id);
    int rv = d.at("/resident/version").asInt();
    int pv = d.at("/resident/plan/version").asInt();
    int hv = d.at("/resident/home/version").asInt();
    int cv = d.at("/resident/consent_version").asInt();
    long hh = d.at("/resident/home/id").asLong();
    String r = "/api/residents/" + id;
    List<Object[]> cases = List.of(
        new Object[] {r, Map.of("version", rv, "care_level", "care_9"), "care_level"},
        new Object[] {r, Map.of("version", rv, "birth_date", "2999-01-01"), "birth_date"},
        new Object[] {r, Map.of("version", rv, "birth_date", "昭和20年"), "birth_date"},
        new Object[] {r, Map.of("version", rv, "family_name", " "), "family_name"},
        new Object[] {r, Map.of("version", rv, "phone", "call me"), "phone"},
        new Object[] {r, Map.of("version", rv, "physical_disability_grade", 7), "physical_disability_grade"},
        new Object[] {r, Map.of("version", rv, "physical_disability_grade", 1.5), "physical_disability_grade"},
        new Object[] {r, Map.of("version", rv, "disability_types", List.of("physical", "telepathic")), "disability_types"},
        new Object[] {r, Map.of("version", rv, "medical_devices", List.of(), "ventilator_24h", true), "ventilator_24h"},
        new Object[] {r, Map.of("version", rv, "needs_info_support", "yes"), "needs_info_support"},
        new Object[] {r, Map.of("version", rv, "register_status", "vanished"), "register_status"},
        new Object[] {r, Map.of("version", rv, "nickname", "x"), "nickname"},
        new Object[] {r, Map.of("phone", "055-000-0000"), "version"},
        new Object[] {r, Map.of("version", "3", "phone", "055-000-0000"), "version"},
        new Object[] {"/api/households/" + hh, Map.of("version", hv, "member_count", 0), "member_count"},
        new Object[] {"/api/households/" + hh, Map.of("version", hv, "composition", "alone", "member_count", 3), "member_count"},
        new Object[] {"/api/households/" + hh, Map.of("version", hv, "location", Map.of("lon", 2.35, "lat", 48.85)), "location"},
        new Object[] {r + "/plan", Map.of("version", pv, "status", "done"), "status"},
        new Object[] {r + "/plan", Map.of("version", pv, "destination_kind", "shelter", "destination_shelter_id", 99_999_999),
            "destination_shelter_id"},
        new Object[] {r + "/plan", Map.of("version", pv, "destination_kind", "stay_home", "destination_shelter_id",
            longs("SELECT min(id) FROM shelter").get(0)), "destination_kind"},
        new Object[] {r + "/plan", Map.of("version", pv, "supporters", List.of(1, 1)), "supporters"},
        new Object[] {r + "/plan", Map.of("version", pv, "supporters", List.of(99_999_999)), "supporters"},
        new Object[] {r + "/plan", Map.of("version", pv, "last_reviewed_on", TODAY.plusDays(1).toString()), "last_reviewed_on"},
        new Object[] {r + "/plan", Map.of("version", pv, "home_hazards", List.of("meteor")), "home_hazards"},
        new Object[] {r + "/consent", Map.of("version", cv, "state", "presumed", "basis", "written_form",
            "decided_on", TODAY.toString()), "basis"},
        new Object[] {r + "/consent", Map.of("version", cv, "state", "given", "basis", "verbal"), "decided_on"},
        new Object[] {"/api/supporters", Map.of("kind", "robot", "relation", "other", "name", "x"), "kind"},
        new Object[] {"/api/supporters", Map.of("kind", "person", "relation", "other"), "name"});
    String before = strings("SELECT r.version || '/' || ep.version || '/' || hh.version || '/' || (SELECT count(*) FROM consent"
        + " WHERE resident_id = r.id) || '/' || (SELECT count(*) FROM supporter) FROM resident r JOIN household hh"
        + " ON hh.id = r.household_id JOIN evacuation_plan ep ON ep.resident_id = r.id WHERE r.id = " + id).get(0);
    for (Object[] c : cases) {
      String path = (String) c[0];
      String method = path.endsWith("/consent") || path.equals("/api/supporters") ? "POST" : "PATCH";
      HttpResponse<String> answer = planner.send(method, path, (Map<String, ?>) c[1]);
      assertThat(answer.statusCode()).as(path + " " + c[1] + ": " + answer.body()).isEqualTo(400);
      assertThat(ApiSession.json(answer).get("parameter").asText()).as(path + " " + c[1]).isEqualTo(c[2]);
    }
    HttpResponse<String> notJson = planner.send("PATCH", r, "{\"version\": 1,");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(ApiSession.json(notJson).get("parameter").asText()).isEqualTo("body");
    assertThat(planner.send("PATCH", "/api/residents/abc", Map.of("version", 1)).statusCode()).isEqualTo(400);
    assertThat(planner.send("PATCH", "/api/residents/99999999", Map.of("version", 1)).statusCode()).isEqualTo(404);
    assertThat(strings("SELECT r.version || '/' || ep.version || '/' || hh.version || '/' || (SELECT count(*) FROM consent"
        + " WHERE resident_id = r.id) || '/' || (SELECT count(*) FROM supporter) FROM resident r JOIN household hh"
        + " ON hh.id = r.household_id JOIN evacuation_plan ep ON ep.resident_id = r.id WHERE r.id = " + id))
        .containsExactly(before);
  }

  @Test
  void everyChangeIsAuditedWithItsFieldsButNotItsValues() throws Exception {
    long id = nextResident("r.register_status = 'active'");
    int v = planner.get("/api/residents/" + id).at("/resident/version").asInt();
    assertThat(patch("/api/residents/" + id, Map.of("version", v, "phone", "055-246-8101", "needs_decision_support", true,
        "needs_info_support", true))).isEqualTo(200);
    List<String> entries = strings("SELECT action || '|' || purpose || '|' || record_type || '|' || record_ids::text || '|'"
        + " || detail FROM audit_log WHERE login = 'planner.aoki' AND action = 'update' AND " + id + " = ANY (record_ids)");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0)).startsWith("update|planning|resident|{" + id + "}|resident " + id + " version " + (v + 1) + ":")
        .contains("phone").doesNotContain("055-246-8101");
    // an edit that changes nothing writes nothing: no version, no history, no audit entry
    HttpResponse<String> same = planner.send("PATCH", "/api/residents/" + id, Map.of("version", v + 1, "phone", "055-246-8101"));
    assertThat(same.statusCode()).isEqualTo(200);
    assertThat(ApiSession.json(same).get("changed")).isEmpty();
    assertThat(ApiSession.json(same).get("version").asInt()).isEqualTo(v + 1);
    assertThat(longs("SELECT count(*) FROM audit_log WHERE login = 'planner.aoki' AND action = 'update' AND "
        + id + " = ANY (record_ids)")).containsExactly(1L);
    assertThat(new AuditLog(server.database().dataSource()).verify().intact()).isTrue();
  }

  @Test
  void onlyAdminsAndPlannersWriteAndADistrictPlannerOnlyInTheirDistrict() throws Exception {
    long id = nextResident("r.register_status = 'active' AND hh.district_id = " + ward);
    long outside = nextResident("r.register_status = 'active' AND hh.district_id <> " + ward);
    int v = planner.get("/api/residents/" + id).at("/resident/version").asInt();
    assertThat(hq.send("PATCH", "/api/residents/" + id, Map.of("version", v, "phone", "055-1")).statusCode()).isEqualTo(403);
    assertThat(dispatcher.send("PATCH", "/api/residents/" + id, Map.of("version", v, "phone", "055-1")).statusCode())
        .isEqualTo(403);
    assertThat(hq.send("GET", "/api/supporters", (String) null).statusCode()).isEqualTo(403);
    ApiSession noCsrf = new ApiSession(server, "planner.aoki", planner.cookie(), "wrong");
    assertThat(noCsrf.send("PATCH", "/api/residents/" + id, Map.of("version", v, "phone", "055-000-0001")).statusCode())
        .isEqualTo(403);

    int ov = planner.get("/api/residents/" + outside).at("/resident/version").asInt();
    assertThat(wardPlanner.send("PATCH", "/api/residents/" + outside, Map.of("version", ov, "phone", "055-000-0002"))
        .statusCode()).isEqualTo(403);
    assertThat(wardPlanner.send("PATCH", "/api/residents/" + id, Map.of("version", v, "phone", "055-000-0003"))
        .statusCode()).isEqualTo(200);
    assertThat(wardPlanner.send("GET", "/api/residents/" + outside + "/history", (String) null).statusCode()).isEqualTo(403);

    JsonNode home = planner.get("/api/residents/" + id).at("/resident/home");
    String[] elsewhere = strings("SELECT ST_X(ST_PointOnSurface(geom)) || ',' || ST_Y(ST_PointOnSurface(geom)) FROM district"
        + " WHERE id <> " + ward + " ORDER BY id LIMIT 1").get(0).split(",");
    HttpResponse<String> move = wardPlanner.send("PATCH", "/api/households/" + home.get("id").asLong(), Map.of(
        "version", home.get("version").asInt(), "location",
        Map.of("lon", Double.parseDouble(elsewhere[0]), "lat", Double.parseDouble(elsewhere[1]))));
    assertThat(move.statusCode()).as(move.body()).isEqualTo(400);
    assertThat(ApiSession.json(move).get("parameter").asText()).isEqualTo("location");
    assertThat(longs("SELECT district_id FROM household WHERE id = " + home.get("id").asLong())).containsExactly((long) ward);
    assertThat(patch("/api/residents/" + id, Map.of("version", v + 1, "phone", "055-000-0004"))).isEqualTo(200);
  }

  private static int patch(String path, Map<String, ?> body) throws Exception {
    HttpResponse<String> r = planner.send("PATCH", path, body);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isIn(200, 409, 400);
    return r.statusCode();
  }

  private static long nextResident(String condition) throws Exception {
    return town.nextResident(condition);
  }

  private static List<String> strings(String sql) throws Exception {
    return town.strings(sql);
  }

  private static List<Long> longs(String sql) throws Exception {
    return town.longs(sql);
  }
}
