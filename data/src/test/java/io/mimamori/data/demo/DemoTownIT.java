package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One town of 5,000 residents, loaded once, checked for plausible shares and for what the brief demands. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTownIT {

  private static final int RESIDENTS = 5_000;

  private Path dir;
  private Database db;
  private DemoTownSummary summary;
  private final List<Double> progress = new ArrayList<>();

  @BeforeAll
  void load() throws Exception {
    dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "demo-town-it");
    db = Database.open(TestPostgis.freshDatabase("demo_town"), 2);
    summary = DemoTownGenerator.generateAndLoad(db.dataSource(), DemoTownSpec.of(DemoTownSpec.DEFAULT_SEED, RESIDENTS, 1.0),
        dir, (phase, f) -> progress.add(f), () -> false);
  }

  @AfterAll
  void close() {
    db.close();
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Map<String, Long> grouped(String sql) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  @Test
  void theSummaryCountsWhatIsStored() throws SQLException {
    assertThat(summary.rows("resident")).isEqualTo(RESIDENTS).isEqualTo(count("SELECT count(*) FROM resident"));
    assertThat(summary.rows("household")).isEqualTo(count("SELECT count(*) FROM household")).isBetween(3000L, 4900L);
    assertThat(summary.rows("evacuation_plan")).isEqualTo(RESIDENTS);
    assertThat(summary.rows("consent")).isGreaterThanOrEqualTo(RESIDENTS);
    assertThat(summary.rows("district")).isBetween(10L, 30L);
    assertThat(summary.rows("hazard_zone")).isEqualTo(count("SELECT count(*) FROM hazard_zone"));
    assertThat(summary.osmFile()).exists();
    assertThat(summary.centre().lon()).isBetween(138.78, 138.93);
    assertThat(progress).first().isEqualTo(0.0);
    assertThat(progress).last().isEqualTo(1.0);
    assertThat(progress).isSorted().hasSizeGreaterThan(20);
  }

  @Test
  void householdSharesLookLikeARegister() throws SQLException {
    Map<String, Long> comp = grouped("SELECT composition, count(*) FROM household GROUP BY 1");
    double households = comp.values().stream().mapToLong(Long::longValue).sum();
    assertThat(comp.get("alone") / households).isBetween(0.30, 0.40);
    assertThat(comp.get("elderly_couple") / households).isBetween(0.20, 0.30);
    assertThat(count("SELECT count(*) FROM (SELECT household_id FROM resident GROUP BY 1 HAVING count(*) > 1) x")).isPositive();
    assertThat(count("SELECT count(*) FROM household WHERE family_frail")).isPositive();
    assertThat(count("SELECT count(*) FROM household WHERE alone_daytime")).isPositive();
    // an elderly couple holds only people aged 65+
    assertThat(count("SELECT count(*) FROM resident r JOIN household h ON h.id = r.household_id "
        + "WHERE h.composition = 'elderly_couple' AND r.birth_date > DATE '2026-01-01' - INTERVAL '65 years'")).isZero();
    assertThat(count("SELECT count(*) FROM household WHERE district_id IS NULL")).isZero();
  }

  @Test
  void residentsHaveRealisticNeeds() throws SQLException {
    double old = count("SELECT count(*) FROM resident WHERE birth_date <= DATE '2026-01-01' - INTERVAL '75 years'");
    assertThat(old / RESIDENTS).isBetween(0.5, 0.8);
    assertThat(count("SELECT count(*) FROM resident WHERE birth_date > DATE '2026-01-01' - INTERVAL '18 years'")).isPositive();
    assertThat(grouped("SELECT care_level, count(*) FROM resident GROUP BY 1")).containsKeys(
        "none", "support_1", "support_2", "care_1", "care_2", "care_3", "care_4", "care_5");
    long vent = count("SELECT count(*) FROM resident WHERE 'ventilator' = ANY (medical_devices)");
    assertThat(vent).isBetween(3L, 60L);
    assertThat(count("SELECT count(*) FROM resident WHERE ventilator_24h")).isPositive().isLessThanOrEqualTo(vent);
    assertThat(count("SELECT count(*) FROM resident WHERE severe_motor_intellectual")).isPositive().isLessThan(RESIDENTS / 50);
    assertThat(grouped("SELECT school_status, count(*) FROM resident GROUP BY 1")).containsKeys(
        "special_needs_pupil", "preschool_child", "none");
    assertThat(count("SELECT count(*) FROM resident WHERE physical_disability_grade IN (1, 2)")).isPositive();
    assertThat(count("SELECT count(*) FROM resident WHERE intellectual_disability_grade = 'A'")).isPositive();
    assertThat(count("SELECT count(*) FROM resident WHERE mental_disability_grade IS NOT NULL")).isPositive();
    assertThat(count("SELECT count(*) FROM resident WHERE needs_info_support")).isPositive();
    assertThat(count("SELECT count(*) FROM resident WHERE needs_decision_support")).isPositive();
    assertThat(count("SELECT count(DISTINCT d) FROM resident, unnest(medical_devices) d")).isGreaterThanOrEqualTo(6);
    // powered devices other than ventilators: a few percent of the register (home oxygen the most)
    double powered = count("SELECT count(*) FROM resident WHERE medical_devices "
        + "&& ARRAY['oxygen', 'suction', 'feeding_pump', 'electric_bed', 'other_powered']");
    assertThat(powered / RESIDENTS).isBetween(0.025, 0.07);
    assertThat(count("SELECT count(*) FROM resident WHERE 'oxygen' = ANY (medical_devices)") / (double) RESIDENTS)
        .isBetween(0.007, 0.025);
  }

  @Test
  void plansSupportersAndConsentAreMixed() throws SQLException {
    assertThat(grouped("SELECT status, count(*) FROM evacuation_plan GROUP BY 1"))
        .containsKeys("none", "draft", "partial", "complete", "refused");
    double without = count("SELECT count(*) FROM evacuation_plan p WHERE NOT EXISTS "
        + "(SELECT 1 FROM plan_supporter s WHERE s.plan_id = p.id)");
    assertThat(without / RESIDENTS).isBetween(0.25, 0.45);
    assertThat(grouped("SELECT relation, count(*) FROM supporter GROUP BY 1")).containsKeys("neighbour", "family",
        "welfare_commissioner", "voluntary_disaster_group", "fire_brigade", "neighbourhood_association",
        "social_welfare_council", "care_provider");
    assertThat(grouped("SELECT destination_kind, count(*) FROM evacuation_plan WHERE destination_kind IS NOT NULL GROUP BY 1"))
        .containsKeys("shelter", "relative_home", "care_facility_short_stay", "stay_home");
    assertThat(count("SELECT count(*) FROM evacuation_plan WHERE last_reviewed_on < DATE '2025-01-01'")).isPositive();
    assertThat(grouped("SELECT state, count(*) FROM current_consent GROUP BY 1"))
        .containsKeys("given", "presumed", "refused", "unknown");
    assertThat(count("SELECT count(*) FROM consent")).isGreaterThan(count("SELECT count(*) FROM current_consent"));
    // some supporters live in the same hazard zone as the person they help
    assertThat(count("""
        SELECT count(*) FROM evacuation_plan p
        JOIN resident r ON r.id = p.resident_id JOIN household h ON h.id = r.household_id
        JOIN plan_supporter ps ON ps.plan_id = p.id JOIN supporter s ON s.id = ps.supporter_id
        JOIN hazard_zone z ON ST_Intersects(z.geom, h.geom) AND ST_Intersects(z.geom, s.geom)
        """)).isPositive();
    assertThat(count("SELECT count(*) FROM evacuation_plan p JOIN shelter s ON s.id = p.destination_shelter_id "
        + "WHERE s.kind IN ('welfare_shelter', 'child_welfare_shelter')")).isPositive();
    // plans fill welfare shelters counting whole households, as the plan check does; a few
    // planners counted only the person, so a few shelters end a little over
    String load = """
        SELECT s.id, s.capacity_persons AS cap, s.capacity_children AS children_cap,
               sum(h.member_count) AS planned, count(*) AS plans
        FROM evacuation_plan p JOIN shelter s ON s.id = p.destination_shelter_id
        JOIN resident r ON r.id = p.resident_id JOIN household h ON h.id = r.household_id
        WHERE s.kind IN ('welfare_shelter', 'child_welfare_shelter') GROUP BY s.id
        """;
    long used = count("SELECT count(*) FROM (" + load + ") x");
    assertThat(count("SELECT count(*) FROM (" + load + ") x WHERE planned > cap")).isLessThanOrEqualTo(used / 3);
    assertThat(count("SELECT count(*) FROM (" + load + ") x WHERE planned > cap * 1.25 + 2")).isZero();
    assertThat(count("SELECT count(*) FROM (" + load + ") x WHERE plans > children_cap")).isZero();
  }

  @Test
  void homesLieInEveryKindOfHazardZoneButNotAllOfThem() throws SQLException {
    Map<String, Long> byType = grouped("""
        SELECT z.hazard_type, count(DISTINCT h.id) FROM household h
        JOIN hazard_zone z ON ST_Intersects(z.geom, h.geom) GROUP BY 1
        """);
    double households = count("SELECT count(*) FROM household");
    assertThat(byType.keySet()).contains("flood", "tsunami", "landslide");
    assertThat(byType.get("flood") / households).isBetween(0.1, 0.5);
    assertThat(byType.get("tsunami") / households).isBetween(0.05, 0.4);
    assertThat(byType.get("landslide") / households).isBetween(0.005, 0.1);
    assertThat(count("SELECT count(*) FROM hazard_zone WHERE NOT ST_IsValid(geom)")).isZero();
    assertThat(grouped("SELECT phenomenon || rank, count(*) FROM hazard_zone WHERE hazard_type = 'landslide' GROUP BY 1"))
        .containsKeys("steep_slope1", "steep_slope2", "debris_flow1", "debris_flow2");
    assertThat(count("SELECT count(DISTINCT rank) FROM hazard_zone WHERE hazard_type = 'flood' AND rank <= 4")).isEqualTo(4);
    // flood depth at homes: mostly 0.5-3 m (rank 2), some 3-5 m, few deeper (Numazu's Kano river)
    Map<String, Long> depth = grouped("""
        SELECT rank::text, count(*) FROM (SELECT max(z.rank) AS rank FROM household h
        JOIN hazard_zone z ON z.hazard_type = 'flood' AND ST_Intersects(z.geom, h.geom) GROUP BY h.id) x GROUP BY 1
        """);
    double flooded = depth.values().stream().mapToLong(Long::longValue).sum();
    assertThat(depth.getOrDefault("2", 0L) / flooded).as("0.5-3 m among flooded homes").isBetween(0.5, 0.85);
    assertThat((depth.getOrDefault("3", 0L) + depth.getOrDefault("4", 0L) + depth.getOrDefault("5", 0L)) / households)
        .as("homes 3 m or more under").isBetween(0.01, 0.12);
    // landslide zones are small patches (about 1 ha for a steep slope), not bands across the town
    assertThat(count("SELECT count(*) FROM hazard_zone WHERE hazard_type = 'landslide' AND rank = 1")).isBetween(60L, 130L);
    assertThat(count("SELECT count(*) FROM hazard_zone WHERE hazard_type = 'landslide' "
        + "AND ST_Area(geom::geography) > 250000")).isZero();
    // every special warning zone lies inside a warning zone
    assertThat(count("""
        SELECT count(*) FROM hazard_zone s WHERE s.hazard_type = 'landslide' AND s.rank = 2 AND NOT EXISTS (
          SELECT 1 FROM hazard_zone w WHERE w.hazard_type = 'landslide' AND w.rank = 1
          AND ST_Covers(ST_Buffer(w.geom, 0.00001), s.geom))
        """)).isZero();
    // no home in the sea: homes lie in a district (districts cover the land only)
    assertThat(count("SELECT count(*) FROM household h WHERE NOT EXISTS "
        + "(SELECT 1 FROM district d WHERE ST_Intersects(d.geom, h.geom))")).isLessThan(5);
  }

  @Test
  void everyShelterKindIsThereAndSitesAreDesignatedConsistently() throws SQLException {
    Map<String, Long> kinds = grouped("SELECT kind, count(*) FROM shelter GROUP BY 1");
    assertThat(kinds).containsKeys("evacuation_site", "designated_shelter", "welfare_shelter", "child_welfare_shelter");
    assertThat(kinds.get("evacuation_site")).isEqualTo(Math.round(105 * RESIDENTS / 20_000.0));
    assertThat(kinds.get("designated_shelter")).isEqualTo(Math.round(51 * RESIDENTS / 20_000.0));
    assertThat(count("SELECT count(*) FROM shelter WHERE kind = 'designated_shelter' AND capacity_persons IS NULL")).isZero();
    assertThat(count("SELECT count(*) FROM shelter WHERE kind = 'welfare_shelter' AND (capacity_persons IS NULL "
        + "OR cardinality(target_groups) = 0 OR target_groups_text IS NULL)")).isZero();
    for (String type : List.of("tsunami", "landslide", "flood")) {
      assertThat(count("SELECT count(*) FROM shelter s JOIN hazard_zone z ON ST_Intersects(z.geom, s.geom) "
          + "WHERE s.kind = 'evacuation_site' AND z.hazard_type = '" + type + "' AND '" + type + "' = ANY (s.hazards)"))
          .as(type).isZero();
    }
    assertThat(count("SELECT count(*) FROM shelter WHERE kind = 'evacuation_site' AND 'tsunami' = ANY (hazards)")).isPositive();
    // welfare shelters stand on safe ground where the town has room
    assertThat(kinds.get("welfare_shelter")).isEqualTo(Math.max(4, Math.round(Math.round(51 * RESIDENTS / 20_000.0) * 0.5)));
    assertThat(count("SELECT count(*) FROM shelter s WHERE s.kind = 'welfare_shelter' AND EXISTS "
        + "(SELECT 1 FROM hazard_zone z WHERE ST_Intersects(z.geom, s.geom))")).isLessThanOrEqualTo(1);
  }

  @Test
  void theSixKumamotoChildWelfareSheltersTake903PeopleOfWhom301Children() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), sum(capacity_persons), sum(capacity_children), "
            + "count(DISTINCT disability_types) FROM shelter WHERE kind = 'child_welfare_shelter' "
            + "AND source = 'kumamoto_child_welfare_table'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(6);
      assertThat(rs.getInt(2)).isEqualTo(903);
      assertThat(rs.getInt(3)).isEqualTo(301);
      assertThat(rs.getInt(4)).isEqualTo(4);
    }
  }

  @Test
  void theTownIsLoadedOnce() throws Exception {
    assertThat(DemoTown.isLoaded(db.dataSource())).isTrue();
    assertThat(DemoTown.loaded(db.dataSource()).orElseThrow().residents()).isEqualTo(RESIDENTS);
    assertThatThrownBy(() -> DemoTownGenerator.generateAndLoad(db.dataSource(), DemoTownSpec.of(1, 1000, 1.0),
        dir.resolve("again"), ProgressListener.none(), () -> false)).isInstanceOf(IllegalStateException.class);
    assertThat(count("SELECT count(*) FROM resident")).isEqualTo(RESIDENTS);
  }

  @Test
  void cancellingRollsEverythingBack(@TempDir Path other) throws Exception {
    try (Database fresh = Database.open(TestPostgis.freshDatabase("demo_cancel"), 2)) {
      int[] calls = {0};
      assertThatThrownBy(() -> DemoTownGenerator.generateAndLoad(fresh.dataSource(), DemoTownSpec.of(5, 3000, 1.0),
          other, ProgressListener.none(), () -> ++calls[0] > 3)).isInstanceOf(CancellationException.class);
      assertThat(DemoTown.isLoaded(fresh.dataSource())).isFalse();
      try (Connection c = fresh.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM resident) + (SELECT count(*) FROM shelter) "
              + "+ (SELECT count(*) FROM district) + (SELECT count(*) FROM hazard_zone)")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void theOsmFileHasTheRoadHierarchyAndWater() throws Exception {
    String osm = Files.readString(summary.osmFile());
    for (String tag : List.of("\"trunk\"", "\"primary\"", "\"secondary\"", "\"tertiary\"", "\"residential\"",
        "\"service\"", "\"footway\"", "\"steps\"", "k=\"bridge\" v=\"yes\"", "k=\"layer\" v=\"1\"",
        "k=\"waterway\" v=\"river\"", "k=\"natural\" v=\"coastline\"", "k=\"oneway\" v=\"yes\"", "k=\"incline\"",
        "k=\"maxspeed\"", "v=\"国道1号\"", "v=\"狩野川\"", "k=\"ele\"")) {
      assertThat(osm).as(tag).contains(tag);
    }
  }
}
