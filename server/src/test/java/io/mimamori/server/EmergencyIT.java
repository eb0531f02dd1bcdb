package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.db.Database;
import io.mimamori.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emergency day through the API: HQ declares, a check is reported, HQ screens on two server
 * instances sharing one database see it once, within a second, and catch up after a reconnect.
 */
class EmergencyIT {

  private static final ObjectMapper json = new ObjectMapper();
  private static final String PASSWORD = "emergency drill passphrase";
  private static TestServer server;
  private static MimamoriApp second;
  private static Map<String, String> hq;
  private static Map<String, String> dispatcher;
  private static Map<String, String> supporter;
  private static Map<String, String> planner;
  private static long assignedSupporter;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("emergency");
    Database db = server.database();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO household (municipality_code, address, geom, composition, member_count)
          SELECT '222038', 'synthetic', ST_SetSRID(ST_MakePoint(138.80 + i * 0.0009, 35.105), 4326), 'alone', 1
          FROM generate_series(1, 10) i
          """);
      s.execute("""
          INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, birth_date, sex)
          SELECT id, '222038', 'E' || id, '試験', '四郎', DATE '1939-01-01', 'male' FROM household
          """);
      try (ResultSet rs = s.executeQuery("INSERT INTO supporter (municipality_code, kind, relation, name) VALUES "
          + "('222038', 'person', 'neighbour', '近所の人') RETURNING id")) {
        rs.next();
        assignedSupporter = rs.getLong(1);
      }
    }
    AccountStore accounts = new AccountStore(db.dataSource());
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    accounts.create("e.hq", "本部", hash, "222038", List.of(RoleGrant.everywhere(Role.HQ)));
    accounts.create("e.dispatch", "配車", hash, "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
    accounts.create("e.supporter", "支援者", hash, "222038", List.of(new RoleGrant(Role.SUPPORTER, null, assignedSupporter)));
    accounts.create("e.planner", "計画", hash, "222038", List.of(RoleGrant.everywhere(Role.PLANNER)));
    hq = login(server.url(""), "e.hq");
    dispatcher = login(server.url(""), "e.dispatch");
    supporter = login(server.url(""), "e.supporter");
    planner = login(server.url(""), "e.planner");
    // a second instance on the same database, as behind a load balancer
    second = MimamoriApp.start(new ServerConfig("127.0.0.1", 0, Path.of("target/test-home"), Optional.empty(),
        Optional.empty(), "", "テスト市", 4, 64_000_000L, 3, 1000), db.dataSource());
  }

  @AfterAll
  static void stop() {
    second.close();
    server.close();
  }

  @Test
  void aDeclaredEmergencyOpensChecksAndReportsReachEveryScreenOnceWithinASecond() throws Exception {
    JsonNode declared = json.readTree(post(server.url("/api/emergencies"), hq, """
        {"level": "evacuation_order", "hazard_types": ["flood"], "reason": "狩野川氾濫のおそれ",
         "area": {"type": "Polygon", "coordinates": [[[138.80, 35.10], [138.81, 35.10], [138.81, 35.11], [138.80, 35.11], [138.80, 35.10]]]}}
        """).body());
    long emergency = declared.get("id").asLong();
    assertThat(declared.get("checks").asInt()).isEqualTo(10);
    assertThat(declared.get("level_ja").asText()).contains("避難指示");

    List<String> onFirst = new CopyOnWriteArrayList<>();
    List<String> onSecond = new CopyOnWriteArrayList<>();
    var first = listen(server.url("/api/events"), hq, onFirst);
    var other = listen("http://127.0.0.1:" + second.port() + "/api/events", login("http://127.0.0.1:" + second.port(), "e.dispatch"), onSecond);
    Thread.sleep(300);

    long check = firstCheck(emergency);
    long sent = System.nanoTime();
    HttpResponse<String> r = post(server.url("/api/checks/" + check + "/status"), dispatcher,
        "{\"status\": \"needs_help\", \"note\": \"段差で動けない\", \"idempotency_key\": \"drill-0001-abcd\"}");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(json.readTree(r.body()).get("escalated").asBoolean()).isTrue();
    awaitEvent(onFirst, check);
    awaitEvent(onSecond, check);
    assertThat((System.nanoTime() - sent) / 1e9).as("seconds until both screens had it").isLessThan(1.0);

    HttpResponse<String> again = post(server.url("/api/checks/" + check + "/status"), dispatcher,
        "{\"status\": \"needs_help\", \"note\": \"段差で動けない\", \"idempotency_key\": \"drill-0001-abcd\"}");
    assertThat(json.readTree(again.body()).get("duplicate").asBoolean()).isTrue();
    Thread.sleep(300);
    assertThat(onFirst.stream().filter(e -> e.contains("\"check_id\":" + check + ",")).count()).as("once").isEqualTo(1);
    first.cancel(true);
    other.cancel(true);

    // a screen that dropped after event N asks for what came after it
    long lastSeen = json.readTree(onFirst.get(0)).get("id").asLong() - 1;
    HttpResponse<String> replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.url("/api/events?replay_only=true"))).header("Cookie", hq.get("cookie"))
        .header("Accept", "text/event-stream")
        .header("Last-Event-ID", Long.toString(lastSeen)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(replay.body()).contains("\"check_id\":" + check + ",").contains("id: " + (lastSeen + 1));

    JsonNode counts = json.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(server.url("/api/emergencies/" + emergency + "/counts"))).header("Cookie", hq.get("cookie")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(counts.get("needs_help").asInt()).isEqualTo(1);
    assertThat(counts.get("not_assigned").asInt()).isEqualTo(9);
  }

  @Test
  void onlyHqDeclaresAndSupportersReportOnlyTheirOwnChecks() throws Exception {
    String body = """
        {"level": "elderly_evacuation", "hazard_types": ["landslide"], "reason": "土砂災害警戒情報",
         "area": {"type": "Polygon", "coordinates": [[[138.80, 35.10], [138.81, 35.10], [138.81, 35.11], [138.80, 35.11], [138.80, 35.10]]]}}
        """;
    assertThat(post(server.url("/api/emergencies"), dispatcher, body).statusCode()).isEqualTo(403);
    assertThat(post(server.url("/api/emergencies"), planner, body).statusCode()).isEqualTo(403);
    long emergency = json.readTree(post(server.url("/api/emergencies"), hq, body).body()).get("id").asLong();
    long check = firstCheck(emergency);
    assertThat(post(server.url("/api/checks/" + check + "/status"), supporter, "{\"status\": \"on_the_way\"}").statusCode())
        .isEqualTo(403);
    try (Connection c = server.database().dataSource().getConnection()) {
      c.createStatement().execute("UPDATE safety_check SET assigned_supporter_id = " + assignedSupporter + ", status = 'assigned' WHERE id = " + check);
    }
    assertThat(post(server.url("/api/checks/" + check + "/status"), supporter, "{\"status\": \"on_the_way\"}").statusCode())
        .isEqualTo(201);
    assertThat(post(server.url("/api/emergencies/" + emergency + "/end"), hq, "{\"reason\": \"解除\"}").statusCode()).isEqualTo(204);
    assertThat(post(server.url("/api/checks/" + check + "/status"), supporter, "{\"status\": \"safe_at_home\"}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void badDeclarationsAndReportsAre400() throws Exception {
    for (String bad : List.of("{}", "{\"level\": \"x\"}", "not json",
        "{\"level\": \"evacuation_order\", \"hazard_types\": [\"meteor\"], \"reason\": \"r\", \"area\": {}}",
        "{\"level\": \"evacuation_order\", \"hazard_types\": [\"flood\"], \"reason\": \"r\", \"area\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 1]]]}}",
        "{\"level\": \"evacuation_order\", \"hazard_types\": [\"flood\"], \"reason\": \"r\", \"area\": {\"type\": \"Polygon\", \"coordinates\": [[[500, 0], [1, 1], [1, 0], [500, 0]]]}}")) {
      assertThat(post(server.url("/api/emergencies"), hq, bad).statusCode()).as(bad).isEqualTo(400);
    }
    assertThat(post(server.url("/api/checks/abc/status"), hq, "{\"status\": \"safe_at_home\"}").statusCode()).isEqualTo(400);
    assertThat(post(server.url("/api/checks/1/status"), hq, "{\"status\": \"teleported\"}").statusCode()).isEqualTo(400);
    assertThat(post(server.url("/api/checks/1/status"), hq, "{\"status\": \"safe_at_home\", \"idempotency_key\": \"x\"}").statusCode())
        .isEqualTo(400);
  }

  private static java.util.concurrent.CompletableFuture<HttpResponse<Stream<String>>> listen(String url,
      Map<String, String> session, List<String> into) {
    return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(url))
        .header("Cookie", session.get("cookie")).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
        .thenApply(r -> {
          new Thread(() -> r.body().filter(l -> l.startsWith("data: ")).forEach(l -> into.add(l.substring(6)))).start();
          return r;
        });
  }

  private static void awaitEvent(List<String> events, long check) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (events.stream().noneMatch(e -> e.contains("\"check_id\":" + check + ",")) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(events).anyMatch(e -> e.contains("\"check_id\":" + check + ","));
  }

  private static long firstCheck(long emergency) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT min(id) FROM safety_check WHERE emergency_id = " + emergency)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static HttpResponse<String> post(String url, Map<String, String> session, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Cookie", session.get("cookie"))
        .header("X-CSRF-Token", session.get("csrf")).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> login(String base, String login) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("login", login, "password", PASSWORD))))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return Map.of("cookie", r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0],
        "csrf", json.readTree(r.body()).get("csrf_token").asText());
  }
}
