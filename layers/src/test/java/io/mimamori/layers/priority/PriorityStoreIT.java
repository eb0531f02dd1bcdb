package io.mimamori.layers.priority;

import static io.mimamori.layers.priority.PriorityFactor.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.testing.TestPostgis;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-made residents, one situation each, with the reasons the guideline expects written out.
 * Zones (lon ranges at lat 35.10-35.11): flood rank 2 at 138.80, flood rank 4 at 138.82, tsunami
 * rank 1 at 138.84, tsunami rank 3 at 138.86, landslide warning 138.88-138.90 with a special
 * warning zone 138.885-138.89 inside it. Nothing at 138.95.
 */
class PriorityStoreIT {

  private static Database db;
  private static PriorityStore store;

  @BeforeAll
  static void world() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("priority"), 4);
    store = new PriorityStore(db.dataSource());
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      zone(s, "flood", 2, 138.80, 138.81);
      zone(s, "flood", 4, 138.82, 138.83);
      zone(s, "tsunami", 1, 138.84, 138.85);
      zone(s, "tsunami", 3, 138.86, 138.87);
      zone(s, "landslide", 1, 138.88, 138.90);
      zone(s, "landslide", 2, 138.885, 138.89);
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void theHazardAtTheHomeCountsOnceAtItsDeepestRank() throws Exception {
    long shallow = resident(138.805, "with_family", "");
    long deep = resident(138.825, "with_family", "");
    long tsunami = resident(138.845, "with_family", "");
    long tsunamiDeep = resident(138.865, "with_family", "");
    long special = resident(138.887, "with_family", "");
    long warning = resident(138.895, "with_family", "");
    long safe = resident(138.95, "with_family", "");
    List<PriorityScore> s = score(PriorityProfile.NATIONAL, shallow, deep, tsunami, tsunamiDeep, special, warning, safe);
    assertThat(hazardFactors(s.get(0))).containsExactly(FLOOD_05_TO_3M);
    assertThat(s.get(0).homeHazards()).containsEntry("flood", 2);
    assertThat(hazardFactors(s.get(1))).containsExactly(FLOOD_OVER_3M);
    assertThat(hazardFactors(s.get(2))).containsExactly(TSUNAMI_ZONE);
    assertThat(hazardFactors(s.get(3))).containsExactly(TSUNAMI_DEEP);
    assertThat(hazardFactors(s.get(4))).containsExactly(LANDSLIDE_SPECIAL_WARNING);
    assertThat(hazardFactors(s.get(5))).containsExactly(LANDSLIDE_WARNING);
    assertThat(hazardFactors(s.get(6))).isEmpty();
    assertThat(s.get(6).homeHazards()).isEmpty();
  }

  @Test
  void eachConditionIsAReason() throws Exception {
    long care3 = resident(138.95, "with_family", "care_level = 'care_3'");
    long care5 = resident(138.95, "with_family", "care_level = 'care_5'");
    long support2 = resident(138.95, "with_family", "care_level = 'support_2'");
    long physical = resident(138.95, "with_family", "disability_types = '{physical}', physical_disability_grade = 2");
    long physical3 = resident(138.95, "with_family", "disability_types = '{physical}', physical_disability_grade = 3");
    long intellectual = resident(138.95, "with_family", "disability_types = '{intellectual}', intellectual_disability_grade = 'A'");
    long mental = resident(138.95, "with_family", "disability_types = '{mental}', mental_disability_grade = 1");
    long smid = resident(138.95, "with_family", "severe_motor_intellectual = true");
    long vent = resident(138.95, "with_family", "medical_devices = '{ventilator}'");
    long vent24 = resident(138.95, "with_family", "medical_devices = '{ventilator,suction}', ventilator_24h = true");
    long oxygen = resident(138.95, "with_family", "medical_devices = '{oxygen}'");
    long decide = resident(138.95, "with_family", "needs_decision_support = true, needs_info_support = true");
    List<PriorityScore> s = score(PriorityProfile.NATIONAL,
        care3, care5, support2, physical, physical3, intellectual, mental, smid, vent, vent24, oxygen, decide);
    assertThat(factors(s.get(0))).containsExactly(CARE_3);
    assertThat(factors(s.get(1))).containsExactly(CARE_5);
    assertThat(factors(s.get(2))).isEmpty();
    assertThat(factors(s.get(3))).containsExactly(PHYSICAL_GRADE_1_2);
    assertThat(factors(s.get(4))).isEmpty();
    assertThat(factors(s.get(5))).containsExactly(INTELLECTUAL_A);
    assertThat(factors(s.get(6))).containsExactly(MENTAL_GRADE_1);
    assertThat(factors(s.get(7))).containsExactly(SEVERE_MOTOR_INTELLECTUAL);
    assertThat(factors(s.get(8))).containsExactly(VENTILATOR);
    assertThat(factors(s.get(9))).containsExactlyInAnyOrder(VENTILATOR_24H, OTHER_POWERED_DEVICE);
    assertThat(factors(s.get(10))).containsExactly(OTHER_POWERED_DEVICE);
    assertThat(factors(s.get(11))).containsExactlyInAnyOrder(NEEDS_DECISION_SUPPORT, NEEDS_INFO_SUPPORT);
  }

  @Test
  void theHouseholdCounts() throws Exception {
    long alone = resident(138.95, "alone", "");
    long couple = resident(138.95, "elderly_couple", "");
    long frail = resident(138.95, "with_family", "", "family_frail = true, alone_daytime = true");
    long first = resident(138.95, "with_family", "");
    long second = residentInHouseholdOf(first);
    List<PriorityScore> s = score(PriorityProfile.NATIONAL, alone, couple, frail, first, second);
    assertThat(factors(s.get(0))).containsExactly(LIVES_ALONE);
    assertThat(factors(s.get(1))).containsExactly(ELDERLY_COUPLE);
    assertThat(factors(s.get(2))).containsExactlyInAnyOrder(FRAIL_FAMILY, ALONE_DAYTIME);
    assertThat(factors(s.get(3))).containsExactly(SEVERAL_NEEDING_SUPPORT);
    assertThat(factors(s.get(4))).containsExactly(SEVERAL_NEEDING_SUPPORT);
  }

  @Test
  void theSupportGapCounts() throws Exception {
    long nobody = resident(138.805, "with_family", "");
    long exposed = resident(138.805, "with_family", "");
    supporters(exposed, 138.806);           // lives in the same flood zone
    long halfExposed = resident(138.805, "with_family", "");
    supporters(halfExposed, 138.806, 138.95); // one lives safely
    long otherHazard = resident(138.805, "with_family", "");
    supporters(otherHazard, 138.845);       // tsunami zone: not the same hazard as the home's flood
    List<PriorityScore> s = score(PriorityProfile.NATIONAL, nobody, exposed, halfExposed, otherHazard);
    assertThat(supportFactors(s.get(0))).containsExactly(NO_SUPPORTER);
    assertThat(supportFactors(s.get(1))).containsExactly(SUPPORTERS_ALL_EXPOSED);
    assertThat(supportFactors(s.get(2))).isEmpty();
    assertThat(supportFactors(s.get(3))).isEmpty();
  }

  @Test
  void kobeRanksItsFirstGroupsInBandA() throws Exception {
    long care5InHazard = resident(138.825, "with_family", "care_level = 'care_5'");
    long care5Safe = resident(138.95, "with_family", "care_level = 'care_5'");
    long smid = resident(138.95, "with_family", "severe_motor_intellectual = true");
    long vent24 = resident(138.95, "with_family", "medical_devices = '{ventilator}', ventilator_24h = true");
    for (long id : new long[] {care5InHazard, care5Safe, smid, vent24}) {
      supporters(id, 138.95);
    }
    List<PriorityScore> kobe = score(PriorityProfile.KOBE, care5InHazard, care5Safe, smid, vent24);
    assertThat(factors(kobe.get(0))).contains(CARE_5_IN_HAZARD_AREA);
    assertThat(kobe.get(0).band()).isEqualTo("A");
    assertThat(factors(kobe.get(1))).doesNotContain(CARE_5_IN_HAZARD_AREA);
    assertThat(kobe.get(1).band()).isNotEqualTo("A");
    assertThat(kobe.get(2).band()).isEqualTo("A");
    assertThat(kobe.get(3).band()).isEqualTo("A");
    List<PriorityScore> national = score(PriorityProfile.NATIONAL, care5InHazard, smid);
    assertThat(factors(national.get(0))).doesNotContain(CARE_5_IN_HAZARD_AREA);
    assertThat(national.get(1).band()).isNotEqualTo("A");
  }

  @Test
  void aScoreIsTheSumOfItsReasonsInWords() throws Exception {
    long id = resident(138.865, "alone", "care_level = 'care_4', medical_devices = '{oxygen}'");
    PriorityScore s = score(PriorityProfile.NATIONAL, id).get(0);
    assertThat(s.score()).isEqualTo(45 + 20 + 20 + 15 + 20); // tsunami deep, care 4, oxygen, alone, no supporter
    assertThat(s.contributions().stream().mapToInt(PriorityScore.Contribution::points).sum()).isEqualTo(s.score());
    assertThat(s.contributions().get(0).factor()).isEqualTo(TSUNAMI_DEEP);
    assertThat(s.contributions().get(0).reasonJa()).isEqualTo("自宅が津波浸水想定区域（深い浸水）（+45）");
    assertThat(s.contributions().get(0).reasonEn()).isEqualTo("Home in a tsunami inundation zone (deep) (+45)");
    assertThat(s.band()).isEqualTo("A");
  }

  @Test
  void theRankedListFiltersAndPagesInScoreOrder() throws Exception {
    long top = resident(138.865, "alone", "care_level = 'care_5', severe_motor_intellectual = true");
    long flood = resident(138.825, "with_family", "care_level = 'care_4'");
    long tsunami = resident(138.845, "alone", "");
    store.scoreAll(PriorityProfile.NATIONAL);
    List<RankedResident> all = new java.util.ArrayList<>();
    RankedQuery q = RankedQuery.firstPage(PriorityProfile.NATIONAL, 2);
    while (true) {
      List<RankedResident> page = store.rank(q);
      all.addAll(page);
      if (page.size() < 2) {
        break;
      }
      RankedResident last = page.get(page.size() - 1);
      q = new RankedQuery(q.profile(), q.districtId(), q.hazardType(), q.factor(), q.planStatus(), q.band(),
          q.failedCheck(), java.util.Optional.of(new RankedQuery.After(last.score(), last.residentId())), 2);
    }
    assertThat(all).extracting(RankedResident::residentId).doesNotHaveDuplicates().contains(top, flood, tsunami);
    assertThat(all).isSortedAccordingTo(java.util.Comparator.comparingInt(RankedResident::score).reversed()
        .thenComparingLong(RankedResident::residentId));
    RankedQuery floodOnly = new RankedQuery(PriorityProfile.NATIONAL, java.util.Optional.empty(),
        java.util.Optional.of("flood"), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Optional.empty(), java.util.Optional.empty(), 1000);
    assertThat(store.rank(floodOnly)).extracting(RankedResident::residentId).contains(flood).doesNotContain(top, tsunami);
    RankedQuery smid = new RankedQuery(PriorityProfile.NATIONAL, java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Optional.of(SEVERE_MOTOR_INTELLECTUAL), java.util.Optional.of("none"), java.util.Optional.empty(),
        java.util.Optional.empty(), java.util.Optional.empty(), 1000);
    assertThat(store.rank(smid)).extracting(RankedResident::residentId).contains(top).doesNotContain(flood, tsunami);
    assertThat(store.rank(smid)).filteredOn(r -> r.residentId() == top).singleElement()
        .satisfies(r -> assertThat(r.factors().get(0)).isEqualTo("tsunami_deep"));
  }

  @Test
  void aScoringPassAttachesItsTableWithEveryIndexOfTheRankedList() throws Exception {
    resident(138.825, "alone", "care_level = 'care_3'");
    store.scoreAll(PriorityProfile.NATIONAL);
    // The pass builds its indexes on the fresh table (named after it, "..._new") before the swap; an
    // index of the partitioned table it lacked would be built again by the attach, under the swap's
    // lock, and named after the partition instead.
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("""
            SELECT (SELECT count(*) FROM pg_index WHERE indrelid = 'resident_priority'::regclass),
                   count(*),
                   count(*) FILTER (WHERE ix.relname NOT LIKE 'resident\\_priority\\_national\\_ne%')
            FROM pg_index x JOIN pg_class ix ON ix.oid = x.indexrelid
            WHERE x.indrelid = 'resident_priority_national'::regclass
            """)) {
      rs.next();
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(9);
      assertThat(rs.getInt(2)).as("indexes of the scored table").isEqualTo(rs.getInt(1));
      assertThat(rs.getInt(3)).as("indexes built by the attach").isZero();
    }
  }

  @Test
  void residentsWhoLeftTheRegisterAreNotScored() throws Exception {
    long moved = resident(138.805, "alone", "register_status = 'moved_away'");
    store.scoreAll(PriorityProfile.NATIONAL);
    assertThat(store.find(moved, PriorityProfile.NATIONAL)).isEmpty();
  }

  // --- helpers: synthetic people only ---

  private static List<PriorityScore> score(PriorityProfile profile, long... ids) throws SQLException {
    store.scoreAll(profile);
    return java.util.Arrays.stream(ids).mapToObj(id -> {
      try {
        return store.find(id, profile).orElseThrow();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static List<PriorityFactor> factors(PriorityScore s) {
    // residents in these tests have no supporters unless given: leave that factor out where not asked
    return s.contributions().stream().map(PriorityScore.Contribution::factor).filter(f -> f != NO_SUPPORTER).toList();
  }

  private static List<PriorityFactor> hazardFactors(PriorityScore s) {
    return s.contributions().stream().map(PriorityScore.Contribution::factor)
        .filter(f -> f.group() == PriorityFactor.Group.HAZARD).toList();
  }

  private static List<PriorityFactor> supportFactors(PriorityScore s) {
    return s.contributions().stream().map(PriorityScore.Contribution::factor)
        .filter(f -> f.group() == PriorityFactor.Group.SUPPORT).collect(Collectors.toList());
  }

  private static void zone(Statement s, String type, int rank, double west, double east) throws SQLException {
    s.execute("INSERT INTO hazard_zone (hazard_type, rank, source, geom) VALUES ('" + type + "', " + rank
        + ", 'test', ST_Multi(ST_MakeEnvelope(" + west + ", 35.10, " + east + ", 35.11, 4326)))");
  }

  private static long resident(double lon, String composition, String residentSet) throws SQLException {
    return resident(lon, composition, residentSet, "");
  }

  private static long resident(double lon, String composition, String residentSet, String householdSet) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      long household = insertReturningId(c, "INSERT INTO household (municipality_code, address, geom, composition, member_count) "
          + "VALUES ('222038', 'synthetic', ST_SetSRID(ST_MakePoint(" + lon + ", 35.105), 4326), '" + composition + "', 2) RETURNING id");
      if (!householdSet.isEmpty()) {
        c.createStatement().execute("UPDATE household SET " + householdSet + " WHERE id = " + household);
      }
      long id = insertReturningId(c, "INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, birth_date, sex) "
          + "VALUES (" + household + ", '222038', 'T' || nextval(pg_get_serial_sequence('resident', 'id')), '試験', '花子', DATE '1938-04-01', 'female') RETURNING id");
      if (!residentSet.isEmpty()) {
        c.createStatement().execute("UPDATE resident SET " + residentSet + " WHERE id = " + id);
      }
      return id;
    }
  }

  private static long residentInHouseholdOf(long other) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      return insertReturningId(c, "INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, birth_date, sex) "
          + "SELECT household_id, '222038', 'T2-' || id, '試験', '一郎', DATE '1936-01-01', 'male' FROM resident WHERE id = " + other + " RETURNING id");
    }
  }

  private static void supporters(long residentId, double... lons) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      long plan = insertReturningId(c, "INSERT INTO evacuation_plan (resident_id, status) VALUES (" + residentId + ", 'draft') RETURNING id");
      int ordinal = 1;
      for (double lon : lons) {
        long supporter = insertReturningId(c, "INSERT INTO supporter (municipality_code, kind, relation, name, geom) VALUES "
            + "('222038', 'person', 'neighbour', '支援者', ST_SetSRID(ST_MakePoint(" + lon + ", 35.105), 4326)) RETURNING id");
        c.createStatement().execute("INSERT INTO plan_supporter (plan_id, supporter_id, ordinal) VALUES ("
            + plan + ", " + supporter + ", " + ordinal++ + ")");
      }
    }
  }

  private static long insertReturningId(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
