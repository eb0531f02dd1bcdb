package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.layers.shelter.ShelterStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shelters during an emergency through the API: staff open their own shelter and check parties in
 * and out, HQ screens see each change as an event (and the shelter's tiles as touched) within a
 * second, the levels warn near full and full, a transfer goes from the ordinary shelter's request
 * to the welfare shelter's answer and the move, bad input is 400 naming the field, and each role
 * reaches only what it may.
 */
class ShelterOpsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "shelter drill passphrase";
  private static TestServer server;
  private static ApiSessions api;
  private static long ordinary;
  private static long welfare;
  private static long spare;
  private static long north;
  private static long east;
  private static long welfare2;
  private static long walker;
  private static long elderly;
  private static long young;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("shelter ops api");
    var ds = server.database().dataSource();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      ShelterStore.upsertAll(c, List.of(
          new Shelter("222038", ShelterKind.DESIGNATED_SHELTER, "第一小学校", null, LonLat.of(138.870, 35.090),
              null, null, null, null, 10, null, null, "t", "o1"),
          new Shelter("222038", ShelterKind.WELFARE_SHELTER, "みはらし園", null, LonLat.of(138.880, 35.095),
              null, "高齢者", Set.of("elderly"), null, 5, null, null, "t", "w1"),
          new Shelter("222038", ShelterKind.DESIGNATED_SHELTER, "南公民館", null, LonLat.of(138.860, 35.080),
              null, null, null, null, 100, null, null, "t", "o2"),
          new Shelter("222038", ShelterKind.DESIGNATED_SHELTER, "北小学校", null, LonLat.of(138.875, 35.098),
              null, null, null, null, 40, null, null, "t", "o3"),
          new Shelter("222038", ShelterKind.DESIGNATED_SHELTER, "東体育館", null, LonLat.of(138.885, 35.085),
              null, null, null, null, 200, null, null, "t", "o4"),
          new Shelter("222038", ShelterKind.WELFARE_SHELTER, "ひだまり園", null, LonLat.of(138.882, 35.092),
              null, "高齢者", Set.of("elderly"), null, 8, null, null, "t", "w2")));
      c.commit();
      try (Statement s = c.createStatement()) {
        s.execute("""
            INSERT INTO household (municipality_code, address, geom, composition, member_count)
            SELECT '222038', 'synthetic', ST_SetSRID(ST_MakePoint(138.871 + i * 0.0001, 35.091), 4326), 'alone', 1
            FROM generate_series(1, 3) AS i
            """);
        s.execute("""
            INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, birth_date, sex, care_level)
            SELECT id, '222038', 'S' || id, '試験', '花子', CASE WHEN id = (SELECT min(id) FROM household)
                   THEN DATE '1938-05-01' ELSE DATE '1990-05-01' END, 'female',
                   CASE WHEN id = (SELECT min(id) FROM household) THEN 'care_4' ELSE 'none' END FROM household
            """);
        c.commit();
        ordinary = single(s, "SELECT id FROM shelter WHERE source_id = 'o1'");
        welfare = single(s, "SELECT id FROM shelter WHERE source_id = 'w1'");
        spare = single(s, "SELECT id FROM shelter WHERE source_id = 'o2'");
        north = single(s, "SELECT id FROM shelter WHERE source_id = 'o3'");
        east = single(s, "SELECT id FROM shelter WHERE source_id = 'o4'");
        welfare2 = single(s, "SELECT id FROM shelter WHERE source_id = 'w2'");
        elderly = single(s, "SELECT min(id) FROM resident");
        young = single(s, "SELECT max(id) FROM resident");
        walker = single(s, "SELECT id FROM resident ORDER BY id OFFSET 1 LIMIT 1");
      }
    }
    AccountStore accounts = new AccountStore(ds);
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    accounts.create("s.hq", "本部", hash, "222038", List.of(RoleGrant.everywhere(Role.HQ)));
    accounts.create("s.dispatch", "配車", hash, "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
    accounts.create("s.planner", "計画", hash, "222038", List.of(RoleGrant.everywhere(Role.PLANNER)));
    accounts.create("s.school", "小学校の職員", hash, "222038", List.of(RoleGrant.atShelter(ordinary), RoleGrant.atShelter(north)));
    accounts.create("s.welfare", "福祉の職員", hash, "222038", List.of(RoleGrant.atShelter(welfare), RoleGrant.atShelter(welfare2)));
    accounts.create("s.anywhere", "応援職員", hash, "222038", List.of(RoleGrant.everywhere(Role.SHELTER_STAFF)));
    api = new ApiSessions(server, PASSWORD);
    api.postJson("/api/emergencies", "s.hq", """
        {"level": "evacuation_order", "hazard_types": ["flood"], "reason": "訓練",
         "area": {"type": "Polygon", "coordinates": [[[138.85, 35.07], [138.89, 35.07], [138.89, 35.10], [138.85, 35.10], [138.85, 35.07]]]}}
        """, 201);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void staffCheckPartiesInAndOutAndScreensSeeEachChangeWithinASecond() throws Exception {
    JsonNode situation = api.getJson("/api/situation", "s.hq", 200);
    List<String> seen = new CopyOnWriteArrayList<>();
    var stream = api.listen("s.hq", situation.get("last_event_id").asLong(), seen);
    Thread.sleep(300);

    assertThat(api.post("/api/shelters/" + welfare + "/open", "s.school", "{}").statusCode()).as("not their shelter").isEqualTo(403);
    JsonNode opened = api.postJson("/api/shelters/" + north + "/open", "s.school", "{}", 201);
    assertThat(opened.get("level").asText()).isEqualTo("ok");
    assertThat(opened.get("emergency_id").isNumber()).as("opened for the active emergency").isTrue();
    assertThat(api.post("/api/shelters/" + north + "/open", "s.school", "{}").statusCode()).as("already open").isEqualTo(409);

    long sent = System.nanoTime();
    JsonNode in = api.postJson("/api/shelters/" + north + "/check-ins", "s.school",
        "{\"persons\": 1, \"family_members\": 2, \"resident_id\": " + walker + ", \"idempotency_key\": \"party-0001\"}", 201);
    assertThat(in.get("occupied").asInt()).isEqualTo(3);
    long eventId = in.get("event_id").asLong();
    await(seen, "shelter {\"id\":" + eventId + ",");
    await(seen, "tiles {\"layers\":[\"shelters\"]");
    assertThat((System.nanoTime() - sent) / 1e9).as("seconds until the screen had the event and the tiles").isLessThan(1.0);
    assertThat(seen.stream().filter(e -> e.startsWith("shelter ")).filter(e -> e.contains("\"occupied\":3")).count()).isEqualTo(1);
    assertThat(seen).noneMatch(e -> e.contains("resident") || e.contains("花子"));

    JsonNode again = api.postJson("/api/shelters/" + north + "/check-ins", "s.school",
        "{\"persons\": 1, \"family_members\": 2, \"resident_id\": " + walker + ", \"idempotency_key\": \"party-0001\"}", 200);
    assertThat(again.get("duplicate").asBoolean()).isTrue();
    assertThat(again.get("stay_id").asLong()).isEqualTo(in.get("stay_id").asLong());
    api.postJson("/api/shelters/" + north + "/check-ins", "s.school", "{\"persons\": 2}", 201);

    JsonNode state = api.getJson("/api/shelters/" + north + "/status", "s.dispatch", 200);
    assertThat(state.get("persons").asInt()).isEqualTo(3);
    assertThat(state.get("family_members").asInt()).isEqualTo(2);
    assertThat(state.get("occupied").asInt()).isEqualTo(5);
    JsonNode stays = api.getJson("/api/shelters/" + north + "/stays", "s.school", 200);
    assertThat(stays).hasSize(2);
    assertThat(stays.get(0).get("name").asText()).isEqualTo("試験 花子");
    assertThat(api.get("/api/shelters/" + north + "/stays", "s.welfare").statusCode()).isEqualTo(403);
    assertThat(api.get("/api/shelters/" + north + "/stays", "s.dispatch").statusCode()).isEqualTo(403);

    JsonNode out = api.postJson("/api/stays/" + in.get("stay_id").asLong() + "/check-out", "s.school", "{}", 200);
    assertThat(out.get("occupied").asInt()).isEqualTo(2);
    assertThat(api.post("/api/stays/" + in.get("stay_id").asLong() + "/check-out", "s.school", "{}").statusCode())
        .as("checked out once").isEqualTo(409);
    await(seen, "\"kind\":\"checked_out\"");
    JsonNode open = api.getJson("/api/shelters/status", "s.hq", 200);
    assertThat(open).anySatisfy(s -> {
      assertThat(s.get("shelter_id").asLong()).isEqualTo(north);
      assertThat(s.get("arrivals").asInt()).isEqualTo(5);
      assertThat(s.get("departures").asInt()).isEqualTo(3);
    });
    stream.cancel(true);
  }

  @Test
  void levelsWarnNearFullAndFullAndTheSituationCountsThem() throws Exception {
    api.postJson("/api/shelters/" + spare + "/open", "s.anywhere", "{\"capacity_persons\": 10}", 201);
    assertThat(api.postJson("/api/shelters/" + spare + "/check-ins", "s.anywhere", "{\"persons\": 7}", 201)
        .get("level").asText()).isEqualTo("ok");
    JsonNode near = api.postJson("/api/shelters/" + spare + "/check-ins", "s.anywhere", "{\"persons\": 1}", 201);
    assertThat(near.get("level").asText()).isEqualTo("near_full");
    assertThat(near.get("level_before").asText()).isEqualTo("ok");
    JsonNode situation = api.getJson("/api/situation", "s.hq", 200);
    assertThat(situation.at("/shelters/near_full").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(situation.at("/shelters/attention")).anySatisfy(a -> assertThat(a.get("shelter_id").asLong()).isEqualTo(spare));
    JsonNode full = api.postJson("/api/shelters/" + spare + "/check-ins", "s.anywhere", "{\"persons\": 1, \"family_members\": 1}", 201);
    assertThat(full.get("level").asText()).isEqualTo("full");
    assertThat(api.getJson("/api/situation", "s.hq", 200).at("/shelters/full").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(api.post("/api/shelters/" + spare + "/close", "s.anywhere", "{}").statusCode()).as("people are there").isEqualTo(409);
  }

  @Test
  void aTransferGoesFromRequestToAnswerToMoveBetweenTheTwoShelters() throws Exception {
    if (!api.getJson("/api/shelters/" + ordinary + "/status", "s.hq", 200).get("open").asBoolean()) {
      api.postJson("/api/shelters/" + ordinary + "/open", "s.school", "{}", 201);
    }
    long stay = api.postJson("/api/shelters/" + ordinary + "/check-ins", "s.school",
        "{\"persons\": 1, \"family_members\": 1, \"resident_id\": " + elderly + "}", 201).get("stay_id").asLong();
    String request = "{\"from_stay_id\": " + stay + ", \"to_shelter_id\": " + welfare + ", \"reason\": \"保健師: 常時の介護が必要\"}";
    assertThat(api.post("/api/transfers", "s.welfare", request).statusCode()).as("asked by where the party is").isEqualTo(403);
    long transfer = api.postJson("/api/transfers", "s.school", request, 201).get("transfer_id").asLong();
    assertThat(api.post("/api/transfers/" + transfer + "/accept", "s.school", "{}").statusCode())
        .as("answered by the welfare shelter").isEqualTo(403);
    JsonNode requested = api.getJson("/api/transfers?status=requested", "s.welfare", 200);
    assertThat(requested).singleElement().satisfies(t -> {
      assertThat(t.get("reason").asText()).isEqualTo("保健師: 常時の介護が必要");
      assertThat(t.get("resident_id").asLong()).isEqualTo(elderly);
    });
    api.postJson("/api/transfers/" + transfer + "/accept", "s.welfare", "{\"note\": \"受け入れます\"}", 200);
    assertThat(api.post("/api/transfers/" + transfer + "/refuse", "s.welfare", "{\"note\": \"やはり無理\"}").statusCode())
        .isEqualTo(409);
    assertThat(api.post("/api/transfers/" + transfer + "/moved", "s.school", "{}").statusCode()).as("welfare shelter closed")
        .isEqualTo(409);
    api.postJson("/api/shelters/" + welfare + "/open", "s.welfare", "{}", 201);
    JsonNode moved = api.postJson("/api/transfers/" + transfer + "/moved", "s.school", "{}", 200);
    assertThat(moved.get("kind").asText()).isEqualTo("transfer_moved");
    assertThat(moved.get("occupied").asInt()).isEqualTo(2);
    JsonNode at = api.getJson("/api/shelters/" + welfare + "/status", "s.hq", 200);
    assertThat(at.get("eligible").asInt()).isEqualTo(1);
    JsonNode done = api.getJson("/api/transfers?shelter=" + welfare, "s.hq", 200);
    assertThat(done.get(0).get("status").asText()).isEqualTo("moved");
    assertThat(audited("shelter_transfers")).as("transfer reads and changes are audited").isGreaterThanOrEqualTo(4);
  }

  @Test
  void arrivalsAtAWelfareShelterAreCheckedAgainstItsTargetGroups() throws Exception {
    if (!api.getJson("/api/shelters/" + welfare2 + "/status", "s.hq", 200).get("open").asBoolean()) {
      api.postJson("/api/shelters/" + welfare2 + "/open", "s.hq", "{}", 201);
    }
    JsonNode youngIn = api.postJson("/api/shelters/" + welfare2 + "/check-ins", "s.welfare",
        "{\"persons\": 1, \"resident_id\": " + young + "}", 201);
    assertThat(youngIn.get("eligibility").asText()).isEqualTo("not_eligible");
    assertThat(youngIn.get("eligibility_reasons").get(0).get("ja").asText()).isNotBlank();
    JsonNode walkIn = api.postJson("/api/shelters/" + welfare2 + "/check-ins", "s.welfare", "{\"persons\": 1}", 201);
    assertThat(walkIn.has("eligibility")).as("nothing to check a walk-in against").isFalse();
    JsonNode state = api.getJson("/api/shelters/" + welfare2 + "/status", "s.welfare", 200);
    assertThat(state.get("not_eligible").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(state.get("unconfirmed").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void badInputIs400NamingTheFieldAndUnknownRecords404() throws Exception {
    String checkIns = "/api/shelters/" + east + "/check-ins";
    if (!api.getJson("/api/shelters/" + east + "/status", "s.hq", 200).get("open").asBoolean()) {
      api.postJson("/api/shelters/" + east + "/open", "s.hq", "{}", 201);
    }
    for (String[] bad : new String[][] {
        {"{\"persons\": 0}", "persons"}, {"{\"persons\": \"two\"}", "persons"}, {"{\"family_members\": -1}", "family_members"},
        {"{\"resident_id\": \"x\"}", "resident_id"}, {"{\"resident_id\": 999999}", "resident_id"},
        {"{\"eligibility\": \"maybe\"}", "eligibility"}, {"{\"eligibility\": \"eligible\"}", "eligibility"},
        {"{\"idempotency_key\": \"x\"}", "idempotency_key"}, {"[1, 2]", "body"}, {"not json", "body"}}) {
      JsonNode answer = api.postJson(checkIns, "s.hq", bad[0], 400);
      assertThat(answer.get("parameter").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
    assertThat(api.postJson("/api/shelters/" + east + "/open", "s.hq", "{\"capacity_persons\": -5}", 400).get("parameter")
        .asText()).isEqualTo("capacity_persons");
    assertThat(api.postJson("/api/transfers", "s.hq", "{\"to_shelter_id\": " + welfare + ", \"reason\": \"r\"}", 400)
        .get("parameter").asText()).isEqualTo("from_stay_id");
    long stay = api.postJson(checkIns, "s.hq", "{\"persons\": 1}", 201).get("stay_id").asLong();
    assertThat(api.postJson("/api/transfers", "s.hq", "{\"from_stay_id\": " + stay + ", \"to_shelter_id\": " + ordinary
        + ", \"reason\": \"r\"}", 400).get("parameter").asText()).as("to an ordinary shelter").isEqualTo("to_shelter_id");
    assertThat(api.postJson("/api/transfers", "s.hq", "{\"from_stay_id\": " + stay + ", \"to_shelter_id\": " + welfare
        + "}", 400).get("parameter").asText()).isEqualTo("reason");
    assertThat(api.get("/api/shelters/status?emergency=abc", "s.hq").statusCode()).isEqualTo(400);
    assertThat(api.get("/api/shelters/abc/status", "s.hq").statusCode()).isEqualTo(400);
    assertThat(api.get("/api/shelters/999999/status", "s.hq").statusCode()).isEqualTo(404);
    assertThat(api.post("/api/shelters/999999/check-ins", "s.hq", "{}").statusCode()).isEqualTo(404);
    assertThat(api.post("/api/transfers/999999/accept", "s.hq", "{}").statusCode()).isEqualTo(404);
    assertThat(api.get("/api/transfers?status=lost", "s.hq").statusCode()).isEqualTo(400);
    assertThat(api.get("/api/transfers", "s.anywhere").statusCode()).as("municipality-wide staff").isEqualTo(200);
  }

  @Test
  void eachRoleReachesOnlyWhatItMay() throws Exception {
    assertThat(api.get("/api/shelters/status", "s.planner").statusCode()).isEqualTo(403);
    assertThat(api.get("/api/shelters/status", null).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/shelters/status", "s.dispatch").statusCode()).isEqualTo(200);
    assertThat(api.post("/api/shelters/" + ordinary + "/check-ins", "s.dispatch", "{}").statusCode()).isEqualTo(403);
    assertThat(api.get("/api/situation", "s.school").statusCode()).isEqualTo(403);
    assertThat(api.get("/api/situation", "s.dispatch").statusCode()).isEqualTo(200);
    assertThat(api.get("/tiles/live/check_status/14/14512/6484.mvt", null).statusCode()).isEqualTo(401);
    assertThat(api.get("/tiles/live/check_status/14/14512/6484.mvt", "s.school").statusCode()).isEqualTo(403);
    assertThat(api.get("/tiles/live/check_status/14/14512/6484.mvt", "s.hq").statusCode()).isEqualTo(200);
    assertThat(api.get("/tiles/check_status/14/14512/6484.mvt", null).statusCode()).as("not on the public path").isEqualTo(400);
    assertThat(api.get("/tiles/live/shelters/14/14512/6484.mvt", "s.hq").statusCode()).isEqualTo(400);
    JsonNode me = api.getJson("/api/me", "s.school", 200);
    assertThat(me.get("roles").get(0).get("shelter_id").asLong()).isEqualTo(ordinary);
  }

  private static void await(List<String> seen, String fragment) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (seen.stream().noneMatch(e -> e.contains(fragment)) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(seen).as("an event with " + fragment).anyMatch(e -> e.contains(fragment));
  }

  private static long audited(String purpose) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement()) {
      return single(s, "SELECT count(*) FROM audit_log WHERE purpose = '" + purpose + "'");
    }
  }

  private static long single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
