package io.mimamori.layers.plancheck;

import io.mimamori.layers.db.DerivedDataLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Runs every plan check over every plan in one pass and stores the failures (replacing the last
 * run's in the same transaction).
 *
 * <p>Rules at the edges: refused plans, plans not yet begun (status none) and plans of residents
 * who left the register are not checked. A destination's designation is its own hazard list together with that of the
 * evacuation site at the same address (the GSI publishes sites and shelters as two lists, linked
 * by address). A welfare shelter whose announced groups could not be read (no codes) is not
 * judged. Capacity counts, per destination, each planned resident, and for welfare and child
 * welfare shelters (which take families) their whole household.
 */
public final class PlanCheckStore {

  /**
   * Formatted with a plan filter and the plans that count towards capacity ({@link #ALL_PLANS} or
   * {@link #SOME_PLANS}). Parameters: the filter's (plan ids, for some plans), the reference date
   * for ages, the reference date for reviews.
   */
  private static final String CHECK_ALL =
      """
      WITH plan AS (
        SELECT ep.id AS plan_id, r.id AS resident_id, ep.destination_shelter_id, ep.last_reviewed_on,
               r.birth_date, r.care_level, r.disability_types, r.medical_devices, r.school_status,
               hh.geom AS home, hh.member_count, hh.district_id
        FROM evacuation_plan ep
        JOIN resident r ON r.id = ep.resident_id AND r.register_status = 'active'
        JOIN household hh ON hh.id = r.household_id
        WHERE ep.status NOT IN ('refused', 'none') %1$s
      ),
      home_hazard AS (
        SELECT DISTINCT p.plan_id, z.hazard_type
        FROM plan p JOIN hazard_zone_part z ON z.geom && p.home AND ST_Intersects(z.geom, p.home)
      ),
      designation AS (
        -- what each shelter is designated for: its own hazards and those of the evacuation sites at
        -- its address, one grouped join over the shelters (a subquery per plan read every site
        -- once per plan: 700,000 plans took four minutes)
        SELECT s.id AS shelter_id,
               s.hazards || coalesce(array_agg(DISTINCT h) FILTER (WHERE h IS NOT NULL), '{}') AS designated_for
        FROM shelter s
        LEFT JOIN shelter site ON site.kind = 'evacuation_site' AND site.address = s.address AND site.id <> s.id
        LEFT JOIN LATERAL unnest(site.hazards) AS h ON true
        WHERE s.id IN (SELECT destination_shelter_id FROM plan)
        GROUP BY s.id, s.hazards
      ),
      destination AS (
        SELECT p.plan_id, s.id AS shelter_id, s.kind, s.geom, s.target_groups, s.disability_types, dz.designated_for
        FROM plan p JOIN shelter s ON s.id = p.destination_shelter_id
        JOIN designation dz ON dz.shelter_id = s.id
      ),
      supporters AS (
        SELECT p.plan_id, s.geom FROM plan p
        JOIN plan_supporter ps ON ps.plan_id = p.plan_id JOIN supporter s ON s.id = ps.supporter_id
      ),
      person_groups AS (
        SELECT plan_id, array_remove(ARRAY[
                 CASE WHEN birth_date <= (?::date - interval '65 years') THEN 'elderly' END,
                 CASE WHEN cardinality(disability_types) > 0 THEN 'disabled' END,
                 CASE WHEN care_level <> 'none' OR cardinality(disability_types) > 0
                        OR cardinality(medical_devices) > 0 THEN 'care_needing' END,
                 CASE WHEN school_status = 'special_needs_pupil' THEN 'pupils' END,
                 CASE WHEN school_status = 'preschool_child' AND cardinality(disability_types) > 0
                      THEN 'preschool_disabled' END], NULL) AS groups
        FROM plan
      ),
      load AS (
        SELECT s.id AS shelter_id, s.capacity_persons,
               sum(CASE WHEN s.kind IN ('welfare_shelter', 'child_welfare_shelter') THEN p.member_count ELSE 1 END) AS planned
        FROM %2$s p JOIN shelter s ON s.id = p.destination_shelter_id
        WHERE s.capacity_persons IS NOT NULL
        GROUP BY s.id, s.capacity_persons
      ),
      failures AS (
        SELECT h.plan_id, 'destination_not_designated' AS check_key, h.hazard_type AS detail
        FROM home_hazard h JOIN destination d USING (plan_id)
        WHERE d.kind <> 'child_welfare_shelter' AND NOT (h.hazard_type = ANY (d.designated_for))
        UNION ALL
        SELECT DISTINCT h.plan_id, 'destination_in_hazard_zone', h.hazard_type
        FROM home_hazard h JOIN destination d USING (plan_id)
        JOIN hazard_zone_part z ON z.hazard_type = h.hazard_type AND z.geom && d.geom AND ST_Intersects(z.geom, d.geom)
        UNION ALL
        SELECT d.plan_id, 'welfare_target_mismatch', array_to_string(d.target_groups, ',')
        FROM destination d JOIN person_groups g USING (plan_id)
        WHERE d.kind = 'welfare_shelter' AND cardinality(d.target_groups) > 0
          AND NOT (g.groups && d.target_groups)
        UNION ALL
        SELECT d.plan_id, 'child_welfare_not_eligible',
               CASE WHEN p.school_status = 'none' THEN 'not_a_pupil_or_preschool_child'
                    ELSE 'disability_types:' || array_to_string(d.disability_types, ',') END
        FROM destination d JOIN plan p USING (plan_id)
        WHERE d.kind = 'child_welfare_shelter'
          AND (p.school_status = 'none'
               OR (cardinality(d.disability_types) > 0 AND NOT (p.disability_types && d.disability_types)))
        UNION ALL
        SELECT p.plan_id, 'over_capacity', l.planned || '/' || l.capacity_persons
        FROM plan p JOIN load l ON l.shelter_id = p.destination_shelter_id
        WHERE l.planned > l.capacity_persons
        UNION ALL
        SELECT p.plan_id, 'no_supporter', NULL
        FROM plan p WHERE NOT EXISTS (SELECT 1 FROM supporters s WHERE s.plan_id = p.plan_id)
        UNION ALL
        SELECT DISTINCT h.plan_id, 'supporter_exposed', h.hazard_type
        FROM home_hazard h JOIN supporters s USING (plan_id)
        JOIN hazard_zone_part z ON z.hazard_type = h.hazard_type AND z.geom && s.geom AND ST_Intersects(z.geom, s.geom)
        UNION ALL
        SELECT plan_id, 'not_reviewed', coalesce(last_reviewed_on::text, 'never')
        FROM plan WHERE last_reviewed_on IS NULL OR last_reviewed_on < ?::date - interval '1 year'
        UNION ALL
        SELECT p.plan_id, 'consent_missing', coalesce(cc.state, 'none')
        FROM plan p LEFT JOIN current_consent cc ON cc.resident_id = p.resident_id
        WHERE EXISTS (SELECT 1 FROM supporters s WHERE s.plan_id = p.plan_id)
          AND coalesce(cc.state, 'unknown') NOT IN ('given', 'presumed')
      )
      INSERT INTO plan_check_failure (plan_id, resident_id, check_key, detail, district_id)
      SELECT f.plan_id, p.resident_id, f.check_key, coalesce(f.detail, ''), p.district_id
      FROM failures f JOIN plan p USING (plan_id)
      """;

  /** Every plan is checked, and every checked plan counts towards its destination's capacity. */
  private static final String[] ALL_PLANS = {"", "plan"};

  /**
   * Some plans are checked (one bigint[] parameter); every plan to their destinations counts
   * towards capacity, checked or not.
   */
  private static final String[] SOME_PLANS = {
    "AND ep.id = ANY (?)",
    """
    (SELECT ep.destination_shelter_id, hh.member_count FROM evacuation_plan ep
     JOIN resident r ON r.id = ep.resident_id AND r.register_status = 'active'
     JOIN household hh ON hh.id = r.household_id
     WHERE ep.status NOT IN ('refused', 'none')
       AND ep.destination_shelter_id IN (SELECT destination_shelter_id FROM plan))"""
  };

  private static final String CLEAR = "DELETE FROM plan_check_failure";

  /** Parameter: plan ids. */
  private static final String CLEAR_SOME = "DELETE FROM plan_check_failure WHERE plan_id = ANY (?)";

  /** Parameter: household ids. The destinations of the plans of the households' residents. */
  private static final String DESTINATIONS =
      """
      SELECT DISTINCT ep.destination_shelter_id FROM evacuation_plan ep JOIN resident r ON r.id = ep.resident_id
      WHERE r.household_id = ANY (?) AND ep.destination_shelter_id IS NOT NULL
      """;

  /** Parameters: household ids, shelter ids. The plans of the households' residents and the plans to the shelters. */
  private static final String AFFECTED_PLANS =
      """
      SELECT ep.id FROM evacuation_plan ep JOIN resident r ON r.id = ep.resident_id WHERE r.household_id = ANY (?)
      UNION
      SELECT ep.id FROM evacuation_plan ep WHERE ep.destination_shelter_id = ANY (?)
      """;

  private static final String FOR_RESIDENT =
      "SELECT plan_id, check_key, detail FROM plan_check_failure WHERE resident_id = ? ORDER BY check_key, detail";

  private static final String COUNTS =
      "SELECT check_key, count(*) FROM plan_check_failure GROUP BY check_key ORDER BY check_key";

  private final DataSource dataSource;

  public PlanCheckStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Checks every plan as of {@code today}; returns the number of failures found. */
  public int checkAll(LocalDate today) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        DerivedDataLock.exclusive(c);
        try (PreparedStatement del = c.prepareStatement(CLEAR)) {
          del.executeUpdate();
        }
        int n;
        try (PreparedStatement ps = c.prepareStatement(CHECK_ALL.formatted(ALL_PLANS[0], ALL_PLANS[1]))) {
          ps.setObject(1, today);
          ps.setObject(2, today);
          n = ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
          // every row was replaced: the planner's statistics of the old failures would mislead the
          // ranked pages' failed-check filter until autovacuum came round
          st.execute("ANALYZE plan_check_failure");
        }
        c.commit();
        return n;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * The destinations of the plans of the households' residents: read before an edit, so that
   * {@link #recheckHouseholds} also checks again the plans to a destination the edit left.
   */
  public static Set<Long> destinationsOf(Connection c, Collection<Long> householdIds) throws SQLException {
    Set<Long> out = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(DESTINATIONS)) {
      ps.setArray(1, c.createArrayOf("bigint", householdIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  /**
   * Checks again, in the caller's transaction, the plans an edit of the given households can
   * change: the plans of their residents, and (for capacity) every plan to a destination those
   * plans had before the edit ({@code earlierDestinations}) or have now. The caller holds
   * {@link DerivedDataLock#shared}. Returns the number of failures found.
   */
  public static int recheckHouseholds(Connection c, LocalDate today, Collection<Long> householdIds,
      Collection<Long> earlierDestinations) throws SQLException {
    Set<Long> shelters = new HashSet<>(earlierDestinations);
    shelters.addAll(destinationsOf(c, householdIds));
    List<Long> plans = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(AFFECTED_PLANS)) {
      ps.setArray(1, c.createArrayOf("bigint", householdIds.toArray()));
      ps.setArray(2, c.createArrayOf("bigint", shelters.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plans.add(rs.getLong(1));
        }
      }
    }
    if (plans.isEmpty()) {
      return 0;
    }
    java.sql.Array ids = c.createArrayOf("bigint", plans.toArray());
    try (PreparedStatement del = c.prepareStatement(CLEAR_SOME)) {
      del.setArray(1, ids);
      del.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(CHECK_ALL.formatted(SOME_PLANS[0], SOME_PLANS[1]))) {
      ps.setArray(1, ids);
      ps.setObject(2, today);
      ps.setObject(3, today);
      return ps.executeUpdate();
    }
  }

  public List<PlanCheckFailure> failuresOf(long residentId) throws SQLException {
    List<PlanCheckFailure> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(FOR_RESIDENT)) {
      ps.setLong(1, residentId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(2);
          PlanCheck check = PlanCheck.fromKey(key)
              .orElseThrow(() -> new IllegalStateException("stored failure names an unknown check: " + key));
          String detail = rs.getString(3);
          out.add(new PlanCheckFailure(rs.getLong(1), residentId, check, detail.isEmpty() ? null : detail));
        }
      }
    }
    return out;
  }

  /** Failures per check across the register. */
  public Map<String, Long> countsByCheck() throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(COUNTS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }
}
