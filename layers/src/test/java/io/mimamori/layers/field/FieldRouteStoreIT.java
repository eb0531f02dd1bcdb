package io.mimamori.layers.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.dispatch.PublishedRouteStore;
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

class FieldRouteStoreIT {

  private static Database db;
  private static long dispatcher;
  private static long supporterA;
  private static long supporterB;
  private static long shelter;
  private static EmergencyStore emergencies;
  private static SafetyCheckStore checks;
  private static PublishedRouteStore routes;
  private static FieldRouteStore field;

  @BeforeAll
  static void world() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("field_routes"), 4);
    emergencies = new EmergencyStore(db.dataSource());
    checks = new SafetyCheckStore(db.dataSource());
    routes = new PublishedRouteStore(db.dataSource());
    field = new FieldRouteStore(db.dataSource());
    dispatcher = new AccountStore(db.dataSource()).create("field.dispatch", "配車", "$argon2id$v=19$m=1024,t=1,p=1$AAAA$AAAA",
        "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO household (municipality_code, address, geom, composition, member_count)
          SELECT '222038', '試験町' || i || '番', ST_SetSRID(ST_MakePoint(138.8 + i * 0.0009, 35.105), 4326), 'alone', i
          FROM generate_series(1, 4) i
          """);
      s.execute("""
          INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, family_name_kana,
                                given_name_kana, birth_date, sex, phone, care_level, disability_types, medical_devices,
                                ventilator_24h)
          SELECT id, '222038', 'F' || id, '試験', '花子' || id, 'シケン', 'ハナコ', DATE '1938-02-03', 'female', '0550000000',
                 CASE WHEN member_count = 1 THEN 'care_5' ELSE 'none' END,
                 CASE WHEN member_count = 2 THEN ARRAY['hearing'] ELSE '{}' END,
                 CASE WHEN member_count = 3 THEN ARRAY['ventilator'] ELSE '{}' END,
                 member_count = 3
          FROM household
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
      try (ResultSet rs = s.executeQuery("""
          INSERT INTO shelter (municipality_code, kind, name, geom, source, source_id)
          VALUES ('222038', 'designated_shelter', '第一小学校', ST_SetSRID(ST_MakePoint(138.803, 35.107), 4326), 'test', 'f1'),
                 ('222038', 'welfare_shelter', '遠くの園', ST_SetSRID(ST_MakePoint(138.95, 35.3), 4326), 'test', 'f2')
          RETURNING id""")) {
        rs.next();
        shelter = rs.getLong(1);
      }
      s.execute("INSERT INTO evacuation_plan (resident_id, status, destination_kind, destination_shelter_id, items_to_carry) "
          + "SELECT min(id), 'complete', 'shelter', " + shelter + ", ARRAY['お薬手帳', '眼鏡'] FROM resident");
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void theSupporterSeesTheNewestRevisionWithWhatEachVisitNeeds() throws Exception {
    EmergencyStore.Emergency e = declare();
    List<Long> ids = checkIds(e.id());
    assertThat(field.current(supporterA, 10)).isEmpty();
    assertThat(field.tag(supporterA)).isEqualTo("none");

    Instant t0 = Instant.parse("2026-11-22T03:00:00Z");
    routes.publish(e.id(), supporterA, "foot", "LINESTRING(138.8009 35.105, 138.8027 35.105)",
        List.of(new Stop(ids.get(1), t0), new Stop(ids.get(0), t0.plusSeconds(300))), dispatcher);
    String first = field.tag(supporterA);
    SupporterRoute route = field.current(supporterA, 10).orElseThrow();
    assertThat(route.revision()).isEqualTo(1);
    assertThat(route.emergencyId()).isEqualTo(e.id());
    assertThat(route.geometryGeoJson()).contains("\"LineString\"");
    assertThat(route.stops()).extracting(VisitStop::checkId).containsExactly(ids.get(1), ids.get(0));
    VisitStop hearing = route.stops().get(0);
    assertThat(hearing.seq()).isEqualTo(1);
    assertThat(hearing.plannedArrival()).isEqualTo(t0);
    assertThat(hearing.needs()).containsExactly(VisitNeed.SIGN_LANGUAGE);
    assertThat(hearing.status()).isEqualTo("assigned");
    assertThat(hearing.destination()).isNull();
    VisitStop care5 = route.stops().get(1);
    assertThat(care5.name()).isEqualTo("試験 花子" + care5.residentId());
    assertThat(care5.nameKana()).isEqualTo("シケン ハナコ");
    assertThat(care5.address()).isEqualTo("試験町1番");
    assertThat(care5.home().lon()).isEqualTo(138.8009, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(care5.phone()).isEqualTo("0550000000");
    assertThat(care5.needs()).containsExactly(VisitNeed.WHEELCHAIR, VisitNeed.TWO_PEOPLE);
    assertThat(care5.destination().shelterId()).isEqualTo(shelter);
    assertThat(care5.destination().shelterName()).isEqualTo("第一小学校");
    assertThat(care5.itemsToCarry()).containsExactly("お薬手帳", "眼鏡");
    assertThat(route.shelters()).extracting(SupporterRoute.NearbyShelter::name).containsExactly("第一小学校");

    // a report on one of the route's checks changes the tag; someone else's route does not
    checks.report(ids.get(1), CheckStatus.ON_THE_WAY, null, null, dispatcher, null, "field-tag-0001");
    String second = field.tag(supporterA);
    assertThat(second).isNotEqualTo(first);
    assertThat(field.current(supporterA, 10).orElseThrow().stops().get(0).status()).isEqualTo("on_the_way");
    routes.publish(e.id(), supporterB, "foot", null, List.of(new Stop(ids.get(2), null)), dispatcher);
    assertThat(field.tag(supporterA)).isEqualTo(second);

    // a new revision replaces the route; an ended emergency leaves no route
    routes.publish(e.id(), supporterA, "foot", null, List.of(new Stop(ids.get(0), null)), dispatcher);
    SupporterRoute revised = field.current(supporterA, 10).orElseThrow();
    assertThat(revised.revision()).isEqualTo(2);
    assertThat(revised.geometryGeoJson()).isNull();
    assertThat(revised.stops()).extracting(VisitStop::checkId).containsExactly(ids.get(0));
    assertThat(field.tag(supporterA)).startsWith("e" + e.id() + "-r2-n1-");
    emergencies.end(e.id(), dispatcher, "解除");
    assertThat(field.current(supporterA, 10)).isEmpty();
    assertThat(field.tag(supporterA)).isEqualTo("none");
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
        "SELECT c.id FROM safety_check c WHERE c.emergency_id = " + emergencyId + " ORDER BY c.resident_id")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}
