package io.mimamori.layers.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.dispatch.PublishedRouteStore.Stop;
import io.mimamori.layers.emergency.CheckStatus;
import io.mimamori.layers.emergency.EmergencyLevel;
import io.mimamori.layers.emergency.EmergencyStore;
import io.mimamori.layers.emergency.SafetyCheckStore;
import io.mimamori.layers.testing.TestPostgis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class PublishedRouteStoreIT {

  private static Database db;
  private static long dispatcher;
  private static long supporterA;
  private static long supporterB;
  private static EmergencyStore emergencies;
  private static SafetyCheckStore checks;
  private static PublishedRouteStore routes;

  @BeforeAll
  static void world() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("published_routes"), 4);
    emergencies = new EmergencyStore(db.dataSource());
    checks = new SafetyCheckStore(db.dataSource());
    routes = new PublishedRouteStore(db.dataSource());
    dispatcher = new AccountStore(db.dataSource()).create("dispatch.test", "配車", "$argon2id$v=19$m=1024,t=1,p=1$AAAA$AAAA",
        "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO household (municipality_code, address, geom, composition, member_count)
          SELECT '222038', 'synthetic', ST_SetSRID(ST_MakePoint(138.8 + i * 0.0009, 35.105), 4326), 'alone', 1
          FROM generate_series(1, 6) i
          """);
      s.execute("""
          INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, birth_date, sex)
          SELECT id, '222038', 'S' || id, '試験', '四郎', DATE '1941-01-01', 'male' FROM household
          """);
      s.execute("""
          INSERT INTO supporter (municipality_code, kind, relation, name) VALUES
          ('222038', 'person', 'neighbour', '支援 一'), ('222038', 'person', 'neighbour', '支援 二')
          """);
      try (ResultSet rs = s.executeQuery("SELECT min(id), max(id) FROM supporter")) {
        rs.next();
        supporterA = rs.getLong(1);
        supporterB = rs.getLong(2);
      }
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void publishingAssignsTheChecksAndANewRevisionReleasesTheDroppedOnes() throws Exception {
    EmergencyStore.Emergency e = declare();
    List<Long> ids = checkIds(e.id());
    Instant t0 = Instant.parse("2026-11-22T03:00:00Z");
    var first = routes.publish(e.id(), supporterA, "foot", "LINESTRING(138.8 35.1, 138.81 35.1)",
        List.of(new Stop(ids.get(2), t0), new Stop(ids.get(0), t0.plusSeconds(300)), new Stop(ids.get(1), null)), dispatcher);
    assertThat(first.revision()).isEqualTo(1);
    assertThat(checks.counts(e.id())).containsEntry("assigned", 3L).containsEntry("not_assigned", 3L);
    assertThat(checks.assignedSupporter(ids.get(0))).contains(supporterA);

    // the supporter reports on one stop, then the dispatcher re-plans without two of them
    checks.report(ids.get(0), CheckStatus.ON_THE_WAY, null, null, dispatcher, null, "pub-route-otw-1");
    var second = routes.publish(e.id(), supporterA, "foot", null, List.of(new Stop(ids.get(2), t0)), dispatcher);
    assertThat(second.revision()).isEqualTo(2);
    assertThat(checks.assignedSupporter(ids.get(1))).isEmpty();
    assertThat(checks.assignedSupporter(ids.get(0))).isEmpty();
    assertThat(checks.counts(e.id())).containsEntry("assigned", 1L).containsEntry("on_the_way", 1L)
        .containsEntry("not_assigned", 4L);

    var current = routes.current(supporterA, e.id()).orElseThrow();
    assertThat(current.revision()).isEqualTo(2);
    assertThat(current.stops()).extracting(Stop::safetyCheckId).containsExactly(ids.get(2));
    assertThat(current.geometryWkt()).isNull();
    assertThat(routes.current(supporterB, e.id())).isEmpty();
    // every change of assignment left an event for the screens
    assertThat(checks.eventsAfter(0, 1000)).filteredOn(ev -> ev.emergencyId() == e.id()).hasSize(3 + 1 + 2);
  }

  @Test
  void aRouteWithAForeignOrRepeatedCheckStoresNothing() throws Exception {
    EmergencyStore.Emergency e = declare();
    EmergencyStore.Emergency other = declare();
    List<Long> ids = checkIds(e.id());
    long foreign = checkIds(other.id()).get(0);
    assertThatThrownBy(() -> routes.publish(e.id(), supporterB, "car", null,
        List.of(new Stop(ids.get(0), null), new Stop(foreign, null)), dispatcher)).hasMessageContaining("not part of");
    assertThatThrownBy(() -> routes.publish(e.id(), supporterB, "car", null,
        List.of(new Stop(ids.get(0), null), new Stop(ids.get(0), null)), dispatcher)).hasMessageContaining("twice");
    assertThat(routes.current(supporterB, e.id())).isEmpty();
    assertThat(checks.counts(e.id())).containsOnlyKeys("not_assigned");
    emergencies.end(e.id(), dispatcher, "解除");
    assertThatThrownBy(() -> routes.publish(e.id(), supporterB, "car", null, List.of(new Stop(ids.get(0), null)), dispatcher))
        .hasMessageContaining("ended");
  }

  private static EmergencyStore.Emergency declare() throws Exception {
    GeometryFactory gf = new GeometryFactory();
    var area = gf.createPolygon(new Coordinate[] {new Coordinate(138.80, 35.10), new Coordinate(138.81, 35.10),
        new Coordinate(138.81, 35.11), new Coordinate(138.80, 35.11), new Coordinate(138.80, 35.10)});
    return emergencies.declare("222038", EmergencyLevel.EVACUATION_ORDER, List.of("flood"), area, "訓練", dispatcher);
  }

  private static List<Long> checkIds(long emergencyId) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT id FROM safety_check WHERE emergency_id = " + emergencyId + " ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}
