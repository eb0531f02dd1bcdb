package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.audit.AuditLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthIT {

  private static final ObjectMapper json = new ObjectMapper();
  private static final String PASSWORD = "a long synthetic passphrase";
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("auth");
    AccountStore accounts = new AccountStore(server.database().dataSource());
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    accounts.create("hq.tanaka", "田中（本部）", hash, "222038", List.of(RoleGrant.everywhere(Role.HQ)));
    accounts.create("locked.user", "ロック試験", hash, "222038", List.of(RoleGrant.everywhere(Role.PLANNER)));
    accounts.create("everywhere", "全端末", hash, "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void loginGivesAnHttpOnlyStrictCookieAndMeAnswers() throws Exception {
    HttpResponse<String> bad = login("hq.tanaka", "not the password at all");
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(login("nobody.here", PASSWORD).body()).isEqualTo(bad.body()); // no hint that the account exists
    HttpResponse<String> ok = login("hq.tanaka", PASSWORD);
    assertThat(ok.statusCode()).isEqualTo(200);
    String setCookie = ok.headers().firstValue("set-cookie").orElseThrow();
    assertThat(setCookie).startsWith("mimamori_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    JsonNode me = json.readTree(send("GET", "/api/me", cookie(setCookie), null, null).body());
    assertThat(me.get("login").asText()).isEqualTo("hq.tanaka");
    assertThat(me.at("/roles/0/role").asText()).isEqualTo("hq");
    assertThat(send("GET", "/api/me", null, null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void stateChangesNeedTheCsrfToken() throws Exception {
    HttpResponse<String> ok = login("hq.tanaka", PASSWORD);
    String cookie = cookie(ok.headers().firstValue("set-cookie").orElseThrow());
    String csrf = json.readTree(ok.body()).get("csrf_token").asText();
    assertThat(send("POST", "/api/logout", cookie, null, "{}").statusCode()).isEqualTo(403);
    assertThat(send("POST", "/api/logout", cookie, "wrong", "{}").statusCode()).isEqualTo(403);
    assertThat(send("POST", "/api/logout", cookie, csrf, "{}").statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/me", cookie, null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void fiveFailuresLockTheAccount() throws Exception {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong = login("locked.user", "wrong password " + i);
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(json.readTree(wrong.body()).get("error").asText()).isEqualTo("wrong_credentials");
    }
    HttpResponse<String> locked = login("locked.user", PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(401);
    assertThat(locked.body()).contains("locked");
    assertThat(json.readTree(locked.body()).get("error").asText()).as("a code the sign-in page words itself").isEqualTo("account_locked");
  }

  @Test
  void logoutEverywhereEndsEverySession() throws Exception {
    HttpResponse<String> phone = login("everywhere", PASSWORD);
    HttpResponse<String> desk = login("everywhere", PASSWORD);
    String phoneCookie = cookie(phone.headers().firstValue("set-cookie").orElseThrow());
    String deskCookie = cookie(desk.headers().firstValue("set-cookie").orElseThrow());
    String csrf = json.readTree(desk.body()).get("csrf_token").asText();
    Thread.sleep(5); // sessions started strictly before the cut-off
    assertThat(send("POST", "/api/logout-everywhere", deskCookie, csrf, "{}").statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/me", phoneCookie, null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/me", deskCookie, null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void loginsAndFailuresAreAuditedAndTheChainHolds() throws Exception {
    login("hq.tanaka", PASSWORD);
    login("hq.tanaka", "definitely wrong!!");
    try (Connection c = server.database().dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT count(*) FILTER (WHERE action = 'login'), count(*) FILTER (WHERE action = 'login_failed') FROM audit_log WHERE login = 'hq.tanaka'")) {
      rs.next();
      assertThat(rs.getInt(1)).isPositive();
      assertThat(rs.getInt(2)).isPositive();
    }
    assertThat(new AuditLog(server.database().dataSource()).verify().intact()).isTrue();
  }

  @Test
  void malformedLoginsAre400AndHeadersAreSet() throws Exception {
    HttpResponse<String> r = send("POST", "/api/login", null, null, "{not json");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(send("POST", "/api/login", null, null, "{\"login\": 5}").statusCode()).isEqualTo(400);
    HttpResponse<String> any = send("GET", "/health", null, null, null);
    assertThat(any.headers().firstValue("content-security-policy").orElse("")).contains("default-src 'self'", "frame-ancestors 'none'");
    assertThat(any.headers().firstValue("x-content-type-options")).contains("nosniff");
  }

  @Test
  void tooManyAttemptsFromOneAddressAre429() throws Exception {
    int limit = 8;
    try (TestServer strict = TestServer.start("auth_rate", limit)) {
      List<Integer> statuses = new java.util.ArrayList<>();
      for (int i = 0; i < limit + 2; i++) {
        statuses.add(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(strict.url("/api/login")))
            .POST(HttpRequest.BodyPublishers.ofString("{\"login\": \"nobody.at.all\", \"password\": \"guess " + i + "\"}"))
            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding()).statusCode());
      }
      assertThat(statuses.subList(0, limit)).containsOnly(401);
      assertThat(statuses.subList(limit, limit + 2)).containsOnly(429);
    }
  }

  private static HttpResponse<String> login(String login, String password) throws Exception {
    return send("POST", "/api/login", null, null, json.writeValueAsString(java.util.Map.of("login", login, "password", password)));
  }

  private static String cookie(String setCookie) {
    return setCookie.split(";", 2)[0];
  }

  private static HttpResponse<String> send(String method, String path, String cookie, String csrf, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
