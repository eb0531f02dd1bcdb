package io.mimamori.layers.shelterops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.layers.shelter.ShelterStore;
import io.mimamori.layers.testing.TestPostgis;
import io.mimamori.layers.tiles.MvtReader;
import io.mimamori.layers.tiles.TileCoord;
import io.mimamori.layers.tiles.TileLayer;
import io.mimamori.layers.tiles.TileStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shelters during an emergency on the real PostGIS: occupancy by check-in and check-out (persons
 * and family members), the capacity levels at their thresholds, eligibility at welfare shelters,
 * the transfer lifecycle, the events with the state after each change, and the shelter and check
 * tiles that show them.
 */
class ShelterOpsStoreIT {

  private static Database db;
  private static ShelterOpsStore shelters;
  private static TransferStore transfers;
  private static long user;
  private static long[] residents;
  private static long emergency;

  // z14 tile 14/14512/6484 holds lon 138.8672..138.8892, lat 35.0840..35.1019
  private static final TileCoord AT_Z14 = new TileCoord(14, 14512, 6484);

  @BeforeAll
  static void load() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("shelter ops"), 4);
    shelters = new ShelterOpsStore(db.dataSource());
    transfers = new TransferStore(db.dataSource());
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      List<Shelter> list = new ArrayList<>();
      int n = 0;
      for (Integer capacity : new Integer[] {10, 10, 0, null, 10, 30}) {
        n++;
        list.add(new Shelter("222038", ShelterKind.DESIGNATED_SHELTER, "避難所" + n, null, LonLat.of(138.870 + n * 0.002, 35.090),
            null, null, null, null, capacity, null, null, "t", "d" + n));
      }
      list.add(new Shelter("222038", ShelterKind.WELFARE_SHELTER, "福祉センター", null, LonLat.of(138.885, 35.095),
          null, "高齢者", Set.of("elderly"), null, 5, null, null, "t", "w1"));
      list.add(new Shelter("222038", ShelterKind.WELFARE_SHELTER, "福祉センター2", null, LonLat.of(138.884, 35.094),
          null, "高齢者", Set.of("elderly"), null, 5, null, null, "t", "w2"));
      list.add(new Shelter("222038", ShelterKind.CHILD_WELFARE_SHELTER, "支援学校", null, LonLat.of(138.886, 35.096),
          null, null, Set.of("pupils", "families"), Set.of("intellectual"), 20, 4, null, "t", "c1"));
      ShelterStore.upsertAll(c, list);
      try (Statement s = c.createStatement()) {
        s.execute("""
            INSERT INTO app_user (login, display_name, password_hash, municipality_code)
            VALUES ('staff', '職員', '$argon2id$synthetic', '222038')
            """);
        s.execute("""
            INSERT INTO household (municipality_code, address, geom, composition, member_count)
            SELECT '222038', 'synthetic', ST_SetSRID(ST_MakePoint(138.876 + i * 0.00001, 35.091), 4326), 'alone', 1
            FROM generate_series(1, 6) AS i
            """);
        s.execute("""
            INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, birth_date, sex)
            SELECT id, '222038', 'R' || id, '試験', '花子', DATE '1940-01-01', 'female' FROM household
            """);
        user = single(s, "SELECT id FROM app_user");
        s.execute("""
            INSERT INTO emergency (municipality_code, level, hazard_types, area, reason, declared_by)
            SELECT '222038', 'evacuation_order', '{flood}',
                   ST_Multi(ST_MakeEnvelope(138.86, 35.08, 138.89, 35.10, 4326)), '訓練', id FROM app_user
            """);
        emergency = single(s, "SELECT id FROM emergency");
        s.execute("""
            INSERT INTO safety_check (emergency_id, resident_id) SELECT e.id, r.id FROM emergency e, resident r
            """);
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT id FROM resident ORDER BY id")) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
        residents = ids.stream().mapToLong(Long::longValue).toArray();
      }
      c.commit();
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void checkInsAndOutsCountPersonsAndFamilyMembers() throws Exception {
    long shelter = shelterId("d1");
    ShelterEvent opened = shelters.open(shelter, null, null, user);
    assertThat(opened.kind()).isEqualTo("opened");
    assertThat(opened.emergencyId()).as("the newest active emergency").isEqualTo(emergency);
    assertThat(opened.levelBefore()).isEqualTo(CapacityLevel.CLOSED);
    assertThat(opened.level()).isEqualTo(CapacityLevel.OK);

    ShelterEvent first = shelters.checkIn(shelter, new ShelterOpsStore.CheckIn(residents[0], 1, 2, null), user, null);
    ShelterEvent second = shelters.checkIn(shelter, new ShelterOpsStore.CheckIn(null, 3, 0, null), user, "walk-in-0001");
    assertThat(first.occupied()).isEqualTo(3);
    assertThat(second.occupied()).isEqualTo(6);
    ShelterState state = shelters.state(shelter).orElseThrow();
    assertThat(state.open()).isTrue();
    assertThat(state.persons()).isEqualTo(4);
    assertThat(state.familyMembers()).isEqualTo(2);
    assertThat(state.occupied()).isEqualTo(6);
    assertThat(state.eligible() + state.notEligible() + state.unconfirmed()).as("no eligibility at ordinary shelters").isZero();

    ShelterEvent again = shelters.checkIn(shelter, new ShelterOpsStore.CheckIn(null, 3, 0, null), user, "walk-in-0001");
    assertThat(again.duplicate()).isTrue();
    assertThat(again.id()).isEqualTo(second.id());
    assertThat(shelters.state(shelter).orElseThrow().occupied()).as("a repeated check-in counts once").isEqualTo(6);

    ShelterEvent out = shelters.checkOut(first.stayId(), user, null);
    assertThat(out.kind()).isEqualTo("checked_out");
    assertThat(out.occupied()).isEqualTo(3);
    assertThatThrownBy(() -> shelters.checkOut(first.stayId(), user, null)).isInstanceOf(ShelterOpsException.class)
        .extracting(e -> ((ShelterOpsException) e).kind()).isEqualTo(ShelterOpsException.Kind.CONFLICT);
    state = shelters.state(shelter).orElseThrow();
    assertThat(state.arrivals()).isEqualTo(6);
    assertThat(state.departures()).isEqualTo(3);
    assertThat(shelters.presentStays(shelter)).extracting(Stay::persons).containsExactly(3);

    assertThatThrownBy(() -> shelters.checkIn(shelter, new ShelterOpsStore.CheckIn(residents[1], 1, 0,
        ArrivalEligibility.ELIGIBLE), user, null)).extracting(e -> ((ShelterOpsException) e).field()).isEqualTo("eligibility");
    assertThatThrownBy(() -> shelters.close(shelter, user)).extracting(e -> ((ShelterOpsException) e).kind())
        .isEqualTo(ShelterOpsException.Kind.CONFLICT);
    shelters.checkOut(second.stayId(), user, null);
    ShelterEvent closed = shelters.close(shelter, user);
    assertThat(closed.open()).isFalse();
    assertThat(closed.level()).isEqualTo(CapacityLevel.CLOSED);
    assertThat(closed.openingId()).isEqualTo(opened.openingId());
    assertThat(shelters.emergencyStates(emergency)).filteredOn(s -> s.shelterId() == shelter).singleElement()
        .satisfies(s -> {
          assertThat(s.level()).isEqualTo(CapacityLevel.CLOSED);
          assertThat(s.arrivals()).isEqualTo(6);
          assertThat(s.departures()).isEqualTo(6);
        });
    assertThatThrownBy(() -> shelters.checkIn(shelter, new ShelterOpsStore.CheckIn(null, 1, 0, null), user, null))
        .extracting(e -> ((ShelterOpsException) e).kind()).isEqualTo(ShelterOpsException.Kind.CONFLICT);
  }

  @Test
  void levelsTurnNearFullAtEightyPercentAndFullAtCapacity() throws Exception {
    long shelter = shelterId("d2"); // 10 places
    shelters.open(shelter, emergency, null, user);
    assertThat(shelters.checkIn(shelter, new ShelterOpsStore.CheckIn(null, 1, 6, null), user, null).level())
        .as("7 of 10").isEqualTo(CapacityLevel.OK);
    ShelterEvent eight = shelters.checkIn(shelter, new ShelterOpsStore.CheckIn(null, 1, 0, null), user, null);
    assertThat(eight.level()).as("8 of 10").isEqualTo(CapacityLevel.NEAR_FULL);
    assertThat(eight.levelBefore()).isEqualTo(CapacityLevel.OK);
    assertThat(shelters.checkIn(shelter, new ShelterOpsStore.CheckIn(null, 1, 0, null), user, null).level())
        .as("9 of 10").isEqualTo(CapacityLevel.NEAR_FULL);
    assertThat(shelters.checkIn(shelter, new ShelterOpsStore.CheckIn(null, 1, 0, null), user, null).level())
        .as("10 of 10").isEqualTo(CapacityLevel.FULL);
    ShelterEvent over = shelters.checkIn(shelter, new ShelterOpsStore.CheckIn(null, 2, 0, null), user, null);
    assertThat(over.level()).as("nobody is turned away: 12 of 10").isEqualTo(CapacityLevel.FULL);
    assertThat(over.occupied()).isEqualTo(12);

    long none = shelterId("d3"); // 0 places published
    assertThat(shelters.open(none, null, null, user).level()).isEqualTo(CapacityLevel.FULL);
    long unknown = shelterId("d4"); // no capacity published
    assertThat(shelters.open(unknown, null, null, user).level()).isEqualTo(CapacityLevel.UNKNOWN);
    long announced = shelterId("d5"); // 10 published, 5 announced on opening
    shelters.open(announced, null, 5, user);
    ShelterEvent four = shelters.checkIn(announced, new ShelterOpsStore.CheckIn(null, 4, 0, null), user, null);
    assertThat(four.capacityPersons()).isEqualTo(5);
    assertThat(four.level()).as("4 of 5 announced").isEqualTo(CapacityLevel.NEAR_FULL);

    // child welfare: 20 places, of which 4 for children; four eligible children fill it with 8 people there
    long school = shelterId("c1");
    shelters.open(school, null, null, user);
    shelters.checkIn(school, new ShelterOpsStore.CheckIn(null, 3, 3, ArrivalEligibility.ELIGIBLE), user, null);
    assertThat(shelters.state(school).orElseThrow().level()).as("3 of 4 children").isEqualTo(CapacityLevel.OK);
    ShelterEvent fourth = shelters.checkIn(school, new ShelterOpsStore.CheckIn(null, 1, 1, ArrivalEligibility.ELIGIBLE), user, null);
    assertThat(fourth.occupied()).isEqualTo(8);
    assertThat(fourth.level()).as("4 of 4 children").isEqualTo(CapacityLevel.FULL);
    ShelterState state = shelters.state(school).orElseThrow();
    assertThat(state.eligible()).isEqualTo(4);
    shelters.checkIn(school, new ShelterOpsStore.CheckIn(null, 1, 0, null), user, null);
    assertThat(shelters.state(school).orElseThrow().unconfirmed()).as("unsaid at a welfare shelter").isEqualTo(1);
  }

  @Test
  void aTransferIsRequestedAcceptedAndMovedOrRefusedWithAReason() throws Exception {
    long ordinary = shelterId("d6");
    long welfare = shelterId("w1");
    shelters.open(ordinary, null, null, user);
    ShelterEvent in = shelters.checkIn(ordinary, new ShelterOpsStore.CheckIn(residents[2], 1, 1, null), user, null);
    int before = shelters.state(ordinary).orElseThrow().occupied();

    assertThatThrownBy(() -> transfers.request(in.stayId(), shelterId("d2"), "要介護", user))
        .extracting(e -> ((ShelterOpsException) e).field()).isEqualTo("to_shelter_id");
    assertThatThrownBy(() -> transfers.request(in.stayId(), welfare, " ", user))
        .extracting(e -> ((ShelterOpsException) e).field()).isEqualTo("reason");
    ShelterEvent requested = transfers.request(in.stayId(), welfare, "保健師のトリアージ: 常時介護が必要", user);
    assertThat(requested.kind()).isEqualTo("transfer_requested");
    assertThat(requested.shelterId()).isEqualTo(welfare);
    long id = requested.transferId();
    assertThatThrownBy(() -> transfers.request(in.stayId(), welfare, "二度目", user))
        .extracting(e -> ((ShelterOpsException) e).kind()).isEqualTo(ShelterOpsException.Kind.CONFLICT);
    assertThatThrownBy(() -> transfers.moved(id, user)).as("not accepted yet")
        .extracting(e -> ((ShelterOpsException) e).kind()).isEqualTo(ShelterOpsException.Kind.CONFLICT);

    transfers.decide(id, true, null, user);
    assertThat(transfers.find(id).orElseThrow().status()).isEqualTo("accepted");
    assertThatThrownBy(() -> transfers.decide(id, false, "満員", user)).as("decided once")
        .extracting(e -> ((ShelterOpsException) e).kind()).isEqualTo(ShelterOpsException.Kind.CONFLICT);
    assertThatThrownBy(() -> transfers.moved(id, user)).as("the welfare shelter is not open")
        .extracting(e -> ((ShelterOpsException) e).kind()).isEqualTo(ShelterOpsException.Kind.CONFLICT);
    shelters.open(welfare, null, null, user);
    ShelterEvent moved = transfers.moved(id, user);
    assertThat(moved.kind()).isEqualTo("transfer_moved");
    assertThat(moved.occupied()).isEqualTo(2);
    Transfer t = transfers.find(id).orElseThrow();
    assertThat(t.status()).isEqualTo("moved");
    assertThat(t.residentId()).isEqualTo(residents[2]);
    assertThat(t.reason()).isEqualTo("保健師のトリアージ: 常時介護が必要");
    assertThat(t.toStayId()).isEqualTo(moved.stayId());
    assertThat(shelters.state(ordinary).orElseThrow().occupied()).isEqualTo(before - 2);
    ShelterState arrived = shelters.state(welfare).orElseThrow();
    assertThat(arrived.eligible()).isEqualTo(1);
    assertThat(arrived.familyMembers()).isEqualTo(1);
    assertThat(shelters.findStay(in.stayId()).orElseThrow().present()).isFalse();

    ShelterEvent other = shelters.checkIn(ordinary, new ShelterOpsStore.CheckIn(residents[3], 1, 0, null), user, null);
    long second = transfers.request(other.stayId(), welfare, "医療的ケア", user).transferId();
    assertThatThrownBy(() -> transfers.decide(second, false, null, user)).as("a refusal says why")
        .extracting(e -> ((ShelterOpsException) e).field()).isEqualTo("note");
    ShelterEvent refused = transfers.decide(second, false, "看護師不在", user);
    assertThat(refused.kind()).isEqualTo("transfer_refused");
    assertThat(transfers.find(second).orElseThrow().decisionNote()).isEqualTo("看護師不在");
    assertThat(transfers.list(List.of(welfare), "refused", 10)).extracting(Transfer::id).containsExactly(second);
    assertThat(transfers.list(List.of(ordinary), null, 10)).extracting(Transfer::id).containsExactly(second, id);
    assertThatThrownBy(() -> shelters.checkIn(ordinary, new ShelterOpsStore.CheckIn(residents[3], 1, 0, null), user, null))
        .as("one person is in one shelter at a time")
        .extracting(e -> ((ShelterOpsException) e).kind()).isEqualTo(ShelterOpsException.Kind.CONFLICT);
  }

  @Test
  void eventsFollowEachOtherWithTheSafetyCheckEventsAndTilesShowTheState() throws Exception {
    long shelter = shelterId("w2");
    shelters.open(shelter, null, null, user);
    long lastBefore = maxEventId();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO safety_check_event (safety_check_id, emergency_id, status) "
          + "SELECT id, emergency_id, 'on_the_way' FROM safety_check ORDER BY id LIMIT 1");
    }
    ShelterEvent in = shelters.checkIn(shelter, new ShelterOpsStore.CheckIn(null, 2, 0, ArrivalEligibility.NOT_ELIGIBLE), user, null);
    assertThat(in.id()).as("one sequence for both streams").isEqualTo(lastBefore + 2);
    List<ShelterEvent> after = new ShelterEventStore(db.dataSource()).eventsAfter(lastBefore, Long.MAX_VALUE, 10);
    assertThat(after).extracting(ShelterEvent::id).containsExactly(in.id());
    assertThat(after.get(0).occupied()).isEqualTo(in.occupied());

    TileStore tiles = new TileStore(db.dataSource(), 5);
    MvtReader.Layer layer = MvtReader.read(tiles.render(TileLayer.SHELTERS, AT_Z14)).get("shelters");
    Map<String, Object> welfare = layer.features().stream().filter(f -> "福祉センター2".equals(f.attributes().get("name")))
        .findFirst().orElseThrow().attributes();
    assertThat(welfare).containsEntry("open", true).containsEntry("level", shelters.state(shelter).orElseThrow().level().code());
    assertThat(((Number) welfare.get("occupied")).intValue()).isEqualTo(shelters.state(shelter).orElseThrow().occupied());
    Map<String, Object> closed = layer.features().stream().filter(f -> "避難所4".equals(f.attributes().get("name")))
        .findFirst().orElseThrow().attributes();
    assertThat(closed.get("level")).isIn("closed", "unknown");

    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("UPDATE safety_check SET status = 'needs_help' WHERE id = (SELECT min(id) FROM safety_check)");
    }
    MvtReader.Layer checks = MvtReader.read(tiles.render(TileLayer.CHECK_STATUS, AT_Z14)).get("check_status");
    int total = checks.features().stream().mapToInt(f -> ((Number) f.attributes().get("checks")).intValue()).sum();
    int help = checks.features().stream().mapToInt(f -> ((Number) f.attributes().getOrDefault("needs_help", 0)).intValue()).sum();
    assertThat(total).isEqualTo(residents.length);
    assertThat(help).isEqualTo(1);
  }

  private static long maxEventId() throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      return single(s, "SELECT greatest((SELECT coalesce(max(id), 0) FROM safety_check_event), "
          + "(SELECT coalesce(max(id), 0) FROM shelter_event))");
    }
  }

  private static long shelterId(String sourceId) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      return single(s, "SELECT id FROM shelter WHERE source_id = '" + sourceId + "'");
    }
  }

  private static long single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
