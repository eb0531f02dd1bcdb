package io.mimamori.layers.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.testing.TestPostgis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A reader that keeps only "the last id I have" (the HQ screens) never skips a safety-check event,
 * though writers commit ids out of order: it stops before an id still being written, passes one
 * rolled back, and, racing many writers, receives every event.
 */
class EventOrderIT {

  private static Database db;
  private static long hq;
  private static long emergency;
  private static List<Long> checkIds = new ArrayList<>();

  @BeforeAll
  static void world() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("event_order"), 12);
    hq = new AccountStore(db.dataSource()).create("order.hq", "本部", "$argon2id$v=19$m=1024,t=1,p=1$AAAA$AAAA", "222038",
        List.of(RoleGrant.everywhere(Role.HQ)));
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO household (municipality_code, address, geom, composition, member_count)
          SELECT '222038', 'synthetic', ST_SetSRID(ST_MakePoint(138.8 + i * 0.0001, 35.105), 4326), 'alone', 1
          FROM generate_series(1, 16) i
          """);
      s.execute("""
          INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, birth_date, sex)
          SELECT id, '222038', 'O' || id, '試験', '五郎', DATE '1940-01-01', 'male' FROM household
          """);
    }
    GeometryFactory gf = new GeometryFactory();
    var area = gf.createPolygon(new Coordinate[] {new Coordinate(138.79, 35.10), new Coordinate(138.81, 35.10),
        new Coordinate(138.81, 35.11), new Coordinate(138.79, 35.11), new Coordinate(138.79, 35.10)});
    emergency = new EmergencyStore(db.dataSource()).declare("222038", EmergencyLevel.EVACUATION_ORDER, List.of("flood"), area,
        "順序", hq).id();
    try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT id FROM safety_check WHERE emergency_id = " + emergency + " ORDER BY id")) {
      while (rs.next()) {
        checkIds.add(rs.getLong(1));
      }
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aReaderStopsBeforeAnIdStillBeingWrittenAndPassesARolledBackOne() throws Exception {
    SafetyCheckStore store = new SafetyCheckStore(db.dataSource());
    long before = maxId();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (Connection first = db.dataSource().getConnection(); Connection second = db.dataSource().getConnection()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      long a = insertEvent(first, checkIds.get(0));
      long b = other.submit(() -> {
        long id = insertEvent(second, checkIds.get(1));
        second.commit();
        return id;
      }).get(5, TimeUnit.SECONDS); // writers do not wait for each other
      assertThat(b).isGreaterThan(a);
      assertThat(store.eventsAfter(before, 100)).as("b is visible, a is not yet: nothing may pass a").isEmpty();
      first.commit();
      assertThat(store.eventsAfter(before, 100)).extracting(SafetyCheckStore.Event::id).containsExactly(a, b);

      long c = insertEvent(first, checkIds.get(2));
      first.rollback(); // c is gone for good
      long d = insertEvent(second, checkIds.get(3));
      second.commit();
      assertThat(d).isGreaterThan(c);
      assertThat(store.eventsAfter(b, 100)).extracting(SafetyCheckStore.Event::id).containsExactly(d);
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void aShelterEventStillBeingWrittenHoldsBackLaterCheckEventsForItSharesTheNumbering() throws Exception {
    SafetyCheckStore store = new SafetyCheckStore(db.dataSource());
    EventSequence sequence = new EventSequence(db.dataSource());
    long shelter;
    try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "INSERT INTO shelter (kind, name, geom, source, source_id) VALUES ('designated_shelter', '順序小学校',"
            + " ST_SetSRID(ST_MakePoint(138.8, 35.105), 4326), 'demo', 'order-1') RETURNING id")) {
      rs.next();
      shelter = rs.getLong(1);
    }
    long before = sequence.horizon(0, 100_000);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (Connection first = db.dataSource().getConnection(); Connection second = db.dataSource().getConnection()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      long a;
      try (Statement s = first.createStatement(); ResultSet rs = s.executeQuery(
          "INSERT INTO shelter_event (shelter_id, kind, is_open, occupied, level, level_before) VALUES (" + shelter
              + ", 'opened', true, 0, 'ok', 'closed') RETURNING id")) {
        rs.next();
        a = rs.getLong(1);
      }
      long b = other.submit(() -> {
        long id = insertEvent(second, checkIds.get(4));
        second.commit();
        return id;
      }).get(5, TimeUnit.SECONDS); // a shelter writer does not hold up a check writer
      assertThat(b).isGreaterThan(a);
      assertThat(sequence.horizon(before, 100)).as("nothing may pass the shelter event being written").isEqualTo(before);
      assertThat(store.eventsAfter(before, 100)).isEmpty();
      first.commit();
      assertThat(sequence.horizon(before, 100)).isEqualTo(b);
      assertThat(store.eventsAfter(before, 100)).extracting(SafetyCheckStore.Event::id).containsExactly(b);
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void aReaderKeepingOnlyTheLastIdMissesNothingWhileManyReport() throws Exception {
    SafetyCheckStore store = new SafetyCheckStore(db.dataSource());
    long start = store.eventsAfter(0, 100_000).stream().mapToLong(SafetyCheckStore.Event::id).max().orElse(0);
    AtomicBoolean writing = new AtomicBoolean(true);
    TreeSet<Long> seen = new TreeSet<>();
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
      long last = start;
      try {
        while (writing.get() || last < maxId()) {
          for (SafetyCheckStore.Event e : store.eventsAfter(last, 500)) {
            seen.add(e.id());
            last = e.id();
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    ExecutorService writers = Executors.newFixedThreadPool(8);
    List<Future<?>> jobs = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int writer = w;
      jobs.add(writers.submit(() -> {
        for (int i = 0; i < 40; i++) {
          long check = checkIds.get((writer * 2 + i % 2) % checkIds.size());
          store.report(check, i % 2 == 0 ? CheckStatus.ON_THE_WAY : CheckStatus.SAFE_AT_HOME, null, null, hq, null,
              "order-" + writer + "-" + i);
        }
        return null;
      }));
    }
    for (Future<?> j : jobs) {
      j.get(120, TimeUnit.SECONDS);
    }
    writing.set(false);
    reader.get(60, TimeUnit.SECONDS);
    writers.shutdown();
    List<Long> stored = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT id FROM safety_check_event WHERE id > " + start + " ORDER BY id")) {
      while (rs.next()) {
        stored.add(rs.getLong(1));
      }
    }
    assertThat(stored).hasSize(8 * 40);
    assertThat(seen).containsExactlyElementsOf(stored);
  }

  private static long insertEvent(Connection c, long check) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "INSERT INTO safety_check_event (safety_check_id, emergency_id, status) VALUES (" + check + ", " + emergency
            + ", 'on_the_way') RETURNING id")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long maxId() throws Exception {
    try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT coalesce(max(id), 0) FROM safety_check_event")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
