package io.mimamori.layers.priority;

import io.mimamori.layers.disclosure.Viewer;
import io.mimamori.layers.disclosure.VisibleResidents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Scores the whole register against the hazard layers in one set-based pass: every active
 * resident's home is probed against the subdivided hazard zones (GiST), every factor present
 * becomes a row, the rows are weighed with the profile's points and summed. The old scores of the
 * profile are replaced in the same transaction, so readers see either the old or the new list.
 */
public final class PriorityStore {

  /**
   * Parameters: factor keys (text[]), points (int[]), profile id, profile version, band A, B, C thresholds.
   */
  private static final String SCORE_ALL =
      """
      WITH active AS (
        SELECT r.id, r.household_id, hh.district_id, r.care_level, r.physical_disability_grade, r.intellectual_disability_grade,
               r.mental_disability_grade, r.severe_motor_intellectual, r.medical_devices, r.ventilator_24h,
               r.needs_info_support, r.needs_decision_support,
               hh.geom, hh.composition, hh.family_frail, hh.alone_daytime
        FROM resident r JOIN household hh ON hh.id = r.household_id
        WHERE r.register_status = 'active'
      ),
      home_hazard AS (
        SELECT a.id,
               max(p.rank) FILTER (WHERE p.hazard_type = 'flood') AS flood,
               max(p.rank) FILTER (WHERE p.hazard_type = 'tsunami') AS tsunami,
               max(p.rank) FILTER (WHERE p.hazard_type = 'landslide') AS landslide,
               array_agg(DISTINCT p.hazard_type) AS types
        FROM active a JOIN hazard_zone_part p ON p.geom && a.geom AND ST_Intersects(p.geom, a.geom)
        GROUP BY a.id
      ),
      needing AS (
        SELECT household_id, count(*) AS n FROM active GROUP BY household_id
      ),
      plan_supporters AS (
        SELECT ep.resident_id, s.geom
        FROM evacuation_plan ep
        JOIN plan_supporter ps ON ps.plan_id = ep.id
        JOIN supporter s ON s.id = ps.supporter_id
        WHERE ep.status <> 'refused'
      ),
      support AS (
        SELECT sp.resident_id, count(*) AS supporters,
               count(*) FILTER (WHERE EXISTS (
                 SELECT 1 FROM hazard_zone_part p
                 WHERE p.geom && sp.geom AND ST_Intersects(p.geom, sp.geom) AND p.hazard_type = ANY (h.types))) AS exposed
        FROM plan_supporters sp LEFT JOIN home_hazard h ON h.id = sp.resident_id
        GROUP BY sp.resident_id
      ),
      factors AS (
        SELECT id, CASE WHEN flood >= 3 THEN 'flood_over_3m' WHEN flood = 2 THEN 'flood_05_to_3m'
                        ELSE 'flood_under_05m' END AS factor FROM home_hazard WHERE flood IS NOT NULL
        UNION ALL SELECT id, CASE WHEN tsunami >= 3 THEN 'tsunami_deep' ELSE 'tsunami_zone' END
                  FROM home_hazard WHERE tsunami IS NOT NULL
        UNION ALL SELECT id, CASE WHEN landslide >= 2 THEN 'landslide_special_warning' ELSE 'landslide_warning' END
                  FROM home_hazard WHERE landslide IS NOT NULL
        UNION ALL SELECT id, care_level FROM active WHERE care_level IN ('care_3', 'care_4', 'care_5')
        UNION ALL SELECT id, 'physical_grade_1_2' FROM active WHERE physical_disability_grade <= 2
        UNION ALL SELECT id, 'intellectual_a' FROM active WHERE intellectual_disability_grade = 'A'
        UNION ALL SELECT id, 'mental_grade_1' FROM active WHERE mental_disability_grade = 1
        UNION ALL SELECT id, 'severe_motor_intellectual' FROM active WHERE severe_motor_intellectual
        UNION ALL SELECT id, CASE WHEN ventilator_24h THEN 'ventilator_24h' ELSE 'ventilator' END
                  FROM active WHERE 'ventilator' = ANY (medical_devices)
        UNION ALL SELECT id, 'other_powered_device' FROM active
                  WHERE medical_devices && ARRAY['oxygen', 'suction', 'feeding_pump', 'electric_bed', 'other_powered']
        UNION ALL SELECT id, 'needs_decision_support' FROM active WHERE needs_decision_support
        UNION ALL SELECT id, 'needs_info_support' FROM active WHERE needs_info_support
        UNION ALL SELECT id, 'lives_alone' FROM active WHERE composition = 'alone'
        UNION ALL SELECT id, 'elderly_couple' FROM active WHERE composition = 'elderly_couple'
        UNION ALL SELECT id, 'frail_family' FROM active WHERE family_frail
        UNION ALL SELECT id, 'alone_daytime' FROM active WHERE alone_daytime
        UNION ALL SELECT a.id, 'several_needing_support' FROM active a JOIN needing n USING (household_id) WHERE n.n >= 2
        UNION ALL SELECT a.id, 'no_supporter' FROM active a WHERE NOT EXISTS (SELECT 1 FROM support s WHERE s.resident_id = a.id)
        UNION ALL SELECT resident_id, 'supporters_all_exposed' FROM support WHERE exposed = supporters AND exposed > 0
        UNION ALL SELECT a.id, 'care_5_in_hazard_area' FROM active a JOIN home_hazard h USING (id) WHERE a.care_level = 'care_5'
      ),
      weights AS (
        SELECT * FROM unnest(?::text[], ?::int[]) AS w(factor, points) WHERE points > 0
      ),
      scored AS (
        SELECT f.id, sum(w.points)::int AS score,
               jsonb_agg(jsonb_build_object('factor', f.factor, 'points', w.points) ORDER BY w.points DESC, f.factor) AS factors
        FROM factors f JOIN weights w USING (factor)
        GROUP BY f.id
      )
      INSERT INTO %s (profile, profile_version, resident_id, score, band, factors, home_hazards,
                      district_id, plan_status, hazard_types)
      SELECT ?, ?, a.id, coalesce(s.score, 0),
             CASE WHEN coalesce(s.score, 0) >= ? THEN 'A' WHEN coalesce(s.score, 0) >= ? THEN 'B'
                  WHEN coalesce(s.score, 0) >= ? THEN 'C' ELSE 'D' END,
             coalesce(s.factors, '[]'::jsonb),
             jsonb_strip_nulls(jsonb_build_object('flood', h.flood, 'tsunami', h.tsunami, 'landslide', h.landslide)),
             a.district_id, coalesce(ep.status, 'none'), coalesce(h.types, '{}')
      FROM active a LEFT JOIN scored s USING (id) LEFT JOIN home_hazard h USING (id)
      LEFT JOIN evacuation_plan ep ON ep.resident_id = a.id
      """;

  /** The statements that build a scored table's indexes, matching the partitioned parent's (so ATTACH adopts them). */
  private static final String[] PARTITION_INDEXES = {
    "ALTER TABLE %1$s ADD PRIMARY KEY (profile, resident_id)",
    "CREATE INDEX ON %1$s (profile, score DESC, resident_id)",
    "CREATE INDEX ON %1$s (profile, band)",
    "CREATE INDEX ON %1$s USING gin (factors jsonb_path_ops)",
    "CREATE INDEX ON %1$s USING gin (hazard_types)",
    "CREATE INDEX ON %1$s (profile, district_id, score DESC, resident_id)"
  };

  private static final String ONE =
      """
      SELECT profile_version, score, band,
             (SELECT array_agg(e ->> 'factor' ORDER BY o) FROM jsonb_array_elements(factors) WITH ORDINALITY AS x(e, o)),
             (SELECT array_agg((e ->> 'points')::int ORDER BY o) FROM jsonb_array_elements(factors) WITH ORDINALITY AS x(e, o)),
             (home_hazards ->> 'flood')::int, (home_hazards ->> 'tsunami')::int, (home_hazards ->> 'landslide')::int
      FROM resident_priority WHERE profile = ? AND resident_id = ?
      """;

  private static final String BAND_COUNTS =
      "SELECT band, count(*) FROM resident_priority WHERE profile = ? GROUP BY band ORDER BY band";

  /** The ranked page's fixed head; filters are appended from fixed fragments, never from request text. */
  private static final String RANKED_HEAD =
      """
      SELECT rp.resident_id, rp.score, rp.band,
             (SELECT array_agg(e ->> 'factor' ORDER BY o) FROM jsonb_array_elements(rp.factors) WITH ORDINALITY AS x(e, o)),
             rp.district_id, rp.plan_status, rp.hazard_types,
             (SELECT array_agg(f.check_key ORDER BY f.check_key) FROM plan_check_failure f WHERE f.resident_id = rp.resident_id)
      FROM resident_priority rp
      WHERE rp.profile = ?
      """;

  /** The same head over the visible residents only (a {@code visible} CTE precedes it). */
  private static final String RANKED_VISIBLE_HEAD =
      RANKED_HEAD.replace("FROM resident_priority rp\n", "FROM resident_priority rp JOIN visible v ON v.resident_id = rp.resident_id\n");

  static {
    if (RANKED_VISIBLE_HEAD.equals(RANKED_HEAD)) {
      throw new IllegalStateException("the ranked list's head no longer has the line the visibility join goes after");
    }
  }

  private final DataSource dataSource;

  public PriorityStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Scores every active resident under {@code profile} into a fresh table, indexes it in bulk and
   * swaps it in for the profile's partition; returns how many residents were scored.
   */
  public int scoreAll(PriorityProfile profile) throws SQLException {
    List<String> keys = new ArrayList<>();
    List<Integer> points = new ArrayList<>();
    profile.points().forEach((f, p) -> {
      keys.add(f.key());
      points.add(p);
    });
    // the profile id is checked by PriorityProfile ([a-z][a-z0-9-]*), never taken from a request
    String partition = "resident_priority_" + profile.id().replace('-', '_');
    String fresh = partition + "_new";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + fresh);
        s.execute("CREATE TABLE " + fresh + " (LIKE resident_priority INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
        int n;
        try (PreparedStatement ps = c.prepareStatement(SCORE_ALL.formatted(fresh))) {
          ps.setArray(1, c.createArrayOf("text", keys.toArray()));
          ps.setArray(2, c.createArrayOf("integer", points.toArray()));
          ps.setString(3, profile.id());
          ps.setInt(4, profile.version());
          ps.setInt(5, profile.bandA());
          ps.setInt(6, profile.bandB());
          ps.setInt(7, profile.bandC());
          n = ps.executeUpdate();
        }
        s.execute("ALTER TABLE " + fresh + " ADD CONSTRAINT " + fresh + "_profile CHECK (profile = '" + profile.id() + "')");
        for (String index : PARTITION_INDEXES) {
          s.execute(index.formatted(fresh));
        }
        s.execute("DROP TABLE IF EXISTS " + partition);
        s.execute("ALTER TABLE " + fresh + " RENAME TO " + partition);
        s.execute("ALTER TABLE resident_priority ATTACH PARTITION " + partition + " FOR VALUES IN ('" + profile.id() + "')");
        c.commit();
        s.execute("ANALYZE " + partition);
        return n;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** The stored score of one resident under {@code profile}, with its reasons. */
  public Optional<PriorityScore> find(long residentId, PriorityProfile profile) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(ONE)) {
      ps.setString(1, profile.id());
      ps.setLong(2, residentId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        List<PriorityScore.Contribution> contributions = new ArrayList<>();
        if (rs.getArray(4) != null) {
          String[] keys = (String[]) rs.getArray(4).getArray();
          Integer[] points = (Integer[]) rs.getArray(5).getArray();
          for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            PriorityFactor f = PriorityFactor.fromKey(key)
                .orElseThrow(() -> new IllegalStateException("a stored score names an unknown factor: " + key));
            contributions.add(new PriorityScore.Contribution(f, points[i]));
          }
        }
        Map<String, Integer> hazards = new LinkedHashMap<>();
        String[] names = {"flood", "tsunami", "landslide"};
        for (int i = 0; i < names.length; i++) {
          int rank = rs.getInt(6 + i);
          if (!rs.wasNull()) {
            hazards.put(names[i], rank);
          }
        }
        return Optional.of(new PriorityScore(residentId, profile.id(), rs.getInt(1), rs.getInt(2), rs.getString(3),
            contributions, hazards));
      }
    }
  }

  /** How many residents fall in each band under {@code profile}. */
  public Map<String, Long> bandCounts(PriorityProfile profile) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(BAND_COUNTS)) {
      ps.setString(1, profile.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  /**
   * One page of the whole ranked list, highest score first (ties by resident id), whoever may see
   * it: for benchmarks and tests. Routes use {@link #rank(RankedQuery, Viewer)}.
   */
  public List<RankedResident> rank(RankedQuery q) throws SQLException {
    return rank(q, null);
  }

  /**
   * One page of the ranked list of the residents visible to {@code viewer} (the disclosure
   * policy's {@link VisibleResidents}, joined in the same query), highest score first.
   */
  public List<RankedResident> rank(RankedQuery q, Viewer viewer) throws SQLException {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    if (viewer == null) {
      sql.append(RANKED_HEAD);
    } else {
      VisibleResidents.Sql visible = VisibleResidents.of(viewer);
      sql.append("WITH visible AS (").append(visible.text()).append(")\n").append(RANKED_VISIBLE_HEAD);
      params.addAll(visible.params());
    }
    params.add(q.profile().id());
    q.districtId().ifPresent(d -> {
      sql.append(" AND rp.district_id = ?");
      params.add(d);
    });
    q.hazardType().ifPresent(h -> {
      sql.append(" AND rp.hazard_types @> ARRAY[?]::text[]");
      params.add(h);
    });
    q.factor().ifPresent(f -> {
      sql.append(" AND rp.factors @> ?::jsonb");
      params.add("[{\"factor\": \"" + f.key() + "\"}]");
    });
    q.planStatus().ifPresent(st -> {
      sql.append(" AND rp.plan_status = ?");
      params.add(st);
    });
    q.band().ifPresent(b -> {
      sql.append(" AND rp.band = ?");
      params.add(b);
    });
    q.failedCheck().ifPresent(k -> {
      sql.append(" AND EXISTS (SELECT 1 FROM plan_check_failure f WHERE f.resident_id = rp.resident_id AND f.check_key = ?)");
      params.add(k);
    });
    q.after().ifPresent(a -> {
      sql.append(" AND (rp.score < ? OR (rp.score = ? AND rp.resident_id > ?))");
      params.add(a.score());
      params.add(a.score());
      params.add(a.residentId());
    });
    sql.append(" ORDER BY rp.score DESC, rp.resident_id LIMIT ?");
    params.add(q.limit());
    List<RankedResident> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int district = rs.getInt(5);
          Integer districtId = rs.wasNull() ? null : district;
          out.add(new RankedResident(rs.getLong(1), rs.getInt(2), rs.getString(3), strings(rs.getArray(4)), districtId,
              rs.getString(6), strings(rs.getArray(7)), strings(rs.getArray(8))));
        }
      }
    }
    return out;
  }

  private static List<String> strings(java.sql.Array a) throws SQLException {
    return a == null ? List.of() : List.of((String[]) a.getArray());
  }
}
