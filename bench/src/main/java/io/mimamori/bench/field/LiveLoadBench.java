package io.mimamori.bench.field;

import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.account.SessionStore;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.db.EmbeddedPostgres;
import io.mimamori.layers.dispatch.PublishedRouteStore;
import io.mimamori.layers.emergency.EmergencyLevel;
import io.mimamori.layers.emergency.EmergencyStore;
import io.mimamori.server.MimamoriApp;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Issue 8's figure: N supporters' phones each posting a status report every few seconds (uniformly
 * 1-5 s apart, 3 s on average) on the checks of their published route, and M HQ screens watching
 * {@code GET /api/events}, for a while, on one or more server instances sharing one database (in
 * this JVM, on an embedded cluster). For every acknowledged report the harness knows its event id
 * and when the phone sent it; each screen notes when each event id arrived. It prints the delay
 * from sending to showing (over every screen and event), lost events (acknowledged but never shown
 * on a screen, after a drain of 5 s), duplicated and out-of-order arrivals, and the POST latency.
 *
 * <pre>
 * java -Xmx1g -cp 'bench/target/classes:bench/target/lib/*' io.mimamori.bench.field.LiveLoadBench \
 *     [phones=300] [screens=20] [seconds=60] [instances=1] [cluster folder=bench/target/pg-bench]
 * </pre>
 *
 * The database {@code bench_live} is made anew for every run.
 */
public final class LiveLoadBench {

  private static final String DATABASE = "bench_live";
  private static final int CHECKS_PER_PHONE = 5;
  private static final String[] STATUSES = {"on_the_way", "safe_at_home", "not_at_home", "on_the_way", "evacuated",
      "needs_help", "could_not_reach"};
  private static final Pattern EVENT_ID = Pattern.compile("\"event_id\":(\\d+)");

  private LiveLoadBench() {}

  public static void main(String[] args) throws Exception {
    int phones = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int screens = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    int instances = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Path home = Path.of(args.length > 4 ? args[4] : "bench/target/pg-bench");
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(home, "postgres")) {
      try (Connection c = pg.connect("postgres"); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      }
      pg.ensureDatabase(DATABASE);
      try (Database db = Database.open(pg.config(DATABASE), 12)) {
        run(db, pg, phones, screens, seconds, instances);
      }
    }
    System.exit(0); // the HTTP clients' threads would keep the JVM alive
  }

  private static void run(Database db, EmbeddedPostgres pg, int phones, int screens, int seconds, int instances)
      throws Exception {
    Town town = Town.make(db, phones, screens);
    List<MimamoriApp> apps = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      apps.add(MimamoriApp.start(new ServerConfig("127.0.0.1", 0, Path.of("bench/target/live-home"),
          Optional.of(pg.config(DATABASE)), Optional.empty(), "", "ベンチ市", 12, 64_000_000L, 3, 100_000), db.dataSource()));
    }
    String[] bases = apps.stream().map(a -> "http://127.0.0.1:" + a.port()).toArray(String[]::new);
    long startId = town.maxEventId(db);

    // the screens, connected before the first report, from the current end of the event stream
    HttpClient sse = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService screenThreads = Executors.newFixedThreadPool(screens);
    List<SseWatcher> watchers = new ArrayList<>();
    for (int i = 0; i < screens; i++) {
      SseWatcher w = new SseWatcher(sse, bases[i % bases.length] + "/api/events?after=" + startId,
          AuthRoutes.COOKIE + "=" + town.screenTokens.get(i));
      watchers.add(w);
      screenThreads.submit(w);
    }
    Thread.sleep(1000);

    // the phones
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(8)).build();
    Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> postNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService phoneThreads = Executors.newFixedThreadPool(phones);
    CountDownLatch done = new CountDownLatch(phones);
    double load0 = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    for (int p = 0; p < phones; p++) {
      int phone = p;
      phoneThreads.submit(() -> {
        SplittableRandom random = new SplittableRandom(phone);
        String base = bases[phone % bases.length];
        String cookie = AuthRoutes.COOKIE + "=" + town.phoneTokens.get(phone);
        String csrf = town.phoneCsrf.get(phone);
        try {
          Thread.sleep(random.nextInt(3000)); // phones do not start in step
          for (int n = 0; System.nanoTime() < end; n++) {
            long check = town.checks.get(phone * CHECKS_PER_PHONE + n % CHECKS_PER_PHONE);
            String status = STATUSES[n % STATUSES.length];
            String body = "{\"status\":\"" + status + "\",\"idempotency_key\":\"bench-" + phone + "-" + n + "\"}";
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/checks/" + check + "/status"))
                  .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body))
                  .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf).build(),
                  HttpResponse.BodyHandlers.ofString());
              long t1 = System.nanoTime();
              Matcher m = EVENT_ID.matcher(r.body());
              if (r.statusCode() == 201 && m.find()) {
                sentAt.put(Long.parseLong(m.group(1)), t0);
                postNanos.add(t1 - t0);
                sent.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
            } catch (java.io.IOException e) {
              failed.incrementAndGet();
            }
            Thread.sleep(1000 + random.nextInt(4001));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    double load1 = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Thread.sleep(5000); // drain
    watchers.forEach(SseWatcher::stop);
    phoneThreads.shutdownNow();
    screenThreads.shutdownNow();
    apps.forEach(MimamoriApp::close);

    // what the screens saw of what the phones sent
    List<Long> delays = new ArrayList<>();
    long lost = 0;
    long duplicated = 0;
    long outOfOrder = 0;
    long foreign = 0;
    for (SseWatcher w : watchers) {
      if (w.failure != null) {
        System.out.println("screen failed: " + w.failure);
      }
      for (Map.Entry<Long, Long> e : sentAt.entrySet()) {
        Long seen = w.firstSeen.get(e.getKey());
        if (seen == null) {
          lost++;
        } else {
          delays.add(seen - e.getValue());
        }
      }
      duplicated += w.times.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
      foreign += w.times.keySet().stream().filter(id -> !sentAt.containsKey(id)).count();
      outOfOrder += w.outOfOrder.get();
    }
    long[] d = delays.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] post = postNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(Locale.ROOT, "%nphones %d, screens %d, %d s, %d instance(s); load average %.1f -> %.1f%n",
        phones, screens, seconds, instances, load0, load1);
    System.out.println("| phones | screens | instances | seconds | reports acknowledged | reports/s | failed | POST p50 ms | POST p99 ms "
        + "| sent→shown p50 ms | p95 ms | p99 ms | max ms | deliveries | lost | duplicated | out of order |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %,d | %.1f | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %,d | %d | %d | %d |%n",
        phones, screens, instances, seconds, sent.get(), sent.get() / (double) seconds, failed.get(),
        pct(post, 50), pct(post, 99), pct(d, 50), pct(d, 95), pct(d, 99), d.length == 0 ? 0 : d[d.length - 1] / 1e6,
        d.length, lost, duplicated, outOfOrder);
    if (foreign > 0) {
      System.out.println("events shown that no phone sent in this run (assignments etc.): " + foreign);
    }
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** The synthetic town: residents, an emergency, supporters with published routes, HQ accounts, open sessions. */
  private record Town(List<Long> checks, List<String> phoneTokens, List<String> phoneCsrf, List<String> screenTokens) {

    static Town make(Database db, int phones, int screens) throws Exception {
      int residents = phones * CHECKS_PER_PHONE;
      long dispatcher;
      List<Long> supporters = new ArrayList<>();
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO household (municipality_code, address, geom, composition, member_count) "
            + "SELECT '222038', 'ベンチ町' || i, ST_SetSRID(ST_MakePoint(138.80 + (i % 100) * 0.0005, 35.10 + (i / 100) * 0.0005), 4326), "
            + "'alone', 1 FROM generate_series(0, " + (residents - 1) + ") i");
        s.execute("INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, birth_date, sex) "
            + "SELECT id, '222038', 'B' || id, '試験', '太郎', DATE '1940-01-01', 'male' FROM household");
        s.execute("INSERT INTO supporter (municipality_code, kind, relation, name) "
            + "SELECT '222038', 'person', 'neighbour', '支援者' || i FROM generate_series(1, " + phones + ") i");
        try (ResultSet rs = s.executeQuery("SELECT id FROM supporter ORDER BY id")) {
          while (rs.next()) {
            supporters.add(rs.getLong(1));
          }
        }
      }
      AccountStore accounts = new AccountStore(db.dataSource());
      String hash = new PasswordHasher().hash("bench passphrase".toCharArray());
      dispatcher = accounts.create("bench.dispatch", "配車", hash, "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
      GeometryFactory gf = new GeometryFactory();
      var area = gf.createPolygon(new Coordinate[] {new Coordinate(138.79, 35.09), new Coordinate(138.86, 35.09),
          new Coordinate(138.86, 35.15), new Coordinate(138.79, 35.15), new Coordinate(138.79, 35.09)});
      long emergency = new EmergencyStore(db.dataSource()).declare("222038", EmergencyLevel.EVACUATION_ORDER, List.of("flood"),
          area, "ベンチ", dispatcher).id();
      List<Long> checks = new ArrayList<>();
      try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM safety_check WHERE emergency_id = ? ORDER BY id")) {
        ps.setLong(1, emergency);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            checks.add(rs.getLong(1));
          }
        }
      }
      if (checks.size() != residents) {
        throw new IllegalStateException("expected " + residents + " checks, got " + checks.size());
      }
      PublishedRouteStore routes = new PublishedRouteStore(db.dataSource());
      SessionStore sessions = new SessionStore(db.dataSource(), Duration.ofHours(12), Duration.ofHours(24));
      List<String> phoneTokens = new ArrayList<>();
      List<String> phoneCsrf = new ArrayList<>();
      for (int p = 0; p < phones; p++) {
        List<PublishedRouteStore.Stop> stops = new ArrayList<>();
        for (int k = 0; k < CHECKS_PER_PHONE; k++) {
          stops.add(new PublishedRouteStore.Stop(checks.get(p * CHECKS_PER_PHONE + k), null));
        }
        routes.publish(emergency, supporters.get(p), "foot", null, stops, dispatcher);
        long user = accounts.create("bench.phone" + p, "支援" + p, hash, "222038",
            List.of(new RoleGrant(Role.SUPPORTER, null, supporters.get(p))));
        SessionStore.NewSession s = sessions.open(user);
        phoneTokens.add(s.token());
        phoneCsrf.add(s.csrfToken());
      }
      List<String> screenTokens = new ArrayList<>();
      for (int i = 0; i < screens; i++) {
        long user = accounts.create("bench.hq" + i, "本部" + i, hash, "222038", List.of(RoleGrant.everywhere(Role.HQ)));
        screenTokens.add(sessions.open(user).token());
      }
      return new Town(checks, phoneTokens, phoneCsrf, screenTokens);
    }

    long maxEventId(Database db) throws Exception {
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM safety_check_event")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
