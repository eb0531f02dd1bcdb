package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.layers.register.edit.RegisterEditStore;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The register's write API on a small generated town: optimistic locking (two writers, and eight
 * at once: one wins, the others get 409 with the current record, nothing is lost), the history
 * with old and new values, a 400 naming the field for each kind of bad value, the audit entries,
 * who may write, and the scores and plan checks that follow each edit (equal to a full pass).
 */
class RegisterEditIT {

  private static final String PASSWORD = "synthetic passphrase 42";
  private static final LocalDate TODAY = LocalDate.now(RegisterEditStore.JAPAN);

  private static TestServer server;
  private static ApiSession planner;
  private static ApiSession admin;
  private static ApiSession hq;
  private static ApiSession dispatcher;
  private static ApiSession wardPlanner;
  private static int ward;
  private static final Set<Long> used = new HashSet<>();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("register_edit");
    var ds = server.database().dataSource();
    DemoTownGenerator.generateAndLoad(ds, DemoTownSpec.of(31, 1_500, 0.5), Files.createTempDirectory("edit-town"),
        (p, f) -> {}, () -> false);
    PriorityStore priorities = new PriorityStore(ds);
    priorities.scoreAll(PriorityProfile.NATIONAL);
    priorities.scoreAll(PriorityProfile.KOBE);
    new PlanCheckStore(ds).checkAll(TODAY);
    ward = (int) longs("SELECT district_id FROM household WHERE district_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
        .get(0).longValue();
    AccountStore accounts = new AccountStore(ds);
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    accounts.create("planner.aoki", "青木", hash, "222038", List.of(RoleGrant.everywhere(Role.PLANNER)));
    accounts.create("admin.oda", "織田", hash, "222038", List.of(RoleGrant.everywhere(Role.ADMIN)));
    accounts.create("hq.ueda", "上田", hash, "222038", List.of(RoleGrant.everywhere(Role.HQ)));
    accounts.create("dispatch.endo", "遠藤", hash, "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
    accounts.create("planner.ward", "区の担当", hash, "222038", List.of(new RoleGrant(Role.PLANNER, ward, null)));
    planner = ApiSession.signIn(server, "planner.aoki", PASSWORD);
    admin = ApiSession.signIn(server, "admin.oda", PASSWORD);
    hq = ApiSession.signIn(server, "hq.ueda", PASSWORD);
    dispatcher = ApiSession.signIn(server, "dispatch.endo", PASSWORD);
    wardPlanner = ApiSession.signIn(server, "planner.ward", PASSWORD);
  }

  @AfterAll
  static void stop() {
    server.close();
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
    used.add(other);
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
    try (Connection c = server.database().dataSource().getConnection()) {
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
    var ds = server.database().dataSource();
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

  /** A resident not used by another test, meeting a condition over r (resident), hh (household) and ep (plan). */
  private static long nextResident(String condition) throws Exception {
    for (long id : longs("SELECT r.id FROM resident r JOIN household hh ON hh.id = r.household_id"
        + " JOIN evacuation_plan ep ON ep.resident_id = r.id WHERE r.register_status = 'active' AND " + condition
        + " ORDER BY r.id LIMIT 50")) {
      if (used.add(id)) {
        return id;
      }
    }
    throw new AssertionError("no resident left with " + condition);
  }

  private static List<String> strings(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = server.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static List<Long> longs(String sql) throws Exception {
    return strings(sql).stream().map(Long::parseLong).toList();
  }
}
