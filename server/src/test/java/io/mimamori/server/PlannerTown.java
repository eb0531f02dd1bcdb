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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The planner page test's fixture: a small generated town (2,000 synthetic residents) on a test
 * server, scored under the national and Kobe profiles with its plans checked, and accounts for a
 * planner ({@link #PLANNER}), one to sign out ({@code planner.out}), one to lock
 * ({@code planner.locked}) and a dispatcher ({@code dispatch.mori}), all with {@link #PASSWORD}.
 * Reads the database and the API so that a test can compare the page with both.
 */
final class PlannerTown {

  static final String PASSWORD = "synthetic passphrase 42";
  static final String PLANNER = "planner.kato";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestServer server;

  private PlannerTown(TestServer server) {
    this.server = server;
  }

  static PlannerTown load(TestServer server, LocalDate checkDate) throws Exception {
    var ds = server.database().dataSource();
    DemoTownGenerator.generateAndLoad(ds, DemoTownSpec.of(23, 2_000, 0.5), Files.createTempDirectory("planner-town"),
        (p, f) -> {}, () -> false);
    PriorityStore priorities = new PriorityStore(ds);
    priorities.scoreAll(PriorityProfile.NATIONAL);
    priorities.scoreAll(PriorityProfile.KOBE);
    new PlanCheckStore(ds).checkAll(checkDate);
    AccountStore accounts = new AccountStore(ds);
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    accounts.create(PLANNER, "加藤", hash, "222038", List.of(RoleGrant.everywhere(Role.PLANNER)));
    accounts.create("planner.out", "退出試験", hash, "222038", List.of(RoleGrant.everywhere(Role.PLANNER)));
    accounts.create("planner.locked", "ロック試験", hash, "222038", List.of(RoleGrant.everywhere(Role.PLANNER)));
    accounts.create("dispatch.mori", "森", hash, "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
    return new PlannerTown(server);
  }

  /** GETs an API path with a session cookie ({@code name=value}); asserts 200. */
  JsonNode api(String path, String cookie) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** The first column of a query's rows, as text (the test's own fixed SQL, never page input). */
  List<String> strings(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = server.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  List<Long> longs(String sql) throws Exception {
    return strings(sql).stream().map(Long::parseLong).toList();
  }
}
