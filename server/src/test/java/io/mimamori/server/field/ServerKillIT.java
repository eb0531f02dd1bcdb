package io.mimamori.server.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.db.DatabaseConfig;
import io.mimamori.layers.testing.TestPostgis;
import io.mimamori.server.field.FieldDrill.Drill;
import io.mimamori.server.field.FieldDrill.FieldWorker;
import io.mimamori.server.field.FieldDrill.Session;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server killed in the middle of a burst of status reports: the real server runs in a separate
 * JVM ({@code java -cp <this test's classpath> io.mimamori.server.Main serve}) on this test's
 * database; four supporters' phones send reports from four threads as fast as it answers; the
 * process gets SIGKILL once a third of them are acknowledged. Every report that got a 2xx answer
 * must be stored. After a restart the phones resend everything not acknowledged, with the same
 * idempotency keys, in their order: each report is then stored exactly once, those that the dead
 * server had stored but not answered included.
 */
class ServerKillIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] STATUSES = {"on_the_way", "safe_at_home", "not_at_home", "evacuated", "needs_help"};
  private static final int PHONES = 4;
  private static final int REPORTS_PER_PHONE = 90;

  private static DatabaseConfig config;
  private static Database db;
  private static int port;
  private static Process server;

  /** One report a phone means to deliver. */
  record Report(int phone, int order, long checkId, String status, String key) {}

  @BeforeAll
  static void database() {
    config = TestPostgis.freshDatabase("server kill");
    db = Database.open(config, 4);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.destroyForcibly();
    }
    db.close();
  }

  @Test
  void everyAcknowledgedReportSurvivesAKillAndResendingStoresEachOnce() throws Exception {
    port = freePort();
    String base = "http://127.0.0.1:" + port;
    server = startServer(1);
    FieldDrill drill = new FieldDrill(db.dataSource(), base);
    Drill d = drill.declare(PHONES * 10);
    List<Session> sessions = new ArrayList<>();
    List<List<Report>> plans = new ArrayList<>();
    for (int p = 0; p < PHONES; p++) {
      FieldWorker w = drill.supporter("kill.phone" + p);
      List<Long> checks = d.checkIds().subList(p * 10, p * 10 + 10);
      drill.publish(d, w, checks);
      sessions.add(drill.login(w.login()));
      List<Report> plan = new ArrayList<>();
      for (int i = 0; i < REPORTS_PER_PHONE; i++) {
        plan.add(new Report(p, i, checks.get(i % checks.size()), STATUSES[i % STATUSES.length],
            String.format("kill-%d-%04d-%s", p, i, Long.toHexString(Double.doubleToLongBits(Math.random())))));
      }
      plans.add(plan);
    }

    // the burst, and SIGKILL in its middle
    Map<String, Integer> answered = new ConcurrentHashMap<>();
    Map<String, String> failed = new ConcurrentHashMap<>();
    AtomicInteger acknowledged = new AtomicInteger();
    CountDownLatch third = new CountDownLatch(PHONES * REPORTS_PER_PHONE / 3);
    List<Thread> phones = new ArrayList<>();
    for (int p = 0; p < PHONES; p++) {
      List<Report> plan = plans.get(p);
      Session s = sessions.get(p);
      Thread t = new Thread(() -> {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (Report r : plan) {
          try {
            HttpResponse<String> answer = send(http, base, s, r);
            answered.put(r.key(), answer.statusCode());
            if (answer.statusCode() / 100 == 2) {
              acknowledged.incrementAndGet();
              third.countDown();
            }
          } catch (IOException e) {
            failed.put(r.key(), e.getClass().getSimpleName());
            return; // no signal: the phone keeps the rest for later, in order
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "phone-" + p);
      phones.add(t);
      t.start();
    }
    assertThat(third.await(120, TimeUnit.SECONDS)).as("a third of the burst acknowledged").isTrue();
    Instant killedAt = Instant.now();
    server.destroyForcibly(); // SIGKILL: no shutdown hook, no draining
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).as("killed by signal 9").isEqualTo(137);
    for (Thread t : phones) {
      t.join(30_000);
    }
    List<String> acked = answered.entrySet().stream().filter(e -> e.getValue() / 100 == 2).map(Map.Entry::getKey).toList();
    assertThat(answered.values()).as("answers before the kill").allMatch(code -> code == 201);
    assertThat(failed).as("reports in flight when the server died").isNotEmpty();

    Map<String, Integer> stored = storedCounts();
    for (String key : acked) {
      assertThat(stored.getOrDefault(key, 0)).as("acknowledged report " + key + " is stored once").isEqualTo(1);
    }
    long inFlightStored = failed.keySet().stream().filter(stored::containsKey).count();

    // restart; the phones send again everything without a 2xx answer, same keys, same order
    server = startServer(2);
    int duplicates = 0;
    int created = 0;
    HttpClient http = HttpClient.newHttpClient();
    for (int p = 0; p < PHONES; p++) {
      for (Report r : plans.get(p)) {
        if (answered.getOrDefault(r.key(), 0) / 100 == 2) {
          continue;
        }
        HttpResponse<String> answer = send(http, base, sessions.get(p), r); // the session outlives the process
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
        JsonNode body = JSON.readTree(answer.body());
        if (body.get("duplicate").asBoolean()) {
          duplicates++;
        } else {
          created++;
        }
      }
    }
    stored = storedCounts();
    List<Report> all = plans.stream().flatMap(List::stream).toList();
    for (Report r : all) {
      assertThat(stored.getOrDefault(r.key(), 0)).as("report " + r.key() + " stored exactly once").isEqualTo(1);
    }
    assertThat(stored).hasSize(all.size());
    assertThat(duplicates).as("resent reports the dead server had stored but not answered").isEqualTo((int) inFlightStored);
    assertThat(storedStatuses()).isEqualTo(all.stream().collect(java.util.stream.Collectors.toMap(Report::key, Report::status)));
    assertThat(unauditedReports()).as("stored reports (user, resident) with fewer audit entries than reports").isEmpty();
    System.out.printf("kill test: %d reports from %d phones; %d acknowledged before SIGKILL at %s, %d in flight "
            + "(%d of them stored without an answer); after restart %d resent: %d stored now, %d answered as duplicates%n",
        all.size(), PHONES, acked.size(), killedAt, failed.size(), inFlightStored, created + duplicates, created, duplicates);
  }

  private static HttpResponse<String> send(HttpClient http, String base, Session s, Report r)
      throws IOException, InterruptedException {
    String body = "{\"status\": \"" + r.status() + "\", \"idempotency_key\": \"" + r.key() + "\""
        + (r.status().equals("evacuated") ? ", \"note\": \"親戚宅へ\"" : "") + "}";
    return http.send(HttpRequest.newBuilder(URI.create(base + "/api/checks/" + r.checkId() + "/status"))
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
        .header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf()).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The real server in its own JVM, on this test's classpath and database; returns once /health answers. */
  private static Process startServer(int run) throws Exception {
    Path log = Path.of("target", "kill-server-" + run + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.mimamori.server.Main", "serve");
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("MIMAMORI_"));
    env.put("MIMAMORI_DB_URL", config.jdbcUrl());
    env.put("MIMAMORI_DB_USER", config.user());
    env.put("MIMAMORI_DB_PASSWORD", config.password());
    env.put("MIMAMORI_HOST", "127.0.0.1");
    env.put("MIMAMORI_PORT", Integer.toString(port));
    env.put("MIMAMORI_BASEMAP", "none");
    env.put("MIMAMORI_HOME", Path.of("target", "kill-home").toAbsolutePath().toString());
    env.put("MIMAMORI_DB_POOL_SIZE", "8");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the server exited with " + p.exitValue() + "; see " + log.toAbsolutePath());
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return p;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new IllegalStateException("the server did not answer /health within 90 s; see " + log.toAbsolutePath());
  }

  private static Map<String, Integer> storedCounts() throws Exception {
    Map<String, Integer> out = new HashMap<>();
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT idempotency_key, count(*) FROM safety_check_event WHERE idempotency_key LIKE 'kill-%' GROUP BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }

  private static Map<String, String> storedStatuses() throws Exception {
    Map<String, String> out = new HashMap<>();
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT idempotency_key, status FROM safety_check_event WHERE idempotency_key LIKE 'kill-%'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /**
   * Pairs of (user, resident) with more stored reports than audited updates: an update stored by a
   * server that died before auditing it must be audited when the phone resends it.
   */
  private static List<String> unauditedReports() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("""
        WITH reports AS (
          SELECT e.reported_by AS user_id, sc.resident_id, count(*) AS n
          FROM safety_check_event e JOIN safety_check sc ON sc.id = e.safety_check_id
          WHERE e.idempotency_key LIKE 'kill-%' GROUP BY 1, 2),
        audits AS (
          SELECT a.user_id, r.resident_id, count(*) AS n
          FROM audit_log a CROSS JOIN LATERAL unnest(a.record_ids) AS r(resident_id)
          WHERE a.action = 'update' AND a.purpose = 'safety_check' GROUP BY 1, 2)
        SELECT reports.user_id, reports.resident_id, reports.n, coalesce(audits.n, 0)
        FROM reports LEFT JOIN audits USING (user_id, resident_id)
        WHERE coalesce(audits.n, 0) < reports.n""");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add("user " + rs.getLong(1) + " resident " + rs.getLong(2) + ": " + rs.getLong(3) + " reports, " + rs.getLong(4) + " audited");
      }
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
