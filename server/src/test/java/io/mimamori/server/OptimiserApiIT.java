package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.dispatch.PublishedRouteStore;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's optimiser through the API on a small generated town's roads: a run over an
 * emergency's open checks returns routes that keep every rule and account for every check; a run
 * stops early with its best; a task moved by hand is evaluated (and refused when it breaks a rule);
 * a re-plan drops what is done or reported and takes in what is added; publishing assigns the
 * checks to the supporters; bad input is 4xx naming the field.
 */
class OptimiserApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static RoutingTown t;
  private static long emergency;
  private static List<Long> supporters;
  private static List<double[]> starts;
  private static final int[] MINUTES = {120, 90, 60, 45};

  @BeforeAll
  static void start() throws Exception {
    t = RoutingTown.start("optimiser api", null);
    t.awaitGraph();
    // a box around the town's centre holding about 60 homes
    double cLon = t.town.centre().lon(), cLat = t.town.centre().lat();
    double d = Double.parseDouble(t.strings("""
        SELECT greatest(abs(ST_X(h.geom) - ?), abs(ST_Y(h.geom) - ?)) AS d FROM household h
        JOIN resident r ON r.household_id = h.id ORDER BY d OFFSET 59 LIMIT 1""", cLon, cLat).get(0));
    emergency = t.declare(List.of("landslide"), cLon - d, cLat - d, cLon + d, cLat + d);
    starts = new ArrayList<>();
    // the supporters live near the centre, each on another side
    for (String p : t.strings("""
        SELECT ST_X(geom) || ' ' || ST_Y(geom) FROM household ORDER BY geom <-> ST_SetSRID(ST_MakePoint(?, ?), 4326)
        OFFSET 5 LIMIT 4""", cLon, cLat)) {
      String[] xy = p.split(" ");
      starts.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
    }
    supporters = t.supporters(starts);
  }

  @AfterAll
  static void stop() {
    if (t != null) {
      t.close();
    }
  }

  /** Four teams: a pair with wheelchair and medical skills, a single, a single with wheelchair skills, one ending at the centre. */
  private static String teams() {
    StringBuilder b = new StringBuilder("[");
    String[] skills = {"[\"wheelchair_transfer\", \"medical_device\"]", "[]", "[\"wheelchair_transfer\"]", "[]"};
    for (int i = 0; i < 4; i++) {
      b.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
          "{\"supporter_id\": %d, \"start\": [%f, %f], \"minutes\": %d, \"skills\": %s, \"size\": %d%s}",
          supporters.get(i), starts.get(i)[0], starts.get(i)[1], MINUTES[i], skills[i], i == 0 ? 2 : 1,
          i == 3 ? String.format(java.util.Locale.ROOT, ", \"end\": [%f, %f]", t.town.centre().lon(), t.town.centre().lat()) : ""));
    }
    return b.append("]").toString();
  }

  private static JsonNode run(String extra, int seconds) throws Exception {
    JsonNode started = t.postJson("/api/optimisations", "r.dispatch", "{\"emergency_id\": " + emergency + ", \"teams\": "
        + teams() + ", \"seconds\": " + seconds + extra + "}", 202);
    return t.awaitJob("/api/optimisations/" + started.get("id").asText(), "r.dispatch",
        j -> !j.get("state").asText().equals("running"));
  }

  @Test
  void aRunOverTheOpenChecksReturnsRoutesThatKeepEveryRuleAndAccountForEveryCheck() throws Exception {
    JsonNode done = run("", 2);
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("finished");
    JsonNode plan = done.get("plan");
    Set<Long> open = new HashSet<>();
    t.strings("""
        SELECT c.id FROM safety_check c JOIN resident r ON r.id = c.resident_id AND r.register_status = 'active'
        WHERE c.emergency_id = ? AND c.status IN ('not_assigned', 'assigned', 'on_the_way', 'needs_help')""", emergency)
        .forEach(s -> open.add(Long.parseLong(s)));
    assertThat(open).hasSizeGreaterThan(20);
    assertThat(plan.get("tasks").asInt()).isEqualTo(open.size());
    Set<Long> seen = new HashSet<>();
    for (int r = 0; r < 4; r++) {
      JsonNode route = plan.get("routes").get(r);
      assertThat(route.get("supporter_id").asLong()).isEqualTo(supporters.get(r));
      double clock = 0;
      for (JsonNode v : route.get("visits")) {
        assertThat(seen.add(v.get("check_id").asLong())).as("each check once").isTrue();
        assertThat(v.get("arrival_minutes").asDouble()).isGreaterThanOrEqualTo(clock - 0.1);
        clock = v.get("departure_minutes").asDouble();
        assertThat(v.get("people_needed").asInt()).isLessThanOrEqualTo(r == 0 ? 2 : 1);
        if (r != 0) {
          assertThat(v.get("skills").findValuesAsText("")).isEmpty();
        }
        Instant.parse(v.get("arrival_at").asText());
      }
      if (route.get("visits").size() > 0) {
        assertThat(route.get("finish_minutes").asDouble()).isLessThanOrEqualTo(MINUTES[r] + 0.1);
        JsonNode line = route.at("/geometry/coordinates");
        assertThat(line.size()).isGreaterThan(2);
        assertThat(line.get(0).get(0).asDouble()).isCloseTo(starts.get(r)[0], org.assertj.core.data.Offset.offset(1e-6));
      }
    }
    for (JsonNode l : plan.get("left_out")) {
      assertThat(seen.add(l.get("check_id").asLong())).as("served or left out, not both").isTrue();
      assertThat(l.get("reason_en").asText()).isNotBlank();
      assertThat(l.get("reason_ja").asText()).isNotBlank();
      if (l.get("skills").toString().contains("sign_language")) {
        assertThat(l.get("reason").asText()).isEqualTo("no_team_with_skills");
      }
    }
    assertThat(seen).isEqualTo(open);
    assertThat(plan.get("served").asInt()).isPositive();
    // the first leg takes as long as the route endpoint says
    JsonNode route = firstUsedRoute(plan);
    JsonNode first = route.get("visits").get(0);
    JsonNode leg = t.getJson("/api/route?profile=foot&from=" + lonLat(route.get("start")) + "&to="
        + lonLat(first.get("location")), "r.dispatch", 200);
    assertThat(first.get("arrival_minutes").asDouble())
        .isCloseTo(leg.at("/properties/minutes").asDouble(), org.assertj.core.data.Offset.offset(0.11));
    // reading a full plan is audited
    long resident = first.get("resident_id").asLong();
    assertThat(t.count("SELECT count(*) FROM audit_log WHERE purpose = 'dispatch' AND ? = ANY (record_ids)", resident))
        .isPositive();
  }

  @Test
  void aResidentWhoRefusedIsSentOnlyFireBrigadeOrPolice() throws Exception {
    // one open check's resident (whose visit needs no other skill) refuses to share their entry; none
    // of the four teams is a rescue service
    String refused = t.strings("""
        SELECT c.resident_id FROM safety_check c JOIN resident r ON r.id = c.resident_id AND r.register_status = 'active'
        WHERE c.emergency_id = ? AND c.status = 'not_assigned'
          AND r.care_level NOT IN ('care_3', 'care_4', 'care_5') AND coalesce(r.physical_disability_grade, 9) > 2
          AND NOT coalesce(r.severe_motor_intellectual, false) AND cardinality(r.medical_devices) = 0
          AND NOT ('hearing' = ANY (r.disability_types))
        ORDER BY c.priority_score DESC, c.id LIMIT 1""", emergency)
        .get(0);
    long check = Long.parseLong(t.strings("SELECT id FROM safety_check WHERE emergency_id = ? AND resident_id = ?",
        emergency, Long.parseLong(refused)).get(0));
    t.strings("INSERT INTO consent (resident_id, state, basis, decided_on) VALUES (?, 'refused', 'written_form', "
        + "current_date + 1) RETURNING id", Long.parseLong(refused));
    // a request cannot make a neighbour a rescue service by naming the skill
    String claimed = teams().replace("\"skills\": []", "\"skills\": [\"rescue_service\"]");
    try {
      JsonNode plan = t.awaitJob("/api/optimisations/" + t.postJson("/api/optimisations", "r.dispatch",
          "{\"emergency_id\": " + emergency + ", \"teams\": " + claimed + ", \"seconds\": 1}", 202).get("id").asText(),
          "r.dispatch", j -> !j.get("state").asText().equals("running")).get("plan");
      assertThat(plan.get("routes").findValues("check_id")).extracting(JsonNode::asLong).doesNotContain(check);
      JsonNode left = java.util.stream.StreamSupport.stream(plan.get("left_out").spliterator(), false)
          .filter(l -> l.get("check_id").asLong() == check).findFirst().orElseThrow();
      assertThat(left.get("reason").asText()).isEqualTo("no_team_with_skills");
      assertThat(left.get("skills").toString()).contains("rescue_service");

      // the fourth team's supporter is a volunteer firefighter: the visit may go to them, to nobody else
      t.strings("UPDATE supporter SET relation = 'fire_brigade' WHERE id = ? RETURNING id", supporters.get(3));
      JsonNode second = run("", 2).get("plan");
      for (int r = 0; r < 3; r++) {
        assertThat(second.get("routes").get(r).findValues("check_id")).extracting(JsonNode::asLong).doesNotContain(check);
      }
      boolean served = second.get("routes").get(3).findValues("check_id").stream().anyMatch(c -> c.asLong() == check);
      if (!served) {
        JsonNode out = java.util.stream.StreamSupport.stream(second.get("left_out").spliterator(), false)
            .filter(l -> l.get("check_id").asLong() == check).findFirst().orElseThrow();
        assertThat(out.get("reason").asText()).as("a rescue service can take it").isNotEqualTo("no_team_with_skills");
      }
    } finally {
      t.strings("UPDATE supporter SET relation = 'neighbour' WHERE id = ? RETURNING id", supporters.get(3));
      t.strings("DELETE FROM consent WHERE resident_id = ? AND state = 'refused' AND decided_on > current_date RETURNING id",
          Long.parseLong(refused));
    }
  }

  @Test
  void aRunStopsEarlyWithItsBestPlan() throws Exception {
    JsonNode started = t.postJson("/api/optimisations", "r.dispatch", "{\"emergency_id\": " + emergency
        + ", \"teams\": " + teams() + ", \"seconds\": 120}", 202);
    String path = "/api/optimisations/" + started.get("id").asText();
    JsonNode running = t.awaitJob(path + "?view=summary", "r.dispatch", j -> j.has("plan"));
    assertThat(running.get("state").asText()).isEqualTo("running");
    t.postJson(path + "/stop", "r.dispatch", "", 202);
    long t0 = System.nanoTime();
    JsonNode stopped = t.awaitJob(path + "?view=summary", "r.dispatch", j -> !j.get("state").asText().equals("running"));
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    assertThat(stopped.get("state").asText()).isEqualTo("stopped");
    assertThat(stopped.at("/plan/served").asInt()).isPositive();
  }

  @Test
  void aTaskMovedByHandIsEvaluatedAndKeptWhenItKeepsTheRules() throws Exception {
    // eight checks for four teams: time to spare, so a simple visit may go anywhere
    List<String> some = t.strings("SELECT resident_id FROM safety_check WHERE emergency_id = ? ORDER BY id LIMIT 8", emergency);
    JsonNode done = run(", \"residents\": [" + String.join(",", some) + "]", 1);
    String path = "/api/optimisations/" + done.get("id").asText();
    JsonNode plan = done.get("plan");
    // a simple visit (no skills, one person) goes to the front of the route of the team with most time to spare
    JsonNode moving = null;
    int from = -1;
    for (int r = 0; r < 4 && moving == null; r++) {
      for (JsonNode v : plan.at("/routes/" + r + "/visits")) {
        if (moving == null && v.get("skills").size() == 0 && v.get("people_needed").asInt() == 1) {
          moving = v;
          from = r;
        }
      }
    }
    assertThat(moving).as("a simple visit to move in " + plan).isNotNull();
    int to = -1;
    double spare = -1;
    for (int r = 0; r < 4; r++) {
      JsonNode route = plan.at("/routes/" + r);
      double left = MINUTES[r] - (route.get("visits").size() == 0 ? 0 : route.get("finish_minutes").asDouble());
      if (r != from && left > spare) {
        spare = left;
        to = r;
      }
    }
    long check = moving.get("check_id").asLong();
    String move = "{\"check_id\": " + check + ", \"to_supporter_id\": " + supporters.get(to) + ", \"position\": 0";
    JsonNode preview = t.postJson(path + "/moves", "r.dispatch", move + "}", 200);
    assertThat(preview.get("valid").asBoolean()).as(preview.get("violations") + " in " + plan).isTrue();
    assertThat(preview.get("applied").asBoolean()).isFalse();
    assertThat(preview.at("/after/served").asInt()).isEqualTo(preview.at("/before/served").asInt());
    assertThat(preview.at("/plan/routes/" + to + "/visits/0/check_id").asLong()).isEqualTo(check);
    assertThat(t.getJson(path, "r.dispatch", 200).at("/plan/routes/" + to).toString())
        .as("a preview changes nothing").doesNotContain("\"check_id\":" + check + ",");

    JsonNode applied = t.postJson(path + "/moves", "r.dispatch", move + ", \"apply\": true}", 200);
    assertThat(applied.get("applied").asBoolean()).isTrue();
    assertThat(t.getJson(path, "r.dispatch", 200).at("/plan/routes/" + to + "/visits/0/check_id").asLong()).isEqualTo(check);

    // taking a visit off every route leaves it out, with a reason that holds
    JsonNode out = t.postJson(path + "/moves", "r.dispatch", "{\"check_id\": " + check + ", \"to_supporter_id\": null}", 200);
    assertThat(out.get("valid").asBoolean()).as(out.get("violations").toString()).isTrue();
    assertThat(out.at("/after/left_out").asInt()).isEqualTo(out.at("/before/left_out").asInt() + 1);
  }

  @Test
  void aMoveThatBreaksARuleIsAnsweredWithWhatItBreaksAndNotKept() throws Exception {
    JsonNode done = run("", 1);
    String path = "/api/optimisations/" + done.get("id").asText();
    JsonNode demanding = null;
    for (JsonNode v : done.at("/plan/routes/0/visits")) {
      if (v.get("people_needed").asInt() == 2 || v.get("skills").size() > 0) {
        demanding = v;
      }
    }
    assertThat(demanding).as("the pair serves a visit only it can make").isNotNull();
    long check = demanding.get("check_id").asLong();
    String move = "{\"check_id\": " + check + ", \"to_supporter_id\": " + supporters.get(1);
    JsonNode refused = t.postJson(path + "/moves", "r.dispatch", move + "}", 200);
    assertThat(refused.get("valid").asBoolean()).isFalse();
    assertThat(refused.get("violations").toString()).containsAnyOf("needs skills", "people");
    HttpResponse<String> kept = t.post(path + "/moves", "r.dispatch", move + ", \"apply\": true}");
    assertThat(kept.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(kept.body()).get("applied").asBoolean()).isFalse();
    assertThat(t.getJson(path, "r.dispatch", 200).at("/plan/routes/0/visits").toString())
        .contains("\"check_id\":" + check + ",");
  }

  @Test
  void aReplanDropsWhatIsDoneOrReportedAndTakesInWhatIsAdded() throws Exception {
    List<String> all = t.strings("SELECT resident_id FROM safety_check WHERE emergency_id = ? ORDER BY id", emergency);
    List<String> firstRound = all.subList(2, all.size());
    JsonNode done = run(", \"residents\": [" + String.join(",", firstRound) + "]", 1);
    assertThat(done.get("state").asText()).isEqualTo("finished");
    JsonNode plan = done.get("plan");
    long added = Long.parseLong(t.strings("SELECT id FROM safety_check WHERE emergency_id = ? AND resident_id = ?",
        emergency, Long.parseLong(all.get(0))).get(0));
    JsonNode route = firstUsedRoute(plan);
    long finished = route.get("visits").get(0).get("check_id").asLong();
    long reportedSafe = -1;
    Map<Long, Long> teamOf = new HashMap<>();
    for (JsonNode r : plan.get("routes")) {
      for (JsonNode v : r.get("visits")) {
        teamOf.put(v.get("check_id").asLong(), r.get("supporter_id").asLong());
        if (v.get("check_id").asLong() != finished) {
          reportedSafe = v.get("check_id").asLong();
        }
      }
    }
    t.postJson("/api/checks/" + reportedSafe + "/status", "r.dispatch", "{\"status\": \"safe_at_home\"}", 201);
    JsonNode replan = t.postJson("/api/optimisations/" + done.get("id").asText() + "/replan", "r.dispatch",
        "{\"done\": [" + finished + "], \"added\": [" + added + "], \"seconds\": 1, \"teams\": [{\"supporter_id\": "
            + route.get("supporter_id").asLong() + ", \"position\": [" + lonLat(route.at("/visits/0/location"))
            + "], \"free_in_minutes\": 5}]}", 202);
    assertThat(replan.get("finished").asInt()).isEqualTo(2);
    JsonNode next = t.awaitJob("/api/optimisations/" + replan.get("id").asText(), "r.dispatch",
        j -> !j.get("state").asText().equals("running"));
    assertThat(next.get("state").asText()).as(next.toString()).isEqualTo("finished");
    JsonNode again = next.get("plan");
    assertThat(again.get("tasks").asInt()).isEqualTo(plan.get("tasks").asInt() - 2 + 1);
    String text = again.toString();
    assertThat(text).doesNotContain("\"check_id\":" + finished + ",").doesNotContain("\"check_id\":" + reportedSafe + ",");
    assertThat(text).contains("\"check_id\":" + added + ",");
    int kept = 0, before = 0;
    for (JsonNode r : again.get("routes")) {
      for (JsonNode v : r.get("visits")) {
        Long was = teamOf.get(v.get("check_id").asLong());
        if (was != null) {
          before++;
          kept += was == r.get("supporter_id").asLong() ? 1 : 0;
        }
      }
    }
    assertThat(kept).as("routes stay stable where moving gains little").isGreaterThanOrEqualTo(before / 2);
  }

  @Test
  void publishingWritesEachTeamsRouteAndAssignsItsChecks() throws Exception {
    JsonNode done = run("", 1);
    JsonNode published = t.postJson("/api/optimisations/" + done.get("id").asText() + "/publish", "r.dispatch", "", 201);
    assertThat(published.get("published").size()).isEqualTo(4);
    PublishedRouteStore store = new PublishedRouteStore(t.server.database().dataSource());
    for (JsonNode route : done.at("/plan/routes")) {
      long supporter = route.get("supporter_id").asLong();
      PublishedRouteStore.PublishedRoute current = store.current(supporter, emergency).orElseThrow();
      List<Long> planned = new ArrayList<>();
      route.get("visits").forEach(v -> planned.add(v.get("check_id").asLong()));
      assertThat(current.stops().stream().map(PublishedRouteStore.Stop::safetyCheckId).toList()).isEqualTo(planned);
      if (!planned.isEmpty()) {
        assertThat(current.geometryWkt()).startsWith("LINESTRING");
        assertThat(current.stops().get(0).plannedArrival()).isAfter(Instant.parse(done.at("/plan/clock_start").asText()));
        for (long check : planned) {
          assertThat(t.strings("SELECT assigned_supporter_id FROM safety_check WHERE id = ?", check))
              .containsExactly(Long.toString(supporter));
        }
      }
    }
    long served = done.at("/plan/served").asLong();
    assertThat(t.count("SELECT count(*) FROM safety_check_event WHERE emergency_id = ? AND note = 'route published'",
        emergency)).isGreaterThanOrEqualTo(served > 0 ? 1 : 0);
  }

  @Test
  void badInputIs4xxNamingTheField() throws Exception {
    String teams = teams();
    assertField(t.post("/api/optimisations", "r.dispatch", "{\"teams\": " + teams + "}"), "emergency_id");
    assertThat(t.post("/api/optimisations", "r.dispatch", "{\"emergency_id\": 999999, \"teams\": " + teams + "}")
        .statusCode()).isEqualTo(404);
    String e = "{\"emergency_id\": " + emergency + ", ";
    assertField(t.post("/api/optimisations", "r.dispatch", e + "\"teams\": []}"), "teams");
    assertField(t.post("/api/optimisations", "r.dispatch", e + "\"teams\": " + teams + ", \"profile\": \"hovercraft\"}"),
        "profile");
    assertField(t.post("/api/optimisations", "r.dispatch", e
        + "\"teams\": [{\"supporter_id\": 99999999, \"start\": [138.85, 35.1], \"minutes\": 30}]}"), "teams[0].supporter_id");
    assertField(t.post("/api/optimisations", "r.dispatch", e + "\"teams\": [{\"supporter_id\": " + supporters.get(0)
        + ", \"start\": [238.85, 35.1], \"minutes\": 30}]}"), "teams[0].start");
    assertField(t.post("/api/optimisations", "r.dispatch", e + "\"teams\": [{\"supporter_id\": " + supporters.get(0)
        + ", \"start\": [138.85, 35.1]}]}"), "teams[0].minutes");
    assertField(t.post("/api/optimisations", "r.dispatch", e + "\"teams\": [{\"supporter_id\": " + supporters.get(0)
        + ", \"start\": [138.85, 35.1], \"minutes\": 30, \"profile\": \"car\"}]}"), "teams[0].profile");
    assertField(t.post("/api/optimisations", "r.dispatch", e + "\"teams\": " + teams + ", \"residents\": [99999999]}"),
        "residents");
    assertField(t.post("/api/optimisations", "r.dispatch", e + "\"teams\": " + teams + ", \"seconds\": 0}"), "seconds");
    assertThat(t.get("/api/optimisations/nope", "r.dispatch").statusCode()).isEqualTo(404);
    assertThat(t.post("/api/optimisations", "r.planner", e + "\"teams\": " + teams + "}").statusCode()).isEqualTo(403);
    JsonNode done = run("", 1);
    String path = "/api/optimisations/" + done.get("id").asText();
    assertField(t.post(path + "/moves", "r.dispatch", "{\"check_id\": 99999999, \"to_supporter_id\": null}"), "check_id");
    long check = done.at("/plan/left_out").size() > 0 ? done.at("/plan/left_out/0/check_id").asLong()
        : firstUsedRoute(done.get("plan")).at("/visits/0/check_id").asLong();
    assertField(t.post(path + "/moves", "r.dispatch", "{\"check_id\": " + check + ", \"to_supporter_id\": 99999999}"),
        "to_supporter_id");
    assertField(t.post(path + "/replan", "r.dispatch", "{\"done\": [99999999]}"), "done");
    assertField(t.post(path + "/replan", "r.dispatch", "{\"added\": [99999999]}"), "added");
    assertField(t.post(path + "/replan", "r.dispatch", "{\"teams\": [{\"supporter_id\": " + supporters.get(0)
        + ", \"position\": [0, 91]}]}"), "teams[0].position");
  }

  private static JsonNode firstUsedRoute(JsonNode plan) {
    for (JsonNode r : plan.get("routes")) {
      if (r.get("visits").size() > 0) {
        return r;
      }
    }
    throw new AssertionError("no route is used: " + plan);
  }

  private static String lonLat(JsonNode pair) {
    return pair.get(0).asDouble() + "," + pair.get(1).asDouble();
  }

  private static void assertField(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("parameter").asText()).isEqualTo(field);
  }
}
