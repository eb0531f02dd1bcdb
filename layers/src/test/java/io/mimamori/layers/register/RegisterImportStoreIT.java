package io.mimamori.layers.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.district.District;
import io.mimamori.layers.district.DistrictStore;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.register.edit.ImportHistory;
import io.mimamori.layers.testing.TestPostgis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The register import's SQL on made-up residents: versions, household numbers, districts, missing entries. */
class RegisterImportStoreIT {

  private static final String CODE = "222038";

  private Database db;
  private Connection c;
  private long[] households;
  private long[] residents;

  @BeforeEach
  void open() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("register_import_store"), 2);
    c = db.dataSource().getConnection();
    c.setAutoCommit(false);
    GeometryFactory gf = new GeometryFactory();
    DistrictStore.insertAll(c, List.of(new District(CODE, "見守町", gf.createPolygon(new Coordinate[] {
        new Coordinate(138.85, 35.08), new Coordinate(138.87, 35.08), new Coordinate(138.87, 35.10),
        new Coordinate(138.85, 35.10), new Coordinate(138.85, 35.08)}))));
    households = RegisterImportStore.newHouseholdIds(c, 2);
    RegisterImportStore.insertHouseholds(c, List.of(
        household(households[0], "N-1", "沼津市見守町1-1", LonLat.of(138.86, 35.09)),
        household(households[1], null, "沼津市遠方町2-2", LonLat.of(138.95, 35.15))));
    residents = RegisterImportStore.newResidentIds(c, 3);
    assertThat(RegisterImportStore.insertResidents(c, List.of(
        resident(residents[0], households[0], "R1", "care_3"),
        resident(residents[1], households[0], "R2", "none"),
        resident(residents[2], households[1], "R3", "none")))).isEqualTo(3);
  }

  @AfterEach
  void close() throws Exception {
    c.rollback();
    c.close();
    db.close();
  }

  private static NumberedHousehold household(long id, String number, String address, LonLat at) {
    return new NumberedHousehold(number, new HouseholdRow(id, CODE, null, address, at, "with_family", 2, false, false));
  }

  private static ResidentRow resident(long id, long household, String no, String care) {
    return new ResidentRow(id, household, CODE, no, "試験", "一", "シケン", "ハジメ", LocalDate.of(1940, 4, 1), "male", null,
        care, List.of("physical"), 2, null, null, false, List.of("ventilator"), true, true, false, "none", "active",
        LocalDate.of(2024, 4, 1));
  }

  private String one(String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void aHouseholdGetsTheDistrictItsHomeLiesIn() throws Exception {
    assertThat(one("SELECT d.name FROM household h JOIN district d ON d.id = h.district_id WHERE h.id = " + households[0]))
        .isEqualTo("見守町");
    assertThat(one("SELECT district_id::text FROM household WHERE id = " + households[1])).isNull();
  }

  @Test
  void anUpdateBumpsTheVersionOnlyWhenAValueChangesAndOnlyFromTheVersionRead() throws Exception {
    ResidentRow same = resident(residents[0], households[0], "R1", "care_3");
    assertThat(RegisterImportStore.updateResidents(c, List.of(new ResidentUpdate(same, 0)))).isZero();
    assertThat(one("SELECT version FROM resident WHERE register_no = 'R1'")).isEqualTo("0");

    ResidentRow changed = resident(residents[0], households[0], "R1", "care_5");
    assertThat(RegisterImportStore.updateResidents(c, List.of(new ResidentUpdate(changed, 0)))).isEqualTo(1);
    assertThat(one("SELECT care_level || ' v' || version FROM resident WHERE register_no = 'R1'")).isEqualTo("care_5 v1");

    ResidentRow stale = resident(residents[0], households[0], "R1", "care_1");
    assertThat(RegisterImportStore.updateResidents(c, List.of(new ResidentUpdate(stale, 0)))).isZero();
    assertThat(one("SELECT care_level || ' v' || version FROM resident WHERE register_no = 'R1'")).isEqualTo("care_5 v1");

    assertThat(RegisterImportStore.setStatuses(c, List.of(new StatusChange(residents[1], "deceased", 0)))).isEqualTo(1);
    assertThat(RegisterImportStore.setStatuses(c, List.of(new StatusChange(residents[1], "deceased", 1)))).isZero();
    assertThat(one("SELECT register_status || ' v' || version FROM resident WHERE register_no = 'R2'"))
        .isEqualTo("deceased v1");

    NumberedHousehold moved = household(households[1], null, "沼津市見守町1-5", LonLat.of(138.861, 35.091));
    assertThat(RegisterImportStore.updateHouseholds(c, List.of(new HouseholdUpdate(moved, 0)))).isEqualTo(1);
    assertThat(RegisterImportStore.updateHouseholds(c, List.of(new HouseholdUpdate(moved, 1)))).isZero();
    assertThat(one("SELECT d.name || ' v' || h.version FROM household h JOIN district d ON d.id = h.district_id"
        + " WHERE h.id = " + households[1])).isEqualTo("見守町 v1");
  }

  @Test
  void householdsAreFoundByNumberByIdAndByTheExportsNumberForOnesWithout() throws Exception {
    List<Long> none = List.of();
    assertThat(ids(RegisterImportStore.households(c, CODE, List.of("N-1"), none))).containsExactly(households[0]);
    assertThat(ids(RegisterImportStore.households(c, CODE, List.of("H" + households[1]), none)))
        .containsExactly(households[1]);
    assertThat(RegisterImportStore.households(c, CODE, List.of("H" + households[0], "HX", "N-9"), none))
        .as("a household with a number of its own is not found by H<id>").isEmpty();
    assertThat(ids(RegisterImportStore.households(c, CODE, List.of(), List.of(households[1])))).containsExactly(households[1]);
    assertThat(RegisterImportStore.households(c, "221007", List.of("N-1"), none)).isEmpty();
    StoredHousehold h = RegisterImportStore.households(c, CODE, List.of("N-1"), none).get(0);
    assertThat(h.residents()).isEqualTo(2);
    assertThat(h.row().home()).isEqualTo(LonLat.of(138.86, 35.09));
  }

  @Test
  void storedResidentsAreFoundByNumberAndByDateOfBirth() throws Exception {
    Map<String, StoredResident> byNo = RegisterImportStore.residentsByRegisterNo(c, CODE, List.of("R1", "R3", "R9"));
    assertThat(byNo.keySet()).containsExactlyInAnyOrder("R1", "R3");
    assertThat(byNo.get("R1").householdNo()).isEqualTo("N-1");
    assertThat(byNo.get("R1").householdResidents()).isEqualTo(2);
    assertThat(byNo.get("R1").row().medicalDevices()).containsExactly("ventilator");
    assertThat(byNo.get("R3").householdAddress()).isEqualTo("沼津市遠方町2-2");
    assertThat(RegisterImportStore.residentsBornOn(c, CODE, List.of(LocalDate.of(1940, 4, 1)))).hasSize(3);
    assertThat(RegisterImportStore.residentsBornOn(c, CODE, List.of(LocalDate.of(1941, 4, 1)))).isEmpty();
  }

  @Test
  void entriesMissingFromAFileAreCountedAndMarkedMovedAway() throws Exception {
    assertThat(RegisterImportStore.countMissing(c, CODE, Set.of("R1"))).isEqualTo(2);
    assertThat(RegisterImportStore.markMissingMovedAway(c, CODE, Set.of("R1"))).isEqualTo(2);
    assertThat(one("SELECT string_agg(register_no || ' ' || register_status || ' v' || version, ', ' ORDER BY register_no)"
        + " FROM resident")).isEqualTo("R1 active v0, R2 moved_away v1, R3 moved_away v1");
    assertThat(RegisterImportStore.countMissing(c, CODE, Set.of("R1"))).isZero();
  }

  @Test
  void anImportsHistoryHoldsOldAndNewValuesOfWhatReallyChangedAndTheHouseholdsItTouched() throws Exception {
    ImportHistory history = ImportHistory.begin(c, 7L, "planner-a", "register file import (command line)", 42L, 10);
    // a new resident in a new household
    long[] h = RegisterImportStore.newHouseholdIds(c, 1);
    RegisterImportStore.insertHouseholds(c, List.of(household(h[0], "N-9", "沼津市見守町9-9", LonLat.of(138.861, 35.091))));
    history.created("household", List.of(h[0]));
    long[] r = RegisterImportStore.newResidentIds(c, 1);
    RegisterImportStore.insertResidents(c, List.of(resident(r[0], h[0], "R9", "none")));
    history.created("resident", List.of(r[0]));
    // R1's care level changes, R2 dies, R3 is written unchanged
    history.before("resident", List.of(residents[0], residents[2]));
    RegisterImportStore.updateResidents(c, List.of(
        new ResidentUpdate(resident(residents[0], households[0], "R1", "care_5"), 0),
        new ResidentUpdate(resident(residents[2], households[1], "R3", "none"), 0)));
    assertThat(history.changed("resident")).isEqualTo(1);
    history.before("resident", List.of(residents[1]));
    RegisterImportStore.setStatuses(c, List.of(new StatusChange(residents[1], "deceased", 0)));
    assertThat(history.changed("resident")).isEqualTo(1);

    assertThat(one("SELECT count(*) FROM change_history")).isEqualTo("4");
    assertThat(one("SELECT count(*) FROM change_history WHERE source = 'import' AND import_run_id = 42 AND user_id = 7"
        + " AND login = 'planner-a'")).isEqualTo("4");
    assertThat(one("SELECT version || ' ' || changes::text FROM change_history WHERE entity = 'resident'"
        + " AND entity_id = " + residents[0]))
        .isEqualTo("1 [{\"new\": \"care_5\", \"old\": \"care_3\", \"field\": \"care_level\"}]");
    assertThat(one("SELECT changes::text FROM change_history WHERE resident_id = " + residents[1]))
        .isEqualTo("[{\"new\": \"deceased\", \"old\": \"active\", \"field\": \"register_status\"}]");
    assertThat(one("SELECT count(*) FROM change_history WHERE entity = 'resident' AND entity_id = " + residents[2]))
        .isEqualTo("0");
    // a new record lists its filled fields, old null; the import's own items (number, household) too
    assertThat(one("SELECT string_agg(e ->> 'field', ',' ORDER BY e ->> 'field') FROM change_history,"
        + " jsonb_array_elements(changes) e WHERE entity = 'resident' AND entity_id = " + r[0]
        + " AND e -> 'old' = 'null'"))
        .contains("care_level", "family_name", "household_id", "register_no", "register_status")
        .doesNotContain("phone", "physical_disability_grade,intellectual");
    assertThat(one("SELECT changes::text FROM change_history WHERE entity = 'household' AND entity_id = " + h[0]))
        .contains("\"household_no\"", "\"N-9\"", "\"location\"");
    assertThat(history.tooManyHouseholds()).isFalse();
    assertThat(history.households()).containsExactlyInAnyOrder(h[0], households[0]);
  }

  @Test
  void anImportsHistoryStopsListingHouseholdsPastItsLimit() throws Exception {
    ImportHistory history = ImportHistory.begin(c, null, "cli:someone", "register file import (command line)", null, 1);
    history.before("resident", List.of(residents[0], residents[2]));
    RegisterImportStore.setStatuses(c, List.of(new StatusChange(residents[0], "moved_away", 0),
        new StatusChange(residents[2], "moved_away", 0)));
    assertThat(history.changed("resident")).isEqualTo(2);
    assertThat(history.tooManyHouseholds()).isTrue();
    assertThat(history.households()).isEmpty();
    assertThat(one("SELECT count(*) FROM change_history WHERE user_id IS NULL AND import_run_id IS NULL"))
        .isEqualTo("2");
  }

  @Test
  void aRolledBackImportLeavesNoHistory() throws Exception {
    c.commit(); // the register of the setup, without history
    ImportHistory history = ImportHistory.begin(c, null, "cli:someone", "register file import (command line)", 1L, 10);
    history.before("resident", List.of(residents[1]));
    RegisterImportStore.setStatuses(c, List.of(new StatusChange(residents[1], "deceased", 0)));
    history.changed("resident");
    assertThat(one("SELECT count(*) FROM change_history")).isEqualTo("1");
    c.rollback();
    assertThat(one("SELECT count(*) FROM change_history")).isEqualTo("0");
    assertThat(one("SELECT register_status FROM resident WHERE id = " + residents[1])).isEqualTo("active");
    // the snapshot tables went with the transaction: a second import on this connection starts afresh
    ImportHistory.begin(c, null, "cli:someone", "register file import (command line)", 2L, 10);
  }

  private static List<Long> ids(List<StoredHousehold> hs) {
    List<Long> out = new ArrayList<>();
    hs.forEach(h -> out.add(h.id()));
    return out;
  }
}
