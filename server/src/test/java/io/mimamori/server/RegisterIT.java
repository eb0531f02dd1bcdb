package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planner's register API on a small generated town, for each kind of caller. */
class RegisterIT {

  private static final ObjectMapper json = new ObjectMapper();
  private static final String PASSWORD = "synthetic passphrase 42";
  private static TestServer server;
  private static String planner;
  private static String districtPlanner;
  private static String dispatcher;
  private static int scopedDistrict;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("register_api");
    var ds = server.database().dataSource();
    DemoTownGenerator.generateAndLoad(ds, DemoTownSpec.of(11, 2_000, 0.5), Files.createTempDirectory("town"),
        (p, f) -> {}, () -> false);
    new PriorityStore(ds).scoreAll(PriorityProfile.NATIONAL);
    new PlanCheckStore(ds).checkAll(LocalDate.of(2026, 11, 22));
    try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT district_id FROM household WHERE district_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")) {
      rs.next();
      scopedDistrict = rs.getInt(1);
    }
    AccountStore accounts = new AccountStore(ds);
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    accounts.create("planner.ito", "伊藤", hash, "222038", List.of(RoleGrant.everywhere(Role.PLANNER)));
    accounts.create("planner.ward", "区の担当", hash, "222038", List.of(new RoleGrant(Role.PLANNER, scopedDistrict, null)));
    accounts.create("dispatch.sato", "佐藤", hash, "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
    planner = login("planner.ito");
    districtPlanner = login("planner.ward");
    dispatcher = login("dispatch.sato");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theRankedListComesInScoreOrderWithReasonsAndIsAudited() throws Exception {
    JsonNode page = get("/api/residents?limit=20", planner);
    assertThat(page.get("items")).hasSize(20);
    int previous = Integer.MAX_VALUE;
    for (JsonNode item : page.get("items")) {
      assertThat(item.get("score").asInt()).isLessThanOrEqualTo(previous);
      previous = item.get("score").asInt();
      assertThat(item.get("name").asText()).isNotBlank();
      assertThat(item.get("reasons").get(0).get("ja").asText()).isNotBlank();
    }
    JsonNode next = get("/api/residents?limit=20&after_score=" + page.at("/next/after_score").asInt()
        + "&after_id=" + page.at("/next/after_id").asLong(), planner);
    assertThat(next.get("items").get(0).get("id").asLong()).isNotEqualTo(page.get("items").get(0).get("id").asLong());
    long firstId = page.get("items").get(0).get("id").asLong();
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT count(*) FROM audit_log WHERE login = 'planner.ito' AND action = 'read' AND record_type = 'resident' "
            + "AND record_ids @> ARRAY[" + firstId + "]::bigint[]")) {
      rs.next();
      assertThat(rs.getInt(1)).isPositive();
    }
  }

  @Test
  void filtersNarrowTheList() throws Exception {
    for (JsonNode item : get("/api/residents?hazard=flood&limit=100", planner).get("items")) {
      assertThat(item.get("hazard_types").toString()).contains("flood");
    }
    for (JsonNode item : get("/api/residents?plan_status=none&band=A&limit=100", planner).get("items")) {
      assertThat(item.get("plan_status").asText()).isEqualTo("none");
      assertThat(item.get("band").asText()).isEqualTo("A");
    }
    for (JsonNode item : get("/api/residents?check=no_supporter&limit=100", planner).get("items")) {
      assertThat(item.get("failed_checks").toString()).contains("no_supporter");
    }
  }

  @Test
  void aDistrictsFailedChecksAreTheWholeTownsInThatDistrict() throws Exception {
    // the district's pages start from the failures recorded with the district; the whole town's probe
    // each ranked row: both must name the same people
    Set<Long> inDistrict = new java.util.HashSet<>();
    try (Connection c = server.database().dataSource().getConnection(); var ps = c.prepareStatement(
        "SELECT r.id FROM resident r JOIN household h ON h.id = r.household_id WHERE h.district_id = ?")) {
      ps.setInt(1, scopedDistrict);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inDistrict.add(rs.getLong(1));
        }
      }
    }
    for (String check : List.of("no_supporter", "supporter_exposed", "not_reviewed", "consent_missing")) {
      List<Long> town = allPages("/api/residents?check=" + check, planner).stream()
          .map(item -> item.get("id").asLong()).filter(inDistrict::contains).toList();
      List<Long> ward = allPages("/api/residents?check=" + check, districtPlanner).stream()
          .map(item -> item.get("id").asLong()).toList();
      List<Long> filtered = allPages("/api/residents?check=" + check + "&district=" + scopedDistrict, planner).stream()
          .map(item -> item.get("id").asLong()).toList();
      assertThat(ward).as(check + " for the district's planner").isEqualTo(town);
      assertThat(filtered).as(check + " filtered to the district").isEqualTo(town);
      if (!check.equals("supporter_exposed")) {
        assertThat(town).as(check + " in the district").isNotEmpty();
      }
    }
  }

  private static List<JsonNode> allPages(String path, String cookie) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    String next = path + "&limit=500";
    while (true) {
      JsonNode page = get(next, cookie);
      page.get("items").forEach(out::add);
      if (page.path("next").isMissingNode() || page.path("next").isNull()) {
        return out;
      }
      next = path + "&limit=500&after_score=" + page.at("/next/after_score").asInt() + "&after_id="
          + page.at("/next/after_id").asLong();
    }
  }

  @Test
  void aResidentsPageExplainsTheScoreAndTheFailedChecks() throws Exception {
    long id = get("/api/residents?limit=1", planner).at("/items/0/id").asLong();
    JsonNode detail = get("/api/residents/" + id, planner);
    assertThat(detail.at("/resident/family_name").asText()).isNotBlank();
    int sum = 0;
    for (JsonNode reason : detail.at("/priority/reasons")) {
      sum += reason.get("points").asInt();
      assertThat(reason.get("en").asText()).isNotBlank();
    }
    assertThat(sum).isEqualTo(detail.at("/priority/score").asInt());
    assertThat(detail.get("plan_checks").isArray()).isTrue();
  }

  @Test
  void theSelectionIsAlsoAMapOfHomes() throws Exception {
    JsonNode fc = get("/api/residents.geojson?band=A", planner);
    assertThat(fc.get("features").size())
        .isEqualTo(new PriorityStore(server.database().dataSource()).bandCounts(PriorityProfile.NATIONAL).get("A").intValue());
    JsonNode f = fc.get("features").get(0);
    assertThat(f.at("/properties/band").asText()).isEqualTo("A");
    assertThat(f.at("/geometry/coordinates/0").asDouble()).isBetween(138.0, 140.0);
    assertThat(send("/api/residents.geojson", dispatcher).statusCode()).isEqualTo(403);
  }

  @Test
  void theDistrictsAreListedByNameForTheFilter() throws Exception {
    HttpResponse<String> r = send("/api/districts", null);
    assertThat(r.statusCode()).as("district names are not personal data").isEqualTo(200);
    JsonNode list = json.readTree(r.body());
    List<String> stored = new java.util.ArrayList<>();
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT id || ':' || name FROM district ORDER BY name, id")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    assertThat(stored).hasSizeGreaterThan(1);
    List<String> listed = new java.util.ArrayList<>();
    list.forEach(d -> listed.add(d.get("id").asInt() + ":" + d.get("name").asText()));
    assertThat(listed).isEqualTo(stored);
  }

  @Test
  void aDistrictPlannerSeesOnlyTheirDistrict() throws Exception {
    JsonNode page = get("/api/residents?limit=200", districtPlanner);
    assertThat(page.get("items")).isNotEmpty();
    String district = page.at("/items/0/district").asText();
    for (JsonNode item : page.get("items")) {
      assertThat(item.get("district").asText()).isEqualTo(district);
    }
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT r.id FROM resident r JOIN household h ON h.id = r.household_id WHERE h.district_id <> " + scopedDistrict + " LIMIT 1")) {
      rs.next();
      assertThat(send("/api/residents/" + rs.getLong(1), districtPlanner).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void csvExportIsTheSelectionAndIsAuditedAsAnExport() throws Exception {
    HttpResponse<String> r = send("/api/residents.csv?band=A", planner);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
    String[] lines = r.body().split("\r\n");
    assertThat(lines[0]).contains("氏名", "点数", "理由");
    assertThat(lines.length - 1).isEqualTo(new PriorityStore(server.database().dataSource()).bandCounts(PriorityProfile.NATIONAL).get("A").intValue());
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT count(*) FROM audit_log WHERE login = 'planner.ito' AND action = 'export'")) {
      rs.next();
      assertThat(rs.getInt(1)).isPositive();
    }
  }

  @Test
  void otherRolesAndStrangersAreRefusedAndBadFiltersAre400() throws Exception {
    assertThat(send("/api/residents", dispatcher).statusCode()).isEqualTo(403);
    assertThat(send("/api/residents", null).statusCode()).isEqualTo(401);
    assertThat(send("/api/residents/1", null).statusCode()).isEqualTo(401);
    assertThat(send("/api/residents.csv", dispatcher).statusCode()).isEqualTo(403);
    for (String bad : List.of("?hazard=meteor", "?band=Z", "?factor=nope", "?limit=0", "?profile=x", "?check=nope",
        "?after_score=abc", "?plan_status=done'--")) {
      HttpResponse<String> r = send("/api/residents" + bad, planner);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
    }
    assertThat(send("/api/residents/abc", planner).statusCode()).isEqualTo(400);
    assertThat(send("/api/residents/99999999", planner).statusCode()).isEqualTo(404);
  }

  private static JsonNode get(String path, String cookie) throws Exception {
    HttpResponse<String> r = send(path, cookie);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return json.readTree(r.body());
  }

  private static HttpResponse<String> send(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String login(String login) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("login", login, "password", PASSWORD))))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
  }
}
