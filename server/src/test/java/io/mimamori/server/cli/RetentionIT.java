package io.mimamori.server.cli;

import static io.mimamori.layers.testing.DisclosureTown.NEIGHBOUR;
import static io.mimamori.layers.testing.DisclosureTown.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.dispatch.PublishedRouteStore;
import io.mimamori.layers.testing.DisclosureTown;
import io.mimamori.server.Api;
import io.mimamori.server.MimamoriApp;
import io.mimamori.server.TestServer;
import io.mimamori.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Emergency disclosures are recorded and bounded: a supporter's look at a resident without consent
 * becomes a grant record HQ can review; after the emergency ends and the retention period passes,
 * {@code mimamori retention purge} (and the server at start-up) deletes the grants and the routes
 * published to supporters, keeps the safety checks, and writes the purge to the audit log, whose
 * chain still holds.
 */
class RetentionIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "retention test passphrase";
  private static TestServer server;
  private static Api api;
  private static DisclosureTown town;
  private static Api.Session hq;
  private static Api.Session neighbour;
  private static long hqUser;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("retention");
    api = new Api(server);
    DataSource ds = server.database().dataSource();
    town = DisclosureTown.create(ds);
    AccountStore accounts = new AccountStore(ds);
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    hqUser = accounts.create("r.hq", "本部", hash, "222038", List.of(RoleGrant.everywhere(Role.HQ)));
    accounts.create("r.neighbour", "近所", hash, "222038", List.of(new RoleGrant(Role.SUPPORTER, null, town.supporter(NEIGHBOUR))));
    hq = api.login("r.hq", PASSWORD);
    neighbour = api.login("r.neighbour", PASSWORD);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void disclosuresWithoutConsentAreRecordedThenPurgedAfterTheRetentionPeriod() throws Exception {
    DataSource ds = server.database().dataSource();
    long emergency = declare();
    // the neighbour's plan names the resident who never answered the consent form: shown during the emergency only
    JsonNode mine = JSON.readTree(api.get("/api/my/residents", neighbour).body());
    assertThat(idsOf(mine, "emergency")).containsExactly(town.resident(UNKNOWN));
    new PublishedRouteStore(ds).publish(emergency, town.supporter(NEIGHBOUR), "foot", null,
        List.of(new PublishedRouteStore.Stop(town.checkOf(ds, emergency, UNKNOWN), null)), hqUser);
    JsonNode review = JSON.readTree(api.get("/api/emergencies/" + emergency + "/disclosures", hq).body());
    assertThat(review).singleElement().satisfies(g -> {
      assertThat(g.get("login").asText()).isEqualTo("r.neighbour");
      assertThat(g.get("resident_ids").toString()).isEqualTo("[" + town.resident(UNKNOWN) + "]");
      assertThat(g.get("fields").toString()).contains("name", "location").doesNotContain("care_manager", "birth_date");
    });
    assertThat(count("SELECT count(*) FROM audit_log WHERE login = 'r.neighbour' AND action = 'disclose' "
        + "AND record_ids @> ARRAY[" + town.resident(UNKNOWN) + "]::bigint[]")).isPositive();
    end(emergency);
    assertThat(idsOf(JSON.readTree(api.get("/api/my/residents", neighbour).body()), "emergency"))
        .as("ended: the emergency basis is gone at once").isEmpty();
    long checks = count("SELECT count(*) FROM safety_check WHERE emergency_id = " + emergency);

    Output run = purge(List.of("purge"));
    assertThat(run.text()).contains("Nothing to purge");
    assertThat(count("SELECT count(*) FROM disclosure_grant WHERE emergency_id = " + emergency)).isEqualTo(1);

    endedDaysAgo(emergency, 31);
    run = purge(List.of("purge"));
    assertThat(run.code()).isZero();
    assertThat(run.text()).contains("emergency " + emergency + ": 1 disclosure records of 1 residents and 1 published routes purged");
    assertThat(count("SELECT count(*) FROM disclosure_grant WHERE emergency_id = " + emergency)).isZero();
    assertThat(count("SELECT count(*) FROM published_route WHERE emergency_id = " + emergency)).isZero();
    assertThat(count("SELECT count(*) FROM safety_check WHERE emergency_id = " + emergency)).as("checks stay").isEqualTo(checks);
    assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'delete' AND purpose = 'retention_purge' "
        + "AND record_type = 'emergency' AND record_ids = ARRAY[" + emergency + "]::bigint[] AND login LIKE 'cli:%'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'delete' AND purpose = 'retention_purge' "
        + "AND record_type = 'resident' AND record_ids = ARRAY[" + town.resident(UNKNOWN) + "]::bigint[] "
        + "AND seq = (SELECT seq + 1 FROM audit_log WHERE record_type = 'emergency' AND purpose = 'retention_purge' "
        + "AND record_ids = ARRAY[" + emergency + "]::bigint[])")).as("the purge names whose records went").isEqualTo(1);
    assertThat(new AuditLog(ds).verify().intact()).isTrue();
    assertThat(JSON.readTree(api.get("/api/emergencies/" + emergency + "/disclosures", hq).body())).isEmpty();
    assertThat(purge(List.of("purge")).text()).as("a second run finds nothing").contains("Nothing to purge");
  }

  @Test
  void aShorterRetentionCanBeGivenOnTheCommandLine() throws Exception {
    long emergency = declare();
    api.get("/api/my/residents", neighbour);
    end(emergency);
    assertThat(purge(List.of("purge", "--retention-days=0")).text()).contains("emergency " + emergency + ":");
    assertThat(count("SELECT count(*) FROM disclosure_grant WHERE emergency_id = " + emergency)).isZero();
    assertThat(purge(List.of("purge", "--retention-days=-1")).code()).isEqualTo(2);
  }

  @Test
  void theServerPurgesAtStartUp() throws Exception {
    long emergency = declare();
    api.get("/api/my/residents", neighbour);
    end(emergency);
    endedDaysAgo(emergency, 40);
    ServerConfig config = new ServerConfig("127.0.0.1", 0, Path.of("target/test-home"), Optional.empty(), Optional.empty(),
        "", "テスト市", 4, 64_000_000L, 3, 1000);
    try (MimamoriApp second = MimamoriApp.start(config, server.database().dataSource())) {
      assertThat(second.port()).isPositive();
      assertThat(count("SELECT count(*) FROM disclosure_grant WHERE emergency_id = " + emergency)).isZero();
      assertThat(count("SELECT count(*) FROM audit_log WHERE purpose = 'retention_purge' AND login = 'system' "
          + "AND record_ids = ARRAY[" + emergency + "]::bigint[]")).isEqualTo(1);
    }
  }

  private record Output(int code, String text) {}

  private static Output purge(List<String> args) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    ServerConfig config = new ServerConfig("127.0.0.1", 0, Path.of("target/test-home"), Optional.empty(), Optional.empty(),
        "", "テスト市", 4, 64_000_000L, 3, 1000).withDisclosureRetention(Duration.ofDays(30));
    int code;
    try {
      code = RetentionCommand.run(server.database().dataSource(), config, args, out);
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      code = 2;
    }
    return new Output(code, console.toString(StandardCharsets.UTF_8));
  }

  private static long declare() throws Exception {
    var r = api.post("/api/emergencies", hq,
        "{\"level\": \"evacuation_order\", \"hazard_types\": [\"flood\"], \"reason\": \"訓練\", \"area\": " + DisclosureTown.AREA + "}");
    assertThat(r.statusCode()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asLong();
  }

  private static void end(long emergency) throws Exception {
    assertThat(api.post("/api/emergencies/" + emergency + "/end", hq, "{\"reason\": \"解除\"}").statusCode()).isEqualTo(204);
  }

  private static void endedDaysAgo(long emergency, int days) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE emergency SET ended_at = now() - make_interval(days => ?) WHERE id = ?")) {
      ps.setInt(1, days);
      ps.setLong(2, emergency);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  private static List<Long> idsOf(JsonNode mine, String basis) {
    List<Long> out = new ArrayList<>();
    mine.get("items").forEach(i -> {
      if (i.get("basis").asText().equals(basis)) {
        out.add(i.get("id").asLong());
      }
    });
    return out;
  }

  private static long count(String sql) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
