package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The register's write API on a small generated town ({@link EditTown}): optimistic locking (two
 * writers, and eight at once: one wins, the others get 409 with the current record, nothing is
 * lost), the history with old and new values, plans created once, consent as new decisions,
 * supporters, and the scores and plan checks that follow each edit (equal to a full pass).
 * {@link RegisterEditRulesIT} covers bad values, the audit and who may write.
 */
class RegisterEditIT {

  private static final LocalDate TODAY = EditTown.TODAY;

  private static EditTown town;
  private static ApiSession planner;
  private static ApiSession admin;
  private static ApiSession hq;
  private static ApiSession dispatcher;

  @BeforeAll
  static void start() throws Exception {
    town = EditTown.start("register_edit");
    planner = town.planner;
    admin = town.admin;
    hq = town.hq;
    dispatcher = town.dispatcher;
  }

  @AfterAll
  static void stop() {
    town.close();
  }

  @Test
  void twoWritersOneWinsTheOtherSeesTheConflictAndNothingIsLost() throws Exception {
    long id = nextResident("r.register_status = 'active'");
    JsonNode before = planner.get("/api/residents/" + id);
    int v = before.at("/resident/version").asInt();
    String originalPhone = before.at("/resident/phone").isNull() ? null : before.at("/resident/phone").asText();
    String care = before.at("/resident/condition/care_level").asText().equals("care_4") ? "care_2" : "care_4";

    HttpResponse<String> first = planner.send("PATCH", "/api/residents/" + id, Map.of("version", v, "phone", "055-111-2222"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(ApiSession.json(first).get("version").asInt()).isEqualTo(v + 1);
    assertThat(ApiSession.json(first).get("changed").toString()).isEqualTo("[\"phone\"]");

    HttpResponse<String> second = admin.send("PATCH", "/api/residents/" + id,
        Map.of("version", v, "phone", "055-999-8888", "care_level", care));
    assertThat(second.statusCode()).isEqualTo(409);
    JsonNode conflict = ApiSession.json(second);
    assertThat(conflict.get("error").asText()).isEqualTo("version_conflict");
    assertThat(conflict.get("current_version").asInt()).isEqualTo(v + 1);
    assertThat(conflict.at("/current/phone").asText()).isEqualTo("055-111-2222");
    assertThat(conflict.at("/current/version").asInt()).isEqualTo(v + 1);
    assertThat(conflict.at("/current/care_level").asText()).isEqualTo(before.at("/resident/condition/care_level").asText());
    assertThat(strings("SELECT phone || '|' || care_level || '|' || version FROM resident WHERE id = " + id))
        .containsExactly("055-111-2222|" + before.at("/resident/condition/care_level").asText() + "|" + (v + 1));

    HttpResponse<String> retry = admin.send("PATCH", "/api/residents/" + id,
        Map.of("version", v + 1, "phone", "055-999-8888", "care_level", care));
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    assertThat(ApiSession.json(retry).get("version").asInt()).isEqualTo(v + 2);

    JsonNode changes = planner.get("/api/residents/" + id + "/history").get("changes");
    assertThat(changes.get(0).get("version").asInt()).isEqualTo(v + 2);
    assertThat(changes.get(0).get("login").asText()).isEqualTo("admin.oda");
    assertThat(change(changes.get(0), "phone")).isEqualTo(List.of("\"055-111-2222\"", "\"055-999-8888\""));
    assertThat(change(changes.get(0), "care_level"))
        .isEqualTo(List.of("\"" + before.at("/resident/condition/care_level").asText() + "\"", "\"" + care + "\""));
    assertThat(changes.get(1).get("version").asInt()).isEqualTo(v + 1);
    assertThat(changes.get(1).get("login").asText()).isEqualTo("planner.aoki");
    assertThat(change(changes.get(1), "phone"))
        .isEqualTo(List.of(originalPhone == null ? "null" : "\"" + originalPhone + "\"", "\"055-111-2222\""));
  }

  @Test
  void eightWritersAtOnceOneWins() throws Exception {
    long id = nextResident("ep.status IN ('draft', 'partial', 'complete')");
    int v = planner.get("/api/residents/" + id).at("/resident/plan/version").asInt();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String notes = "経路 " + i;
      ApiSession who = i % 2 == 0 ? planner : admin;
      answers.add(pool.submit(() -> {
        go.await();
        return who.send("PATCH", "/api/residents/" + id + "/plan", Map.of("version", v, "route_notes", notes));
      }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    String winner = null;
    for (int i = 0; i < answers.size(); i++) {
      HttpResponse<String> r = answers.get(i).get();
      statuses.add(r.statusCode());
      if (r.statusCode() == 200) {
        winner = "経路 " + i;
      } else {
        assertThat(ApiSession.json(r).get("current_version").asInt()).isEqualTo(v + 1);
      }
    }
    pool.shutdown();
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
    assertThat(strings("SELECT route_notes || '|' || version FROM evacuation_plan WHERE resident_id = " + id))
        .containsExactly(winner + "|" + (v + 1));
    assertThat(longs("SELECT count(*) FROM change_history WHERE entity = 'evacuation_plan' AND resident_id = " + id))
        .containsExactly(1L);
  }

  @Test
  void theHistoryKeepsOldAndNewValuesOfAPlanEdit() throws Exception {
    long id = nextResident("ep.status IN ('draft', 'partial') AND (SELECT count(*) FROM plan_supporter ps WHERE ps.plan_id = ep.id) >= 2");
    JsonNode plan = planner.get("/api/residents/" + id).at("/resident/plan");
    long shelter = longs("SELECT id FROM shelter WHERE kind = 'designated_shelter' AND id <> "
        + plan.at("/destination/id").asLong(0) + " ORDER BY id LIMIT 1").get(0);
    String shelterName = strings("SELECT name FROM shelter WHERE id = " + shelter).get(0);
    long firstSupporter = plan.at("/supporters/0/id").asLong();
    Map<String, Object> edit = new LinkedHashMap<>();
    edit.put("version", plan.get("version").asInt());
    edit.put("status", "complete");
    edit.put("destination_kind", "shelter");
    edit.put("destination_shelter_id", shelter);
    edit.put("items_to_carry", List.of("お薬手帳", "眼鏡"));
    edit.put("supporters", List.of(firstSupporter));
    HttpResponse<String> r = planner.send("PATCH", "/api/residents/" + id + "/plan", edit);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

    JsonNode latest = planner.get("/api/residents/" + id + "/history").at("/changes/0");
    assertThat(latest.get("entity").asText()).isEqualTo("evacuation_plan");
    assertThat(latest.get("entity_id").asLong()).isEqualTo(plan.get("id").asLong());
    assertThat(latest.get("version").asInt()).isEqualTo(plan.get("version").asInt() + 1);
    assertThat(latest.get("purpose").asText()).isEqualTo("planning");
    assertThat(change(latest, "status")).isEqualTo(List.of("\"" + plan.get("status").asText() + "\"", "\"complete\""));
    assertThat(change(latest, "items_to_carry").get(1)).isEqualTo("[\"お薬手帳\",\"眼鏡\"]");
    assertThat(ApiSession.JSON.readTree(change(latest, "destination_shelter_id").get(1)).get("name").asText())
        .isEqualTo(shelterName);
    JsonNode oldSupporters = ApiSession.JSON.readTree(change(latest, "supporters").get(0));
    assertThat(oldSupporters.size()).isEqualTo(plan.get("supporters").size());
    assertThat(oldSupporters.get(0).get("name").asText()).isEqualTo(plan.at("/supporters/0/name").asText());
    assertThat(ApiSession.JSON.readTree(change(latest, "supporters").get(1)).size()).isEqualTo(1);
    assertThat(longs("SELECT supporter_id FROM plan_supporter ps JOIN evacuation_plan ep ON ep.id = ps.plan_id"
        + " WHERE ep.resident_id = " + id)).containsExactly(firstSupporter);

    // HQ reads the history, and the read is audited; a dispatcher may not
    assertThat(hq.get("/api/residents/" + id + "/history").get("changes").size()).isPositive();
    assertThat(longs("SELECT count(*) FROM audit_log WHERE login = 'hq.ueda' AND action = 'read' AND record_type = 'resident'"
        + " AND record_ids = ARRAY[" + id + "]::bigint[]")).containsExactly(1L);
    assertThat(dispatcher.send("GET", "/api/residents/" + id + "/history", (String) null).statusCode()).isEqualTo(403);
  }

  @Test
  void planChecksAndScoresFollowEachEditAsAFullPassWould() throws Exception {
    long id = nextResident("ep.status IN ('draft', 'partial', 'complete') AND EXISTS (SELECT 1 FROM plan_check_failure f"
        + " WHERE f.resident_id = r.id AND f.check_key = 'not_reviewed') AND EXISTS (SELECT 1 FROM plan_supporter ps"
        + " WHERE ps.plan_id = ep.id)");
    JsonNode plan = planner.get("/api/residents/" + id).at("/resident/plan");
    int v = plan.get("version").asInt();
    assertThat(failedChecks(id)).contains("not_reviewed").doesNotContain("no_supporter");
    assertThat(patch("/api/residents/" + id + "/plan", Map.of("version", v, "last_reviewed_on", TODAY.toString())))
        .isEqualTo(200);
    assertThat(failedChecks(id)).doesNotContain("not_reviewed");

    assertThat(factors(id)).doesNotContain("no_supporter");
    assertThat(patch("/api/residents/" + id + "/plan", Map.of("version", v + 1, "supporters", List.of()))).isEqualTo(200);
    assertThat(failedChecks(id)).contains("no_supporter");
    assertThat(factors(id)).contains("no_supporter");
    JsonNode detail = planner.get("/api/residents/" + id);
    assertThat(detail.at("/plan_checks").toString()).contains("no_supporter");

    int rv = detail.at("/resident/version").asInt();
    int scoreBefore = detail.at("/priority/score").asInt();
    assertThat(patch("/api/residents/" + id, Map.of("version", rv, "care_level", "care_5", "medical_devices",
        List.of("ventilator"), "ventilator_24h", true))).isEqualTo(200);
    assertThat(factors(id)).contains("ventilator_24h", "care_5");
    assertThat(planner.get("/api/residents/" + id).at("/priority/score").asInt()).isGreaterThan(scoreBefore);

    // a household that moves: its home hazards and district follow
    long hh = longs("SELECT household_id FROM resident WHERE id = " + id).get(0);
    int hv = detail.at("/resident/home/version").asInt();
    List<String> safePlace = strings("SELECT ST_X(g) || ',' || ST_Y(g) FROM (SELECT ST_PointOnSurface(d.geom) AS g FROM district d"
        + " WHERE NOT EXISTS (SELECT 1 FROM hazard_zone_part p WHERE ST_Intersects(p.geom, ST_PointOnSurface(d.geom)))"
        + " ORDER BY d.id LIMIT 1) x");
    String[] xy = safePlace.get(0).split(",");
    assertThat(patch("/api/households/" + hh, Map.of("version", hv, "location",
        Map.of("lon", Double.parseDouble(xy[0]), "lat", Double.parseDouble(xy[1]))))).isEqualTo(200);
    assertThat(strings("SELECT hazard_types::text FROM resident_priority WHERE profile = 'national' AND resident_id = " + id))
        .containsExactly("{}");
    assertThat(longs("SELECT count(*) FROM household h JOIN district d ON d.id = h.district_id"
        + " WHERE ST_Covers(d.geom, h.geom) AND h.id = " + hh)).containsExactly(1L);

    assertDerivedDataIsWhatAFullPassGives();
  }

  @Test
  void aResidentWhoMovesAwayLeavesTheRankedListAndTheirHousehold() throws Exception {
    long id = nextResident("r.register_status = 'active' AND (SELECT count(*) FROM resident o WHERE o.household_id = r.household_id"
        + " AND o.register_status = 'active') = 2");
    long other = longs("SELECT o.id FROM resident o JOIN resident r ON r.household_id = o.household_id WHERE r.id = " + id
        + " AND o.id <> r.id").get(0);
    town.use(other);
    assertThat(factors(other)).contains("several_needing_support");
    int v = planner.get("/api/residents/" + id).at("/resident/version").asInt();
    assertThat(patch("/api/residents/" + id, Map.of("version", v, "register_status", "moved_away"))).isEqualTo(200);
    assertThat(longs("SELECT count(*) FROM resident_priority WHERE resident_id = " + id)).containsExactly(0L);
    assertThat(longs("SELECT count(*) FROM plan_check_failure WHERE resident_id = " + id)).containsExactly(0L);
    assertThat(factors(other)).doesNotContain("several_needing_support");
    assertDerivedDataIsWhatAFullPassGives();
  }

  @Test
  void aPlanIsCreatedOnceAndConsentIsANewDecision() throws Exception {
    long id = nextResident("ep.status = 'none'");
    try (Connection c = town.server.database().dataSource().getConnection()) {
      c.createStatement().executeUpdate("DELETE FROM evacuation_plan WHERE resident_id = " + id);
    }
    assertThat(planner.get("/api/residents/" + id).at("/resident/plan").isNull()).isTrue();
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("version", null);
    create.put("destination_kind", "stay_home");
    create.put("route_notes", "2階へ垂直避難");
    HttpResponse<String> created = planner.send("PATCH", "/api/residents/" + id + "/plan", create);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(ApiSession.json(created).get("version").asInt()).isEqualTo(1);
    assertThat(strings("SELECT status || '|' || destination_kind FROM evacuation_plan WHERE resident_id = " + id))
        .containsExactly("draft|stay_home");
    JsonNode history = planner.get("/api/residents/" + id + "/history").at("/changes/0");
    assertThat(change(history, "status")).isEqualTo(List.of("null", "\"draft\""));
    assertThat(changed(history)).containsExactlyInAnyOrder("status", "destination_kind", "route_notes");
    HttpResponse<String> again = admin.send("PATCH", "/api/residents/" + id + "/plan", create);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(ApiSession.json(again).at("/current/route_notes").asText()).isEqualTo("2階へ垂直避難");

    JsonNode detail = planner.get("/api/residents/" + id);
    int cv = detail.at("/resident/consent_version").asInt();
    Map<String, Object> decision = Map.of("version", cv, "state", "refused", "basis", "written_form",
        "decided_on", TODAY.toString(), "note", "郵送で不同意の回答");
    HttpResponse<String> given = planner.send("POST", "/api/residents/" + id + "/consent", decision);
    assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
    assertThat(ApiSession.json(given).get("version").asInt()).isEqualTo(cv + 1);
    assertThat(planner.get("/api/residents/" + id).at("/resident/consent/state").asText()).isEqualTo("refused");
    HttpResponse<String> stale = admin.send("POST", "/api/residents/" + id + "/consent", decision);
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(ApiSession.json(stale).at("/current/state").asText()).isEqualTo("refused");
    assertThat(ApiSession.json(stale).at("/current/version").asInt()).isEqualTo(cv + 1);
    HttpResponse<String> earlier = admin.send("POST", "/api/residents/" + id + "/consent", Map.of("version", cv + 1,
        "state", "given", "basis", "verbal", "decided_on", TODAY.minusDays(3).toString()));
    assertThat(earlier.statusCode()).isEqualTo(400);
    assertThat(ApiSession.json(earlier).get("parameter").asText()).isEqualTo("decided_on");
    JsonNode consentChange = planner.get("/api/residents/" + id + "/history").at("/changes/0");
    assertThat(consentChange.get("entity").asText()).isEqualTo("consent");
    assertThat(change(consentChange, "state").get(1)).isEqualTo("\"refused\"");
  }

  @Test
  void supportersAreCreatedFoundNearAResidentEditedAndPutOnAPlan() throws Exception {
    long id = nextResident("ep.status IN ('draft', 'partial')");
    JsonNode detail = planner.get("/api/residents/" + id);
    double lon = detail.at("/resident/home/lon").asDouble();
    double lat = detail.at("/resident/home/lat").asDouble();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("kind", "person");
    fields.put("relation", "neighbour");
    fields.put("name", "試験 近所太郎");
    fields.put("phone", "090-0000-1234");
    fields.put("location", Map.of("lon", lon + 0.0002, "lat", lat));
    HttpResponse<String> created = planner.send("POST", "/api/supporters", fields);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long supporter = ApiSession.json(created).get("id").asLong();
    assertThat(ApiSession.json(created).get("version").asInt()).isZero();

    JsonNode found = planner.get("/api/supporters?q=" + java.net.URLEncoder.encode("近所太郎", "UTF-8") + "&near=" + id);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("id").asLong()).isEqualTo(supporter);
    assertThat(found.get(0).get("distance_m").asInt()).isBetween(10, 30);
    JsonNode nearest = planner.get("/api/supporters?near=" + id);
    assertThat(nearest.get(0).get("id").asLong()).as("the nearest supporter first").isEqualTo(supporter);
    assertThat(longs("SELECT count(*) FROM audit_log WHERE action = 'read' AND record_type = 'supporter'"
        + " AND " + supporter + " = ANY (record_ids)")).containsExactly(2L);

    int pv = detail.at("/resident/plan/version").asInt();
    assertThat(patch("/api/residents/" + id + "/plan", Map.of("version", pv, "supporters", List.of(supporter)))).isEqualTo(200);
    assertThat(planner.get("/api/residents/" + id).at("/resident/plan/supporters/0/name").asText()).isEqualTo("試験 近所太郎");

    assertThat(patch("/api/supporters/" + supporter, Map.of("version", 0, "phone", "090-0000-9999"))).isEqualTo(200);
    HttpResponse<String> stale = admin.send("PATCH", "/api/supporters/" + supporter, Map.of("version", 0, "name", "別名"));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(ApiSession.json(stale).at("/current/phone").asText()).isEqualTo("090-0000-9999");
    JsonNode latest = planner.get("/api/residents/" + id + "/history").at("/changes/0");
    assertThat(latest.get("entity").asText()).isEqualTo("supporter");
    assertThat(change(latest, "phone")).isEqualTo(List.of("\"090-0000-1234\"", "\"090-0000-9999\""));
  }

  // --- helpers ---

  private static int patch(String path, Map<String, ?> body) throws Exception {
    HttpResponse<String> r = planner.send("PATCH", path, body);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isIn(200, 409, 400);
    return r.statusCode();
  }

  /** Equal derived data after a full pass over the register: the edits left nothing stale. */
  private static void assertDerivedDataIsWhatAFullPassGives() throws Exception {
    String scores = "SELECT profile || resident_id || '|' || score || band || factors::text || plan_status || hazard_types::text"
        + " || coalesce(district_id, 0) FROM resident_priority ORDER BY 1";
    String checks = "SELECT plan_id || '|' || resident_id || check_key || detail FROM plan_check_failure ORDER BY 1";
    List<String> scoresAfterEdits = strings(scores);
    List<String> checksAfterEdits = strings(checks);
    var ds = town.server.database().dataSource();
    new PriorityStore(ds).scoreAll(PriorityProfile.NATIONAL);
    new PriorityStore(ds).scoreAll(PriorityProfile.KOBE);
    new PlanCheckStore(ds).checkAll(TODAY);
    assertThat(scoresAfterEdits).isEqualTo(strings(scores));
    assertThat(checksAfterEdits).isEqualTo(strings(checks));
  }

  private static List<String> failedChecks(long residentId) throws Exception {
    return strings("SELECT check_key FROM plan_check_failure WHERE resident_id = " + residentId);
  }

  private static List<String> factors(long residentId) throws Exception {
    return strings("SELECT e ->> 'factor' FROM resident_priority, jsonb_array_elements(factors) e"
        + " WHERE profile = 'national' AND resident_id = " + residentId);
  }

  /** The old and new value of a field in a history row, as JSON text. */
  private static List<String> change(JsonNode row, String field) {
    for (JsonNode c : row.get("changes")) {
      if (c.get("field").asText().equals(field)) {
        return List.of(c.get("old").toString(), c.get("new").toString());
      }
    }
    throw new AssertionError(field + " is not among the changes of " + row);
  }

  private static List<String> changed(JsonNode row) {
    List<String> out = new ArrayList<>();
    row.get("changes").forEach(c -> out.add(c.get("field").asText()));
    return out;
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
