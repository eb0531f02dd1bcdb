package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.data.demo.DemoTownSummary;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.routing.graph.RoadGraph;
import io.mimamori.server.routing.RoadGraphService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The routing tests' fixture: a small generated town (1,000 synthetic residents, a third of the
 * default extent) on a test server that routes on the town's own OSM file (its graph cached under
 * target/graph-cache, so only the first run builds it), scored under the national profile, with
 * accounts for HQ ({@code r.hq}), a planner ({@code r.planner}), a district planner
 * ({@code r.district}) and a dispatcher ({@code r.dispatch}), all with {@link #PASSWORD}. A gate,
 * when given, holds the graph's opening until the test opens it.
 */
final class RoutingTown implements AutoCloseable {

  static final String PASSWORD = "routing test passphrase";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final TestServer server;
  final DemoTownSummary town;
  private final Map<String, Map<String, String>> sessions = new java.util.concurrent.ConcurrentHashMap<>();

  private RoutingTown(TestServer server, DemoTownSummary town) {
    this.server = server;
    this.town = town;
  }

  static RoutingTown start(String purpose, CountDownLatch gate) throws Exception {
    DemoTownSummary[] town = new DemoTownSummary[1];
    TestServer server = TestServer.startWithRoads(purpose, ds -> {
      Path dir = Files.createDirectories(Path.of("target", "routing-town"));
      town[0] = DemoTownGenerator.generateAndLoad(ds, DemoTownSpec.of(DemoTownSpec.DEFAULT_SEED, 1_000, 0.3), dir,
          (p, f) -> {}, () -> false);
      new PriorityStore(ds).scoreAll(PriorityProfile.NATIONAL);
      AccountStore accounts = new AccountStore(ds);
      String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
      accounts.create("r.hq", "本部", hash, "222038", List.of(RoleGrant.everywhere(Role.HQ)));
      accounts.create("r.planner", "計画", hash, "222038", List.of(RoleGrant.everywhere(Role.PLANNER)));
      accounts.create("r.district", "地区計画", hash, "222038", List.of(new RoleGrant(Role.PLANNER, 1, null)));
      accounts.create("r.dispatch", "配車", hash, "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
      Path osm = town[0].osmFile();
      Path cache = Path.of("target", "graph-cache");
      return new TestServer.Roads(osm, (listener, cancelled) -> {
        try {
          while (gate != null && !gate.await(20, TimeUnit.MILLISECONDS)) {
            if (cancelled.getAsBoolean()) {
              throw new java.util.concurrent.CancellationException("closed before the gate opened");
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.util.concurrent.CancellationException("interrupted before the gate opened");
        }
        return RoadGraph.open(osm, cache, listener, cancelled);
      });
    });
    return new RoutingTown(server, town[0]);
  }

  /** Waits (up to two minutes: a first build) until the road graph is ready. */
  void awaitGraph() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (server.app().roadGraph().status().state() != RoadGraphService.State.READY) {
      assertThat(server.app().roadGraph().status().state()).isNotEqualTo(RoadGraphService.State.FAILED);
      assertThat(System.nanoTime()).as("road graph ready in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  HttpResponse<String> get(String path, String login) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).GET();
    if (login != null) {
      b.header("Cookie", session(login).get("cookie"));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String login, String body) throws Exception {
    Map<String, String> s = session(login);
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Cookie", s.get("cookie"))
        .header("X-CSRF-Token", s.get("csrf")).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GETs and parses a JSON answer, asserting the status. */
  JsonNode getJson(String path, String login, int status) throws Exception {
    HttpResponse<String> r = get(path, login);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  JsonNode postJson(String path, String login, String body, int status) throws Exception {
    HttpResponse<String> r = post(path, login, body);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  /** Polls a job until {@code done} holds of it (up to a minute); returns the last answer. */
  JsonNode awaitJob(String path, String login, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (true) {
      JsonNode j = getJson(path, login, 200);
      if (done.test(j)) {
        return j;
      }
      assertThat(System.nanoTime()).as("job " + path + " in time; last: " + j.path("state")).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** Declares an emergency as HQ over a lon/lat box; returns its id. */
  long declare(List<String> hazards, double minLon, double minLat, double maxLon, double maxLat) throws Exception {
    String area = String.format(java.util.Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
        minLon, minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat);
    JsonNode e = postJson("/api/emergencies", "r.hq", "{\"level\":\"evacuation_order\",\"hazard_types\":"
        + JSON.writeValueAsString(hazards) + ",\"reason\":\"訓練\",\"area\":" + area + "}", 201);
    return e.get("id").asLong();
  }

  /** Inserts synthetic supporters at the given lon/lat points; returns their ids. */
  List<Long> supporters(List<double[]> at) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = server.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO supporter (municipality_code, kind, relation, name, geom) VALUES ('222038', 'person', 'neighbour', "
            + "'試験 支援者', ST_SetSRID(ST_MakePoint(?, ?), 4326)) RETURNING id")) {
      for (double[] p : at) {
        ps.setDouble(1, p[0]);
        ps.setDouble(2, p[1]);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /** The first column of a query's rows (the test's own fixed SQL). */
  List<String> strings(String sql, Object... params) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = server.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  long count(String sql, Object... params) throws Exception {
    return Long.parseLong(strings(sql, params).get(0));
  }

  private Map<String, String> session(String login) throws Exception {
    Map<String, String> s = sessions.get(login);
    if (s == null) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("login", login, "password", PASSWORD))))
          .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("login " + login).isEqualTo(200);
      s = Map.of("cookie", r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0],
          "csrf", JSON.readTree(r.body()).get("csrf_token").asText());
      sessions.put(login, s);
    }
    return s;
  }

  @Override
  public void close() {
    server.close();
  }
}
