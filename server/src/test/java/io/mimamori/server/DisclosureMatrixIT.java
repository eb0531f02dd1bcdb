package io.mimamori.server;

import static io.mimamori.layers.testing.DisclosureTown.CONSENTED;
import static io.mimamori.layers.testing.DisclosureTown.FAR;
import static io.mimamori.layers.testing.DisclosureTown.FIRE_BRIGADE;
import static io.mimamori.layers.testing.DisclosureTown.NEIGHBOUR;
import static io.mimamori.layers.testing.DisclosureTown.OTHER;
import static io.mimamori.layers.testing.DisclosureTown.PRESUMED;
import static io.mimamori.layers.testing.DisclosureTown.REFUSED;
import static io.mimamori.layers.testing.DisclosureTown.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.dispatch.PublishedRouteStore;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.layers.testing.DisclosureTown;
import io.mimamori.layers.tiles.MvtReader;
import io.mimamori.server.auth.AccessRules;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The disclosure matrix: every endpoint × every role × {normal, emergency, after the emergency}
 * × {consented, presumed, refused, unknown, outside the area}. For the endpoints that carry
 * residents (the planner's list, its CSV and GeoJSON, a resident's page, the supporter's list, the
 * supporter's route on the phone, resident point tiles, live events) it asserts exactly who comes
 * back, on which basis, and which fields; for every other endpoint, that no resident's name or
 * address comes back at all. The expected sets and fields are written out here, independently of
 * the rules under test. Tiles, CSV and events are held to the JSON list of the same caller.
 */
class DisclosureMatrixIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "disclosure matrix passphrase";

  private static TestServer server;
  private static Api api;
  private static DisclosureTown town;
  private static final Map<String, Api.Session> sessions = new LinkedHashMap<>();
  private static final Map<String, Role> roles = new LinkedHashMap<>();

  // ---- who sees whom, on which basis (resident=basis), per account -------------------------------------------

  private static final Map<String, String> NORMAL = Map.of(
      "admin", "consented=register far=register presumed=register refused=register unknown=register",
      "hq", "consented=register far=register presumed=register unknown=register",
      "planner", "consented=register far=register presumed=register refused=register unknown=register",
      "planner_b", "far=register",
      "dispatcher", "",
      "neighbour", "consented=consent far=consent presumed=consent",
      "rescue", "",
      "other", "",
      "shelter", "",
      "case", "consented=consent far=consent presumed=consent");

  private static final Map<String, String> EMERGENCY = Map.of(
      "admin", "consented=register far=register presumed=register refused=register unknown=register",
      "hq", "consented=register far=register presumed=register refused=emergency unknown=register",
      "planner", "consented=register far=register presumed=register refused=register unknown=register",
      "planner_b", "far=register",
      "dispatcher", "consented=emergency presumed=emergency refused=emergency unknown=emergency",
      "neighbour", "consented=consent far=consent presumed=consent unknown=emergency",
      "rescue", "refused=emergency",
      "other", "presumed=emergency",
      "shelter", "consented=emergency",
      "case", "consented=consent far=consent presumed=consent");

  // ---- which fields, as keys of the resident object (home, condition and plan one level deep) -----------------

  private static final String ALL_FIELDS = "age birth_date checks condition.care_level condition.disability_types "
      + "condition.intellectual_disability_grade condition.medical_devices condition.mental_disability_grade "
      + "condition.needs_decision_support condition.needs_info_support condition.physical_disability_grade "
      + "condition.school_status condition.severe_motor_intellectual condition.ventilator_24h consent consent_version "
      + "family_name family_name_kana given_name given_name_kana home.address home.alone_daytime home.composition "
      + "home.district home.family_frail home.id home.lat home.lon home.member_count home.version id phone "
      + "plan.care_manager_name plan.care_manager_phone plan.destination plan.destination_kind plan.destination_note "
      + "plan.home_hazards plan.id plan.items_to_carry plan.last_reviewed_on plan.route_notes plan.status plan.supporters "
      + "plan.version register_no register_status sex version";
  private static final String OPERATIONS_FIELDS = "age checks condition.care_level condition.disability_types "
      + "condition.medical_devices condition.needs_decision_support condition.needs_info_support condition.school_status "
      + "condition.ventilator_24h family_name family_name_kana given_name given_name_kana home.address home.alone_daytime "
      + "home.composition home.district home.family_frail home.lat home.lon home.member_count id phone plan.destination "
      + "plan.destination_kind plan.destination_note plan.id plan.status plan.version sex";
  private static final String SUPPORT_CONSENT_FIELDS = "age basis checks condition.care_level condition.disability_types "
      + "condition.medical_devices condition.needs_decision_support condition.needs_info_support condition.school_status "
      + "condition.ventilator_24h emergency_id family_name family_name_kana given_name given_name_kana home.address "
      + "home.alone_daytime home.composition home.family_frail home.lat home.lon home.member_count id phone "
      + "plan.care_manager_name plan.care_manager_phone plan.destination plan.destination_kind plan.destination_note "
      + "plan.home_hazards plan.items_to_carry plan.last_reviewed_on plan.route_notes sex";
  private static final String SUPPORT_EMERGENCY_FIELDS = "age basis checks condition.care_level "
      + "condition.disability_types condition.medical_devices condition.needs_decision_support "
      + "condition.needs_info_support condition.school_status condition.ventilator_24h emergency_id family_name "
      + "family_name_kana given_name given_name_kana home.address home.alone_daytime home.composition home.family_frail "
      + "home.lat home.lon home.member_count id phone plan.destination plan.destination_kind plan.destination_note sex";
  /** The keys of a stop on the supporter's phone ({@code GET /api/my/route}), on the emergency basis. */
  private static final String ROUTE_EMERGENCY_FIELDS = "address care_level check_id destination escalated "
      + "evacuated_to_shelter_id household_members lat lon medical_devices name name_kana needs phone planned_arrival "
      + "seq status status_at ventilator_24h";
  /** ... and with consent: also the plan's items to carry. */
  private static final String ROUTE_CONSENT_FIELDS = ROUTE_EMERGENCY_FIELDS + " items_to_carry";
  /** The routes published during the emergency: per supporter account, the residents of its stops in order. */
  private static final Map<String, List<String>> ROUTES = Map.of(
      "neighbour", List.of(UNKNOWN, CONSENTED),
      "rescue", List.of(REFUSED),
      "other", List.of(PRESUMED));
  private static final String REGISTER_LIST = "age band district failed_checks hazard_types id name plan_status reasons score";
  private static final String OPERATIONS_LIST = "age band district hazard_types id name plan_status reasons score";

  /** Residents' given names: each is on one resident only, so a body holding it discloses that resident. */
  private static final Map<String, String> GIVEN = Map.of(CONSENTED, "一子", PRESUMED, "二郎", REFUSED, "三郎",
      UNKNOWN, "四子", FAR, "五郎");

  private static long emergency;
  private static long dispatcherId;
  private static final Map<Long, String> checks = new LinkedHashMap<>();
  private static String tile;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("disclosure_matrix");
    api = new Api(server);
    var ds = server.database().dataSource();
    town = DisclosureTown.create(ds);
    new PriorityStore(ds).scoreAll(PriorityProfile.NATIONAL);
    new PlanCheckStore(ds).checkAll(LocalDate.of(2026, 11, 22));
    AccountStore accounts = new AccountStore(ds);
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    account(accounts, hash, "admin", RoleGrant.everywhere(Role.ADMIN));
    account(accounts, hash, "hq", RoleGrant.everywhere(Role.HQ));
    account(accounts, hash, "planner", RoleGrant.everywhere(Role.PLANNER));
    account(accounts, hash, "planner_b", new RoleGrant(Role.PLANNER, town.districtB(), null));
    dispatcherId = account(accounts, hash, "dispatcher", RoleGrant.everywhere(Role.DISPATCHER));
    account(accounts, hash, "neighbour", new RoleGrant(Role.SUPPORTER, null, town.supporter(NEIGHBOUR)));
    account(accounts, hash, "rescue", new RoleGrant(Role.SUPPORTER, null, town.supporter(FIRE_BRIGADE)));
    account(accounts, hash, "other", new RoleGrant(Role.SUPPORTER, null, town.supporter(OTHER)));
    account(accounts, hash, "shelter", RoleGrant.everywhere(Role.SHELTER_STAFF));
    account(accounts, hash, "case", RoleGrant.everywhere(Role.CASE_WORKER));
    assertThat(Set.copyOf(roles.values())).as("every role has an account").containsExactlyInAnyOrder(Role.values());
    // the z12 tile holding both districts
    int z = 12;
    int n = 1 << z;
    int x = (int) Math.floor((138.83 + 180) / 360 * n);
    double lat = Math.toRadians(35.105);
    int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
    tile = "/tiles/residents/" + z + "/" + x + "/" + y + ".mvt";
  }

  private static long account(AccountStore accounts, String hash, String name, RoleGrant grant) throws Exception {
    String login = "d." + name.replace('_', '-');
    long id = accounts.create(login, name, hash, DisclosureTown.MUNICIPALITY, List.of(grant));
    roles.put(name, grant.role());
    sessions.put(name, api.login(login, PASSWORD));
    return id;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyEndpointEveryRoleInNormalTimesDuringAnEmergencyAndAfterIt() throws Exception {
    List<String> failures = new ArrayList<>();
    check("normal", NORMAL, Set.of(), failures);

    HttpResponse<String> declared = api.post("/api/emergencies", sessions.get("hq"),
        "{\"level\": \"evacuation_order\", \"hazard_types\": [\"flood\"], \"reason\": \"訓練\", \"area\": " + DisclosureTown.AREA + "}");
    assertThat(declared.statusCode()).isEqualTo(201);
    emergency = JSON.readTree(declared.body()).get("id").asLong();
    var ds = server.database().dataSource();
    town.assign(ds, emergency, REFUSED, FIRE_BRIGADE);
    town.assign(ds, emergency, PRESUMED, OTHER);
    for (String who : List.of(CONSENTED, PRESUMED, REFUSED, UNKNOWN)) {
      checks.put(town.checkOf(ds, emergency, who), who);
    }
    // the dispatcher publishes each supporter's route (the same assignments, and the neighbour's people)
    Map<String, String> supporterOf = Map.of("neighbour", NEIGHBOUR, "rescue", FIRE_BRIGADE, "other", OTHER);
    for (Map.Entry<String, List<String>> route : ROUTES.entrySet()) {
      List<PublishedRouteStore.Stop> stops = new ArrayList<>();
      for (String who : route.getValue()) {
        stops.add(new PublishedRouteStore.Stop(town.checkOf(ds, emergency, who), Instant.now().plusSeconds(600)));
      }
      long supporter = town.supporter(supporterOf.get(route.getKey()));
      new PublishedRouteStore(ds).publish(emergency, supporter, "foot", null, stops, dispatcherId);
    }
    report(CONSENTED, "{\"status\": \"evacuated\", \"shelter_id\": " + town.shelter() + "}");
    for (String who : List.of(PRESUMED, REFUSED, UNKNOWN)) {
      report(who, "{\"status\": \"on_the_way\"}");
    }
    Set<String> withEvents = Set.of(CONSENTED, PRESUMED, REFUSED, UNKNOWN);
    check("emergency", EMERGENCY, withEvents, failures);

    assertThat(api.post("/api/emergencies/" + emergency + "/end", sessions.get("hq"), "{\"reason\": \"解除\"}").statusCode())
        .isEqualTo(204);
    check("ended", NORMAL, withEvents, failures);
    assertThat(failures).isEmpty();
  }

  private static void report(String who, String body) throws Exception {
    long check = town.checkOf(server.database().dataSource(), emergency, who);
    HttpResponse<String> r = api.post("/api/checks/" + check + "/status", sessions.get("dispatcher"), body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  /** One state: the resident endpoints in detail, then every endpoint for leaks. */
  private static void check(String state, Map<String, String> expected, Set<String> withEvents, List<String> failures)
      throws Exception {
    for (String account : sessions.keySet()) {
      Map<String, String> sees = parse(expected.get(account));
      String where = state + " / " + account + ": ";
      Role role = roles.get(account);
      Api.Session s = sessions.get(account);
      boolean reader = AccessRules.table().get("GET /api/residents").contains(role);

      // the planner's ranked list, and the same selection as CSV and GeoJSON
      HttpResponse<String> list = api.get("/api/residents?limit=500", s);
      if (!reader) {
        expectStatus(failures, where + "list", list, 403);
      } else {
        JsonNode items = JSON.readTree(list.body()).get("items");
        Map<String, JsonNode> byName = new TreeMap<>();
        items.forEach(i -> byName.put(nameOf(i.get("id").asLong()), i));
        expectEqual(failures, where + "list residents", byName.keySet(), sees.keySet());
        byName.forEach((who, item) -> {
          if (sees.containsKey(who)) { // an unexpected resident has failed the set check already
            expectEqual(failures, where + "list fields of " + who, keys(item),
                words(sees.get(who).equals("register") ? REGISTER_LIST : OPERATIONS_LIST));
          }
        });
        checkCsv(failures, where, api.get("/api/residents.csv", s), byName);
        HttpResponse<String> geo = api.get("/api/residents.geojson", s);
        Set<String> placed = new TreeSet<>();
        JSON.readTree(geo.body()).get("features").forEach(f -> placed.add(nameOf(f.get("id").asLong())));
        expectEqual(failures, where + "geojson residents", placed, sees.keySet());
        // a resident's page
        for (String who : GIVEN.keySet()) {
          HttpResponse<String> page = api.get("/api/residents/" + town.resident(who), s);
          if (!sees.containsKey(who)) {
            expectStatus(failures, where + "page of " + who, page, 403);
            continue;
          }
          JsonNode body = JSON.readTree(page.body());
          boolean register = sees.get(who).equals("register");
          expectEqual(failures, where + "page fields of " + who, keys(body.get("resident")),
              words(register ? ALL_FIELDS : OPERATIONS_FIELDS));
          expectEqual(failures, where + "page parts of " + who, iterable(body.fieldNames()),
              words(register ? "plan_checks priority resident" : "priority resident"));
        }
      }

      // the supporter's own list
      HttpResponse<String> mine = api.get("/api/my/residents", s);
      if (role != Role.SUPPORTER) {
        expectStatus(failures, where + "my residents", mine, 403);
      } else {
        Map<String, String> got = new TreeMap<>();
        for (JsonNode item : JSON.readTree(mine.body()).get("items")) {
          String who = nameOf(item.get("id").asLong());
          got.put(who, item.get("basis").asText());
          expectEqual(failures, where + "my fields of " + who, keys(item),
              words(item.get("basis").asText().equals("consent") ? SUPPORT_CONSENT_FIELDS : SUPPORT_EMERGENCY_FIELDS));
        }
        expectEqual(failures, where + "my residents", got, sees);
      }

      // the supporter's route on the phone: the stops of the people it may see, each with the fields of its basis
      HttpResponse<String> phone = api.get("/api/my/route", s);
      if (role != Role.SUPPORTER) {
        expectStatus(failures, where + "my route", phone, 403);
      } else {
        Map<String, String> want = new TreeMap<>();
        if (state.equals("emergency")) {
          ROUTES.get(account).stream().filter(sees::containsKey).forEach(who -> want.put(who, sees.get(who)));
        }
        Map<String, String> got = new TreeMap<>();
        JsonNode route = JSON.readTree(phone.body()).get("route");
        if (route != null && !route.isNull()) {
          for (JsonNode stop : route.get("stops")) {
            String who = checks.getOrDefault(stop.get("check_id").asLong(), "check " + stop.get("check_id"));
            String basis = stop.has("items_to_carry") ? "consent" : "emergency";
            got.put(who, basis);
            expectEqual(failures, where + "route fields of " + who, keys(stop),
                words(basis.equals("consent") ? ROUTE_CONSENT_FIELDS : ROUTE_EMERGENCY_FIELDS));
          }
        }
        expectEqual(failures, where + "my route", got, want);
      }

      // exact points: the same residents as the lists, for the roles that see homes
      HttpResponse<byte[]> points = api.bytes(tile, s);
      if (role == Role.SHELTER_STAFF) {
        expectEqual(failures, where + "resident tile status", points.statusCode(), 403);
      } else {
        Set<String> inTile = new TreeSet<>();
        if (points.body().length > 0) {
          MvtReader.read(points.body()).get("residents").features().forEach(f -> inTile.add(nameOf(f.id())));
        }
        expectEqual(failures, where + "resident tile", inTile, sees.keySet());
        expectEqual(failures, where + "resident tile cache", points.headers().firstValue("cache-control").orElse(""),
            "private, no-store");
      }

      // live events: a replay holds the events of exactly the visible residents
      HttpResponse<String> events = api.events("/api/events?replay_only=true", s);
      if (!AccessRules.table().get("GET /api/events").contains(role)) {
        expectStatus(failures, where + "events", events, 403);
      } else {
        Set<String> about = new TreeSet<>();
        String type = "";
        for (String line : events.body().split("\n")) {
          if (line.startsWith("event: ")) {
            type = line.substring(7).trim();
          } else if (line.startsWith("data: ") && type.equals("check")) { // shelter events name nobody
            about.add(nameOf(JSON.readTree(line.substring(6)).get("resident_id").asLong()));
          }
        }
        Set<String> want = new TreeSet<>(sees.keySet());
        want.retainAll(withEvents);
        expectEqual(failures, where + "events", about, want);
      }

      // every endpoint: nobody the caller may not see, in any answer
      leaks(failures, where, s, sees);
    }
    leaks(failures, state + " / anonymous: ", null, Map.of());
  }

  /** Calls every registered endpoint (state changes with an empty body) and looks for residents the caller may not see. */
  private static void leaks(List<String> failures, String where, Api.Session s, Map<String, String> sees) throws Exception {
    for (String endpoint : server.app().endpoints()) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
      if (pattern.startsWith("/api/logout") || pattern.equals("/api/login")) {
        continue; // the sessions are needed; signing in shows no resident
      }
      String path = switch (pattern) {
        case "/tiles/{layer}/{z}/{x}/{tile}" -> tile;
        case "/tiles/{tilejson}" -> "/tiles/residents.json";
        case "/ogc/collections/{collection}", "/ogc/collections/{collection}/items" -> pattern.replace("{collection}", "shelters");
        case "/ogc/collections/{collection}/items/{id}" -> "/ogc/collections/shelters/items/1";
        case "/api/events" -> "/api/events?replay_only=true";
        case "/api/residents" -> "/api/residents?limit=500";
        case "/api/residents/{id}" -> "/api/residents/" + town.resident(REFUSED);
        default -> pattern.replaceAll("\\{[^}/]+}", String.valueOf(emergency == 0 ? 1 : emergency));
      };
      HttpResponse<String> r = method.equals("GET")
          ? (pattern.equals("/api/events") ? api.events(path, s) : api.get(path, s))
          : api.send(method, path, s, "{}");
      if (r.statusCode() >= 500 && !(r.statusCode() == 503 && r.body().contains("No road network is configured"))) {
        failures.add(where + endpoint + " answered " + r.statusCode());
      }
      for (Map.Entry<String, String> e : GIVEN.entrySet()) {
        if (r.body().contains(e.getValue()) && !sees.containsKey(e.getKey())) {
          failures.add(where + endpoint + " shows " + e.getKey() + ", who is not disclosed to this caller");
        }
      }
      for (String address : DisclosureTown.PERSONAL_DATA) {
        if (address.startsWith("沼津市") && r.body().contains(address)) {
          String who = whoLivesAt(address);
          if (who == null || !sees.containsKey(who)) {
            failures.add(where + endpoint + " shows an address not disclosed to this caller");
          }
        }
      }
    }
  }

  /** The CSV holds the list's residents, and a cell only where the JSON list holds the field. */
  private static void checkCsv(List<String> failures, String where, HttpResponse<String> csv, Map<String, JsonNode> list) {
    String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
    String[] keys = {"id", "name", "age", "district", "score", "band", "reasons", "plan_status", "hazard_types",
        "failed_checks"};
    Set<String> rows = new TreeSet<>();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      String who = nameOf(Long.parseLong(cells[0]));
      rows.add(who);
      JsonNode item = list.get(who);
      if (item == null) {
        continue;
      }
      for (int k = 1; k < keys.length; k++) {
        if (!item.has(keys[k]) && !cells[k].isEmpty()) {
          failures.add(where + "csv has " + keys[k] + " of " + who + ", which the list withholds");
        }
      }
      if (item.has("name") && !cells[1].equals(item.get("name").asText())) {
        failures.add(where + "csv name of " + who + " differs from the list");
      }
    }
    expectEqual(failures, where + "csv residents", rows, list.keySet());
  }

  private static String whoLivesAt(String address) {
    List<String> order = List.of(CONSENTED, PRESUMED, REFUSED, UNKNOWN, FAR);
    int i = DisclosureTown.PERSONAL_DATA.indexOf(address) - 7;
    return i >= 0 && i < order.size() ? order.get(i) : null;
  }

  private static String nameOf(long residentId) {
    return town.residents().entrySet().stream().filter(e -> e.getValue() == residentId).map(Map.Entry::getKey)
        .findFirst().orElse("resident " + residentId);
  }

  private static Map<String, String> parse(String spec) {
    Map<String, String> out = new TreeMap<>();
    for (String pair : words(spec)) {
      String[] kv = pair.split("=");
      out.put(kv[0], kv[1]);
    }
    return out;
  }

  private static Set<String> words(String s) {
    Set<String> out = new TreeSet<>();
    for (String w : s.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** Keys of an object, with home, condition and plan one level deep ({@code home.address}). */
  private static Set<String> keys(JsonNode o) {
    Set<String> out = new TreeSet<>();
    o.fields().forEachRemaining(e -> {
      boolean nested = Set.of("home", "condition", "plan").contains(e.getKey()) && e.getValue().isObject();
      if (nested) {
        e.getValue().fieldNames().forEachRemaining(k -> out.add(e.getKey() + "." + k));
      } else {
        out.add(e.getKey());
      }
    });
    return out;
  }

  private static Set<String> iterable(Iterator<String> it) {
    Set<String> out = new TreeSet<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static void expectStatus(List<String> failures, String what, HttpResponse<String> r, int status) {
    expectEqual(failures, what + " status", r.statusCode(), status);
  }

  private static void expectEqual(List<String> failures, String what, Object got, Object want) {
    if (!got.equals(want)) {
      failures.add(what + ": expected " + want + " got " + got);
    }
  }
}
