package io.mimamori.layers.plancheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.testing.TestPostgis;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One hand-made plan per check, each otherwise sound (safe supporter, consent given, reviewed this
 * year), so that exactly the expected failure shows. A flood zone (rank 2) covers lon 138.80-138.81
 * at lat 35.10-35.11; lon 138.95 is safe.
 */
class PlanCheckStoreIT {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final double FLOOD = 138.805;
  private static final double SAFE = 138.95;

  private static Database db;
  private static PlanCheckStore store;
  private static long siteForFlood, siteNotForFlood, siteInFlood, pairedShelter, welfareElderly, childIntellectual, tiny;

  @BeforeAll
  static void world() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("plan_checks"), 4);
    store = new PlanCheckStore(db.dataSource());
    try (Connection c = db.dataSource().getConnection()) {
      exec(c, "INSERT INTO hazard_zone (hazard_type, rank, source, geom) VALUES "
          + "('flood', 2, 'test', ST_Multi(ST_MakeEnvelope(138.80, 35.10, 138.81, 35.11, 4326)))");
      siteForFlood = shelter(c, "evacuation_site", SAFE, "A町1", "hazards = '{flood,tsunami}'");
      siteNotForFlood = shelter(c, "evacuation_site", SAFE, "B町1", "hazards = '{earthquake}'");
      siteInFlood = shelter(c, "evacuation_site", 138.806, "C町1", "hazards = '{flood}'");
      pairedShelter = shelter(c, "designated_shelter", SAFE, "D町1", "capacity_persons = 500");
      shelter(c, "evacuation_site", SAFE, "D町1", "hazards = '{flood}'");
      welfareElderly = shelter(c, "welfare_shelter", SAFE, "E町1",
          "target_groups = '{elderly,families}', target_groups_text = '高齢者とその家族', capacity_persons = 100");
      childIntellectual = shelter(c, "child_welfare_shelter", SAFE, "F町1",
          "disability_types = '{intellectual}', capacity_persons = 150, capacity_children = 50");
      tiny = shelter(c, "designated_shelter", SAFE, "G町1", "capacity_persons = 1, hazards = '{flood}'");
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aSoundPlanPassesEveryCheck() throws Exception {
    long good = plan(FLOOD, "", siteForFlood);
    long paired = plan(FLOOD, "", pairedShelter);
    long welfare = plan(SAFE, "birth_date = DATE '1940-05-01'", welfareElderly);
    long child = plan(SAFE, "school_status = 'special_needs_pupil', disability_types = '{intellectual}'", childIntellectual);
    store.checkAll(TODAY);
    for (long r : new long[] {good, paired, welfare, child}) {
      assertThat(store.failuresOf(r)).as("resident " + r).isEmpty();
    }
  }

  @Test
  void destinationNotDesignatedForTheHomeHazard() throws Exception {
    long r = plan(FLOOD, "", siteNotForFlood);
    assertThat(only(r)).isEqualTo("destination_not_designated:flood");
  }

  @Test
  void destinationInsideAZoneOfTheSameHazard() throws Exception {
    long r = plan(FLOOD, "", siteInFlood);
    assertThat(only(r)).isEqualTo("destination_in_hazard_zone:flood");
  }

  @Test
  void welfareShelterThatDoesNotTakeThePerson() throws Exception {
    long r = plan(SAFE, "birth_date = DATE '1990-01-01', care_level = 'care_2'", welfareElderly);
    assertThat(only(r)).isEqualTo("welfare_target_mismatch:elderly,families");
    assertThat(store.failuresOf(r).get(0).reasonJa()).contains("受入対象者");
  }

  @Test
  void childWelfareShelterForSomeoneNotEligible() throws Exception {
    long adult = plan(SAFE, "", childIntellectual);
    long wrongType = plan(SAFE, "school_status = 'special_needs_pupil', disability_types = '{visual}'", childIntellectual);
    assertThat(only(adult)).isEqualTo("child_welfare_not_eligible:not_a_pupil_or_preschool_child");
    assertThat(only(wrongType)).isEqualTo("child_welfare_not_eligible:disability_types:intellectual");
  }

  @Test
  void overCapacityOnceAllPlansAreCounted() throws Exception {
    long first = plan(SAFE, "", tiny);
    long second = plan(SAFE, "", tiny);
    store.checkAll(TODAY);
    assertThat(keys(first)).containsExactly("over_capacity:2/1");
    assertThat(keys(second)).containsExactly("over_capacity:2/1");
  }

  @Test
  void supportGapsAndPaperwork() throws Exception {
    long noSupporter = plan(FLOOD, "", siteForFlood, PlanOptions.NO_SUPPORTER);
    long exposed = plan(FLOOD, "", siteForFlood, PlanOptions.SUPPORTER_IN_FLOOD);
    long stale = plan(FLOOD, "", siteForFlood, PlanOptions.REVIEWED_2025);
    long never = plan(FLOOD, "", siteForFlood, PlanOptions.NEVER_REVIEWED);
    long refusedConsent = plan(FLOOD, "", siteForFlood, PlanOptions.CONSENT_REFUSED);
    long noConsent = plan(FLOOD, "", siteForFlood, PlanOptions.NO_CONSENT);
    store.checkAll(TODAY);
    assertThat(keys(noSupporter)).containsExactly("no_supporter");
    assertThat(keys(exposed)).containsExactly("supporter_exposed:flood");
    assertThat(keys(stale)).containsExactly("not_reviewed:2025-01-10");
    assertThat(keys(never)).containsExactly("not_reviewed:never");
    assertThat(keys(refusedConsent)).containsExactly("consent_missing:refused");
    assertThat(keys(noConsent)).containsExactly("consent_missing:none");
  }

  @Test
  void refusedAndUnbegunPlansAreNotChecked() throws Exception {
    long r = plan(FLOOD, "", siteNotForFlood, PlanOptions.REFUSED);
    long unbegun = plan(FLOOD, "", siteNotForFlood, PlanOptions.NOT_BEGUN);
    store.checkAll(TODAY);
    assertThat(store.failuresOf(r)).isEmpty();
    assertThat(store.failuresOf(unbegun)).isEmpty();
  }

  // --- helpers: synthetic people only ---

  private enum PlanOptions { SOUND, NO_SUPPORTER, SUPPORTER_IN_FLOOD, REVIEWED_2025, NEVER_REVIEWED, CONSENT_REFUSED, NO_CONSENT, REFUSED, NOT_BEGUN }

  private static String only(long residentId) throws SQLException {
    store.checkAll(TODAY);
    List<String> keys = keys(residentId);
    assertThat(keys).hasSize(1);
    return keys.get(0);
  }

  private static List<String> keys(long residentId) throws SQLException {
    return store.failuresOf(residentId).stream()
        .map(f -> f.check().key() + (f.detail() == null ? "" : ":" + f.detail())).toList();
  }

  private static long plan(double homeLon, String residentSet, long shelterId) throws SQLException {
    return plan(homeLon, residentSet, shelterId, PlanOptions.SOUND);
  }

  private static long plan(double homeLon, String residentSet, long shelterId, PlanOptions o) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      long hh = id(c, "INSERT INTO household (municipality_code, address, geom, composition, member_count) VALUES "
          + "('222038', 'synthetic', ST_SetSRID(ST_MakePoint(" + homeLon + ", 35.105), 4326), 'alone', 1) RETURNING id");
      long r = id(c, "INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, birth_date, sex) "
          + "VALUES (" + hh + ", '222038', 'P' || " + hh + ", '試験', '次郎', DATE '1944-02-02', 'male') RETURNING id");
      if (!residentSet.isEmpty()) {
        exec(c, "UPDATE resident SET " + residentSet + " WHERE id = " + r);
      }
      String reviewed = switch (o) {
        case REVIEWED_2025 -> "DATE '2025-01-10'";
        case NEVER_REVIEWED -> "NULL";
        default -> "DATE '2026-06-01'";
      };
      long plan = id(c, "INSERT INTO evacuation_plan (resident_id, status, destination_kind, destination_shelter_id, last_reviewed_on) "
          + "VALUES (" + r + ", '" + (o == PlanOptions.REFUSED ? "refused" : o == PlanOptions.NOT_BEGUN ? "none" : "complete")
          + "', 'shelter', " + shelterId + ", "
          + reviewed + ") RETURNING id");
      if (o != PlanOptions.NO_SUPPORTER) {
        double lon = o == PlanOptions.SUPPORTER_IN_FLOOD ? 138.807 : SAFE;
        long s = id(c, "INSERT INTO supporter (municipality_code, kind, relation, name, geom) VALUES ('222038', 'person', "
            + "'neighbour', '支援者', ST_SetSRID(ST_MakePoint(" + lon + ", 35.105), 4326)) RETURNING id");
        exec(c, "INSERT INTO plan_supporter (plan_id, supporter_id, ordinal) VALUES (" + plan + ", " + s + ", 1)");
      }
      if (o != PlanOptions.NO_CONSENT) {
        exec(c, "INSERT INTO consent (resident_id, state, basis, decided_on) VALUES (" + r + ", 'given', 'written_form', DATE '2024-04-01')");
      }
      if (o == PlanOptions.CONSENT_REFUSED) {
        exec(c, "INSERT INTO consent (resident_id, state, basis, decided_on) VALUES (" + r + ", 'refused', 'written_form', DATE '2026-01-01')");
      }
      return r;
    }
  }

  private static long shelter(Connection c, String kind, double lon, String address, String set) throws SQLException {
    long id = id(c, "INSERT INTO shelter (kind, name, address, geom, source, source_id) VALUES ('" + kind + "', '施設', '"
        + address + "', ST_SetSRID(ST_MakePoint(" + lon + ", 35.105), 4326), 'test', '" + kind + address + "') RETURNING id");
    exec(c, "UPDATE shelter SET " + set + " WHERE id = " + id);
    return id;
  }

  private static long id(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.execute();
    }
  }
}
