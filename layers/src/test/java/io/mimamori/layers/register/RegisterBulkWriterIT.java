package io.mimamori.layers.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.layers.db.DatabaseConfig;
import io.mimamori.layers.demo.DemoDataset;
import io.mimamori.layers.demo.DemoDatasetStore;
import io.mimamori.layers.district.District;
import io.mimamori.layers.district.DistrictStore;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.testing.TestPostgis;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class RegisterBulkWriterIT {

  private static final GeometryFactory GF = new GeometryFactory();

  private static Connection connect(DatabaseConfig cfg) throws SQLException {
    return DriverManager.getConnection(cfg.jdbcUrl(), cfg.user(), cfg.password());
  }

  private static ResidentRow resident(long id, long household, String registerNo, boolean vent24) {
    return new ResidentRow(id, household, "222038", registerNo, "山田", "花子", "ヤマダ", "ハナコ",
        LocalDate.of(1940, 4, 1), "female", "055-900-0000", "care_3", List.of("physical"), 2, null, null,
        false, vent24 ? List.of("ventilator") : List.of(), vent24, true, false, "none", "active",
        LocalDate.of(2020, 1, 1));
  }

  @Test
  void writesTheRegisterInChunksShiftingLocalIdsAndAdvancingSequences() throws SQLException {
    DatabaseConfig cfg = TestPostgis.freshDatabase("bulk_writer");
    try (Connection c = connect(cfg)) {
      c.setAutoCommit(false);
      // a row stored earlier: the load's ids must come after it
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO household (municipality_code, address, geom, composition, member_count) "
            + "VALUES ('222038', 'x', ST_SetSRID(ST_MakePoint(138.8, 35.1), 4326), 'alone', 1)");
      }
      List<Integer> districts = DistrictStore.insertAll(c, List.of(new District("222038", "大手町",
          GF.createPolygon(new Coordinate[] {new Coordinate(138.8, 35.0), new Coordinate(138.9, 35.0),
              new Coordinate(138.9, 35.1), new Coordinate(138.8, 35.0)}))));
      RegisterBulkWriter w = RegisterBulkWriter.begin(c);
      assertThat(w.storedHouseholdId(1)).isEqualTo(2);
      w.add(new SupporterRow(1, "222038", "organisation", "voluntary_disaster_group", "大手町自主防災会", null, null,
          null, List.of("stretcher", "a \"quoted\"\tvalue\\")));
      w.add(new HouseholdRow(1, "222038", districts.get(0), "静岡県沼津市大手町1-1", LonLat.of(138.85, 35.08),
          "elderly_couple", 2, true, false));
      w.add(resident(1, 1, "R1", true));
      w.add(resident(2, 1, "R2", false));
      w.add(new PlanRow(1, 1, "complete", "stay_home", null, null, "坂道に注意", List.of("medicine"),
          List.of("flood"), null, null, LocalDate.of(2024, 5, 1)));
      w.add(new PlanSupporterRow(1, 1, 1));
      assertThat(w.pendingRows()).isEqualTo(6);
      w.flush();
      assertThat(w.pendingRows()).isZero();
      // a second chunk pointing at rows of the first
      w.add(new PlanRow(2, 2, "refused", null, null, null, null, List.of(), List.of(), null, null, null));
      w.add(new PlanSupporterRow(2, 1, 1));
      w.add(new ConsentRow(1, 1, "presumed", "ordinance_presumption", LocalDate.of(2023, 4, 1), null));
      w.add(new ConsentRow(2, 2, "refused", "written_form", LocalDate.of(2023, 4, 1), null));
      Map<String, Long> written = w.finish();
      c.commit();
      assertThat(written).containsEntry("household", 1L).containsEntry("resident", 2L)
          .containsEntry("evacuation_plan", 2L).containsEntry("plan_supporter", 2L).containsEntry("consent", 2L)
          .containsEntry("supporter", 1L);
      try (Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT r.id, r.household_id, h.district_id, ST_X(h.geom), r.ventilator_24h "
            + "FROM resident r JOIN household h ON h.id = r.household_id ORDER BY r.id")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(1);
          assertThat(rs.getLong(2)).isEqualTo(2);
          assertThat(rs.getInt(3)).isEqualTo(districts.get(0));
          assertThat(rs.getDouble(4)).isEqualTo(138.85);
          assertThat(rs.getBoolean(5)).isTrue();
        }
        try (ResultSet rs = s.executeQuery("SELECT skills[2] FROM supporter")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("a \"quoted\"\tvalue\\");
        }
        s.execute("INSERT INTO household (municipality_code, address, geom, composition, member_count) "
            + "VALUES ('222038', 'y', ST_SetSRID(ST_MakePoint(138.8, 35.1), 4326), 'alone', 1)");
        try (ResultSet rs = s.executeQuery("SELECT max(id) FROM household")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(3);
        }
      }
      c.commit();
    }
  }

  @Test
  void aRowBreakingTheSchemaFailsWithoutQuotingIt() throws SQLException {
    DatabaseConfig cfg = TestPostgis.freshDatabase("bulk_writer_bad");
    try (Connection c = connect(cfg)) {
      c.setAutoCommit(false);
      RegisterBulkWriter w = RegisterBulkWriter.begin(c);
      w.add(resident(1, 99, "R1", false)); // household 99 does not exist
      assertThatThrownBy(w::flush).isInstanceOf(SQLException.class)
          .hasMessageContaining("resident").hasMessageNotContaining("山田");
      c.rollback();
    }
  }

  @Test
  void theDemoDatasetIsRecordedOnce() throws SQLException {
    DatabaseConfig cfg = TestPostgis.freshDatabase("demo_dataset");
    try (Connection c = connect(cfg)) {
      assertThat(DemoDatasetStore.find(c)).isEmpty();
      DemoDataset d = new DemoDataset(7, 100, 1.0, "demo", "demo", "/tmp/town.osm");
      DemoDatasetStore.insert(c, d);
      assertThat(DemoDatasetStore.find(c)).contains(d);
      assertThatThrownBy(() -> DemoDatasetStore.insert(c, d)).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void rowsCheckTheSchemaVocabulary() {
    assertThatThrownBy(() -> new ConsentRow(1, 1, "presumed", "verbal", LocalDate.of(2023, 1, 1), null))
        .hasMessageContaining("ordinance");
    assertThatThrownBy(() -> new HouseholdRow(1, "222038", null, "a", LonLat.of(0, 0), "alone", 2, false, false))
        .hasMessageContaining("member_count");
    assertThatThrownBy(() -> new ResidentRow(1, 1, "222038", "R1", "山田", "花子", null, null, LocalDate.of(1940, 1, 1),
        "female", null, "none", List.of(), null, null, null, false, List.of("oxygen"), true, false, false, "none",
        "active", LocalDate.of(2020, 1, 1))).hasMessageContaining("ventilator");
    assertThatThrownBy(() -> new ResidentRow(1, 1, "222038", "R1", "山田", "花子", null, null, LocalDate.of(1940, 1, 1),
        "female", null, "care_9", List.of(), null, null, null, false, List.of(), false, false, false, "none",
        "active", LocalDate.of(2020, 1, 1))).hasMessageContaining("care_level").hasMessageNotContaining("care_9");
  }
}
