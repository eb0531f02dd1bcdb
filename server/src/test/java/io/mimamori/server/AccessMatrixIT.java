package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.server.auth.AccessRules;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every role (and no session): allowed or refused as the rule table says, and
 * the rule table covers exactly the registered endpoints.
 */
class AccessMatrixIT {

  private static final ObjectMapper json = new ObjectMapper();
  private static final String PASSWORD = "matrix test passphrase";
  private static TestServer server;
  private static final Map<Role, String> cookies = new EnumMap<>(Role.class);
  private static final Map<Role, String> csrf = new EnumMap<>(Role.class);

  /** A concrete request for each endpoint pattern. */
  private static final Map<String, String> SAMPLE = new LinkedHashMap<>();

  static {
    SAMPLE.put("/tiles/{layer}/{z}/{x}/{tile}", "/tiles/shelters/10/907/405.mvt");
    SAMPLE.put("/tiles/{tilejson}", "/tiles/shelters.json");
    SAMPLE.put("/ogc/collections/{collection}", "/ogc/collections/shelters");
    SAMPLE.put("/ogc/collections/{collection}/items", "/ogc/collections/shelters/items");
    SAMPLE.put("/ogc/collections/{collection}/items/{id}", "/ogc/collections/shelters/items/1");
    SAMPLE.put("/api/residents/{id}", "/api/residents/1");
    SAMPLE.put("/api/residents/{id}/history", "/api/residents/1/history");
    SAMPLE.put("/api/residents/{id}/plan", "/api/residents/1/plan");
    SAMPLE.put("/api/residents/{id}/consent", "/api/residents/1/consent");
    SAMPLE.put("/api/households/{id}", "/api/households/1");
    SAMPLE.put("/api/supporters/{id}", "/api/supporters/1");
    SAMPLE.put("/api/emergencies/{id}/end", "/api/emergencies/999/end");
    SAMPLE.put("/api/emergencies/{id}/counts", "/api/emergencies/999/counts");
    SAMPLE.put("/api/checks/{id}/status", "/api/checks/999/status");
    SAMPLE.put("/api/events", "/api/events?replay_only=true");
    SAMPLE.put("/api/emergencies/{id}/supporters", "/api/emergencies/999/supporters");
    SAMPLE.put("/api/route", "/api/route?from=138.86,35.10&to=138.87,35.11");
    SAMPLE.put("/api/residents/{id}/destinations", "/api/residents/1/destinations");
    SAMPLE.put("/api/preassignments/{id}", "/api/preassignments/0123456789abcdef0123456789abcdef");
    SAMPLE.put("/api/preassignments/{id}/cancel", "/api/preassignments/0123456789abcdef0123456789abcdef/cancel");
    SAMPLE.put("/api/optimisations/{id}", "/api/optimisations/0123456789abcdef0123456789abcdef");
    SAMPLE.put("/api/optimisations/{id}/stop", "/api/optimisations/0123456789abcdef0123456789abcdef/stop");
    SAMPLE.put("/api/optimisations/{id}/moves", "/api/optimisations/0123456789abcdef0123456789abcdef/moves");
    SAMPLE.put("/api/optimisations/{id}/replan", "/api/optimisations/0123456789abcdef0123456789abcdef/replan");
    SAMPLE.put("/api/optimisations/{id}/publish", "/api/optimisations/0123456789abcdef0123456789abcdef/publish");
    SAMPLE.put("/tiles/live/{layer}/{z}/{x}/{tile}", "/tiles/live/check_status/10/907/405.mvt");
    SAMPLE.put("/api/emergencies/{id}/escalations", "/api/emergencies/999/escalations");
    SAMPLE.put("/api/shelters/{id}/status", "/api/shelters/999/status");
    SAMPLE.put("/api/shelters/{id}/open", "/api/shelters/999/open");
    SAMPLE.put("/api/shelters/{id}/close", "/api/shelters/999/close");
    SAMPLE.put("/api/shelters/{id}/check-ins", "/api/shelters/999/check-ins");
    SAMPLE.put("/api/shelters/{id}/stays", "/api/shelters/999/stays");
    SAMPLE.put("/api/stays/{id}/check-out", "/api/stays/999/check-out");
    SAMPLE.put("/api/transfers/{id}/accept", "/api/transfers/999/accept");
    SAMPLE.put("/api/transfers/{id}/refuse", "/api/transfers/999/refuse");
    SAMPLE.put("/api/transfers/{id}/moved", "/api/transfers/999/moved");
    SAMPLE.put("/api/checks/{id}/photos", "/api/checks/999/photos");
    SAMPLE.put("/api/photos/{id}", "/api/photos/999");
  }

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("access_matrix");
    AccountStore accounts = new AccountStore(server.database().dataSource());
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    long supporterId;
    try (var c = server.database().dataSource().getConnection(); var rs = c.createStatement().executeQuery(
        "INSERT INTO supporter (municipality_code, kind, relation, name) VALUES ('222038', 'organisation', "
            + "'voluntary_disaster_group', '自主防災会') RETURNING id")) {
      rs.next();
      supporterId = rs.getLong(1);
    }
    for (Role role : Role.values()) {
      accounts.create("m." + role.code().replace('_', '-'), role.code(), hash, "222038",
          List.of(new RoleGrant(role, null, role == Role.SUPPORTER ? supporterId : null)));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theRuleTableCoversExactlyTheRegisteredEndpoints() {
    List<String> registered = server.app().endpoints();
    assertThat(registered).isNotEmpty();
    List<String> missing = new ArrayList<>();
    for (String e : registered) {
      if (!AccessRules.table().containsKey(e)) {
        missing.add(e);
      }
    }
    assertThat(missing).as("endpoints without an access rule").isEmpty();
    assertThat(registered).as("rules without an endpoint").containsAll(AccessRules.table().keySet());
  }

  @Test
  void theRegisterIsChangedByAdminsAndPlannersAndItsHistoryReadAlsoByHq() {
    Set<Role> writers = Set.of(Role.ADMIN, Role.PLANNER);
    for (String endpoint : List.of("PATCH /api/residents/{id}", "PATCH /api/households/{id}",
        "PATCH /api/residents/{id}/plan", "POST /api/residents/{id}/consent", "POST /api/supporters",
        "PATCH /api/supporters/{id}", "GET /api/supporters")) {
      assertThat(AccessRules.table().get(endpoint)).as(endpoint).isEqualTo(writers);
    }
    assertThat(AccessRules.table().get("GET /api/residents/{id}/history")).isEqualTo(Set.of(Role.ADMIN, Role.HQ, Role.PLANNER));
  }

  @Test
  void everyEndpointForEveryRole() throws Exception {
    List<String> failures = new ArrayList<>();
    List<String> endpoints = new ArrayList<>(server.app().endpoints());
    endpoints.sort((a, b) -> Boolean.compare(a.startsWith("POST"), b.startsWith("POST"))); // state changes last
    for (String endpoint : endpoints) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
      String path = SAMPLE.getOrDefault(pattern, pattern.replaceAll("\\{[^}/]+}", "999"));
      Set<Role> allowed = AccessRules.table().get(endpoint);
      int anonymous = call(method, path, null);
      if (allowed.isEmpty()) {
        // a refused sign-in is 401 by design; any other public endpoint answers without a session
        boolean ok = anonymous != 403 && (anonymous != 401 || path.equals("/api/login"));
        check(failures, endpoint, "anonymous", ok, anonymous);
      } else {
        check(failures, endpoint, "anonymous", anonymous == 401, anonymous);
      }
      for (Role role : Role.values()) {
        int status = call(method, path, role);
        boolean permitted = allowed.isEmpty() || allowed.contains(role);
        boolean ok = permitted ? status != 401 && (status != 403 || AccessRules.conditional(endpoint, role)) : status == 403;
        check(failures, endpoint, role.code(), ok, status);
        if (method.equals("POST") && path.startsWith("/api/logout")) {
          cookies.remove(role); // that session is over; the next call signs in again
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static void check(List<String> failures, String endpoint, String who, boolean ok, int status) {
    if (!ok) {
      failures.add(endpoint + " as " + who + " answered " + status);
    }
  }

  private static int call(String method, String path, Role role) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
        .header("Content-Type", "application/json")
        .header("Accept", path.startsWith("/api/events") ? "text/event-stream" : "*/*");
    String body = path.equals("/api/login")
        ? json.writeValueAsString(Map.of("login", role == null ? "nobody" : "m." + role.code().replace('_', '-'), "password", PASSWORD))
        : "{}";
    b.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (role != null && !path.equals("/api/login")) {
      b.header("Cookie", session(role));
      b.header("X-CSRF-Token", csrf.get(role));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String session(Role role) throws Exception {
    if (!cookies.containsKey(role)) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
              Map.of("login", "m." + role.code().replace('_', '-'), "password", PASSWORD))))
          .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      cookies.put(role, r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0]);
      csrf.put(role, json.readTree(r.body()).get("csrf_token").asText());
    }
    return cookies.get(role);
  }
}
