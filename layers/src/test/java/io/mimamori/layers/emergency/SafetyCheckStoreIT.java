package io.mimamori.layers.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.testing.TestPostgis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class SafetyCheckStoreIT {

  private static Database db;
  private static long hq;
  private static EmergencyStore emergencies;
  private static SafetyCheckStore checks;

  @BeforeAll
  static void world() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("safety_checks"), 4);
    emergencies = new EmergencyStore(db.dataSource());
    checks = new SafetyCheckStore(db.dataSource());
    hq = new AccountStore(db.dataSource()).create("hq.test", "本部", "$argon2id$v=19$m=1024,t=1,p=1$AAAA$AAAA", "222038",
        List.of(RoleGrant.everywhere(Role.HQ)));
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      // ten residents inside the area (lon 138.80-138.81), five outside, one inside who moved away
      s.execute("""
          INSERT INTO household (municipality_code, address, geom, composition, member_count)
          SELECT '222038', 'synthetic', ST_SetSRID(ST_MakePoint(138.8 + i * 0.0009, 35.105), 4326), 'alone', 1
          FROM generate_series(1, 10) i
          UNION ALL
          SELECT '222038', 'synthetic', ST_SetSRID(ST_MakePoint(138.9 + i * 0.001, 35.105), 4326), 'alone', 1
          FROM generate_series(1, 5) i
          """);
      s.execute("""
          INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, birth_date, sex)
          SELECT id, '222038', 'S' || id, '試験', '三郎', DATE '1940-01-01', 'male' FROM household
          """);
      s.execute("UPDATE resident SET register_status = 'moved_away' WHERE id = (SELECT min(id) FROM resident)");
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void declaringOpensOneCheckPerActiveResidentInTheArea() throws Exception {
    EmergencyStore.Emergency e = declare();
    assertThat(e.checks()).isEqualTo(9);
    assertThat(checks.counts(e.id())).containsEntry("not_assigned", 9L);
    assertThat(emergencies.list(false)).extracting(EmergencyStore.Emergency::id).contains(e.id());
    assertThat(emergencies.end(e.id(), hq, "解除")).isTrue();
    assertThat(emergencies.end(e.id(), hq, "again")).isFalse();
    assertThat(emergencies.list(false)).extracting(EmergencyStore.Emergency::id).doesNotContain(e.id());
  }

  @Test
  void aReportIsAppliedOnceAndEscalatesWhenHelpIsNeeded() throws Exception {
    EmergencyStore.Emergency e = declare();
    long check = firstCheck(e.id());
    SafetyCheckStore.Event first = checks.report(check, CheckStatus.NEEDS_HELP, "動けない", null, hq, null, "key-needs-help-1");
    assertThat(first.escalated()).isTrue();
    assertThat(first.applied()).isTrue();
    SafetyCheckStore.Event again = checks.report(check, CheckStatus.NEEDS_HELP, "動けない", null, hq, null, "key-needs-help-1");
    assertThat(again.duplicate()).isTrue();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(checks.eventsAfter(first.id() - 1, 100)).extracting(SafetyCheckStore.Event::id).containsExactly(first.id());
    assertThat(checks.counts(e.id())).containsEntry("needs_help", 1L);
  }

  @Test
  void aLateOfflineReportIsKeptButDoesNotOverwriteANewerOne() throws Exception {
    EmergencyStore.Emergency e = declare();
    long check = firstCheck(e.id());
    Instant now = Instant.now();
    checks.report(check, CheckStatus.SAFE_AT_HOME, null, null, hq, now, "key-late-newer");
    SafetyCheckStore.Event late = checks.report(check, CheckStatus.ON_THE_WAY, null, null, hq, now.minusSeconds(600), "key-late-older");
    assertThat(late.applied()).isFalse();
    assertThat(checks.counts(e.id())).containsEntry("safe_at_home", 1L).doesNotContainKey("on_the_way");
  }

  @Test
  void reportsOnEndedEmergenciesAndResetsAreRefused() throws Exception {
    EmergencyStore.Emergency e = declare();
    long check = firstCheck(e.id());
    assertThatThrownBy(() -> checks.report(check, CheckStatus.NOT_ASSIGNED, null, null, hq, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    emergencies.end(e.id(), hq, "解除");
    assertThatThrownBy(() -> checks.report(check, CheckStatus.SAFE_AT_HOME, null, null, hq, null, null))
        .hasMessageContaining("ended");
  }

  private static EmergencyStore.Emergency declare() throws Exception {
    GeometryFactory gf = new GeometryFactory();
    Geometry area = gf.createPolygon(new Coordinate[] {new Coordinate(138.80, 35.10), new Coordinate(138.81, 35.10),
        new Coordinate(138.81, 35.11), new Coordinate(138.80, 35.11), new Coordinate(138.80, 35.10)});
    return emergencies.declare("222038", EmergencyLevel.EVACUATION_ORDER, List.of("flood"), area, "狩野川氾濫のおそれ", hq);
  }

  private static long firstCheck(long emergencyId) throws Exception {
    try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT min(id) FROM safety_check WHERE emergency_id = " + emergencyId)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
