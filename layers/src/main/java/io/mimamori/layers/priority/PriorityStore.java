package io.mimamori.layers.priority;

import io.mimamori.layers.db.DerivedDataLock;
import io.mimamori.layers.disclosure.Viewer;
import io.mimamori.layers.disclosure.VisibleResidents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Scores the register against the hazard layers in one set-based pass: every active resident's
 * home is probed against the subdivided hazard zones (GiST), the household and support facts are
 * gathered, and each resident's score and reasons are weighed with the profile's points. A whole
 * pass replaces the profile's scores in one transaction, so readers see either the old or the new
 * list; an edit re-scores only the households it touched ({@link #rescoreHouseholds}), in the
 * edit's transaction.
 */
public final class PriorityStore {

  /**
   * The pass, in three steps that each touch every row once: the hazard at every home and every
   * supporter's home (polygon-outer joins: each subdivided part probes the point indexes, so the
   * polygon is prepared once), the household and support facts per resident, then one row per
   * resident whose score and reasons are plain expressions over those facts (no union of factor
   * rows, no sort, no aggregation). {@code %1$s}: the target table; {@code %2$s}: the score
   * expression; {@code %3$s}: the reasons expression (both built by {@link #weighing} from fixed
   * fragments); {@code %4$s}, {@code %5$s}, {@code %6$s}: the filters on homes, supporters and
   * residents ({@link #ALL_RESIDENTS} or {@link #SOME_HOUSEHOLDS}). Parameters: the filters' (the
   * household ids three times, for some households), the weighing's parameters, then profile id,
   * profile version, band A, B, C thresholds.
   */
  private static final String SCORE_ALL =
      """
      WITH home_hazard AS (
        SELECT hh.id AS household_id,
               max(p.rank) FILTER (WHERE p.hazard_type = 'flood') AS flood,
               max(p.rank) FILTER (WHERE p.hazard_type = 'tsunami') AS tsunami,
               max(p.rank) FILTER (WHERE p.hazard_type = 'landslide') AS landslide,
               array_agg(DISTINCT p.hazard_type) AS types
        FROM hazard_zone_part p JOIN household hh ON hh.geom && p.geom AND ST_Intersects(p.geom, hh.geom)
        %4$s
        GROUP BY hh.id
      ),
      supporter_hazard AS (
        SELECT s.id AS supporter_id, array_agg(DISTINCT p.hazard_type) AS types
        FROM hazard_zone_part p JOIN supporter s ON s.geom && p.geom AND ST_Intersects(p.geom, s.geom)
        %5$s
        GROUP BY s.id
      ),
      active AS (
        SELECT r.id, r.household_id, hh.district_id, r.care_level, r.physical_disability_grade, r.intellectual_disability_grade,
               r.mental_disability_grade, r.severe_motor_intellectual, r.medical_devices, r.ventilator_24h,
               r.needs_info_support, r.needs_decision_support,
               hh.composition, hh.family_frail, hh.alone_daytime,
               h.flood, h.tsunami, h.landslide, h.types
        FROM resident r JOIN household hh ON hh.id = r.household_id
        LEFT JOIN home_hazard h ON h.household_id = r.household_id
        WHERE r.register_status = 'active' %6$s
      ),
      needing AS (
        SELECT household_id, count(*) AS n FROM active GROUP BY household_id
      ),
      support AS (
        SELECT ep.resident_id, count(*) AS supporters, count(*) FILTER (WHERE sh.types && a.types) AS exposed
        FROM evacuation_plan ep
        JOIN plan_supporter ps ON ps.plan_id = ep.id
        JOIN active a ON a.id = ep.resident_id
        LEFT JOIN supporter_hazard sh ON sh.supporter_id = ps.supporter_id
        WHERE ep.status <> 'refused'
        GROUP BY ep.resident_id
      ),
      scored AS (
        SELECT a.id, a.district_id, a.flood, a.tsunami, a.landslide, a.types, %2$s AS score, %3$s AS factors
        FROM active a LEFT JOIN needing n USING (household_id) LEFT JOIN support s ON s.resident_id = a.id
      )
      INSERT INTO %1$s (profile, profile_version, resident_id, score, band, factors, home_hazards,
                        district_id, plan_status, hazard_types)
      SELECT ?, ?, a.id, a.score,
             CASE WHEN a.score >= ? THEN 'A' WHEN a.score >= ? THEN 'B' WHEN a.score >= ? THEN 'C' ELSE 'D' END,
             a.factors,
             jsonb_strip_nulls(jsonb_build_object('flood', a.flood, 'tsunami', a.tsunami, 'landslide', a.landslide)),
             a.district_id, coalesce(ep.status, 'none'), coalesce(a.types, '{}')
      FROM scored a LEFT JOIN evacuation_plan ep ON ep.resident_id = a.id
      """;

  /**
   * When each factor holds, over the columns of {@code scored}'s sources: {@code a} (the resident,
   * household and home hazard), {@code n} (people needing support in the household), {@code s} (the
   * plan's supporters, and how many live in a zone of a hazard at the home). A condition that is
   * null (an unknown value) does not hold.
   */
  private static final Map<PriorityFactor, String> CONDITIONS = conditions();

  private static Map<PriorityFactor, String> conditions() {
    Map<PriorityFactor, String> m = new java.util.EnumMap<>(PriorityFactor.class);
    m.put(PriorityFactor.FLOOD_UNDER_05M, "a.flood < 2");
    m.put(PriorityFactor.FLOOD_05_TO_3M, "a.flood = 2");
    m.put(PriorityFactor.FLOOD_OVER_3M, "a.flood >= 3");
    m.put(PriorityFactor.TSUNAMI_ZONE, "a.tsunami < 3");
    m.put(PriorityFactor.TSUNAMI_DEEP, "a.tsunami >= 3");
    m.put(PriorityFactor.LANDSLIDE_WARNING, "a.landslide < 2");
    m.put(PriorityFactor.LANDSLIDE_SPECIAL_WARNING, "a.landslide >= 2");
    m.put(PriorityFactor.CARE_3, "a.care_level = 'care_3'");
    m.put(PriorityFactor.CARE_4, "a.care_level = 'care_4'");
    m.put(PriorityFactor.CARE_5, "a.care_level = 'care_5'");
    m.put(PriorityFactor.PHYSICAL_GRADE_1_2, "a.physical_disability_grade <= 2");
    m.put(PriorityFactor.INTELLECTUAL_A, "a.intellectual_disability_grade = 'A'");
    m.put(PriorityFactor.MENTAL_GRADE_1, "a.mental_disability_grade = 1");
    m.put(PriorityFactor.SEVERE_MOTOR_INTELLECTUAL, "a.severe_motor_intellectual");
    m.put(PriorityFactor.VENTILATOR, "'ventilator' = ANY (a.medical_devices) AND NOT coalesce(a.ventilator_24h, false)");
    m.put(PriorityFactor.VENTILATOR_24H, "'ventilator' = ANY (a.medical_devices) AND a.ventilator_24h");
    m.put(PriorityFactor.OTHER_POWERED_DEVICE,
        "a.medical_devices && ARRAY['oxygen', 'suction', 'feeding_pump', 'electric_bed', 'other_powered']");
    m.put(PriorityFactor.NEEDS_DECISION_SUPPORT, "a.needs_decision_support");
    m.put(PriorityFactor.NEEDS_INFO_SUPPORT, "a.needs_info_support");
    m.put(PriorityFactor.LIVES_ALONE, "a.composition = 'alone'");
    m.put(PriorityFactor.ELDERLY_COUPLE, "a.composition = 'elderly_couple'");
    m.put(PriorityFactor.FRAIL_FAMILY, "a.family_frail");
    m.put(PriorityFactor.ALONE_DAYTIME, "a.alone_daytime");
    m.put(PriorityFactor.SEVERAL_NEEDING_SUPPORT, "n.n >= 2");
    m.put(PriorityFactor.NO_SUPPORTER, "s.resident_id IS NULL");
    m.put(PriorityFactor.SUPPORTERS_ALL_EXPOSED, "s.exposed = s.supporters AND s.exposed > 0");
    m.put(PriorityFactor.CARE_5_IN_HAZARD_AREA, "a.care_level = 'care_5' AND a.types IS NOT NULL");
    if (m.size() != PriorityFactor.values().length) {
      throw new IllegalStateException("every priority factor needs a condition in PriorityStore");
    }
    return Map.copyOf(m);
  }

  /**
   * A profile's score and reasons as SQL expressions: the factors it weighs (points above zero) in
   * the order the reasons are shown (most points first, then by key), each a fixed condition from
   * {@link #CONDITIONS}; the points and the reasons' JSON are parameters.
   */
  record Weighing(String score, String factors, List<Object> parameters) {}

  static Weighing weighing(PriorityProfile profile) {
    List<PriorityFactor> weighed = java.util.Arrays.stream(PriorityFactor.values())
        .filter(f -> profile.pointsFor(f) > 0)
        .sorted(java.util.Comparator.comparingInt((PriorityFactor f) -> -profile.pointsFor(f)).thenComparing(PriorityFactor::key))
        .toList();
    if (weighed.isEmpty()) {
      return new Weighing("0", "'[]'::jsonb", List.of());
    }
    StringBuilder score = new StringBuilder("(");
    StringBuilder factors = new StringBuilder("to_jsonb(array_remove(ARRAY[");
    List<Object> scoreParams = new ArrayList<>();
    List<Object> factorParams = new ArrayList<>();
    for (int i = 0; i < weighed.size(); i++) {
      PriorityFactor f = weighed.get(i);
      String when = "CASE WHEN " + CONDITIONS.get(f);
      score.append(i == 0 ? "" : " + ").append(when).append(" THEN ? ELSE 0 END");
      factors.append(i == 0 ? "" : ", ").append(when).append(" THEN ?::jsonb END");
      scoreParams.add(profile.pointsFor(f));
      factorParams.add("{\"factor\": \"" + f.key() + "\", \"points\": " + profile.pointsFor(f) + "}");
    }
    score.append(")");
    factors.append("], NULL))");
    List<Object> params = new ArrayList<>(scoreParams);
    params.addAll(factorParams);
    return new Weighing(score.toString(), factors.toString(), List.copyOf(params));
  }

  /** The filters of {@link #SCORE_ALL} for the whole register. */
  private static final String[] ALL_RESIDENTS = {"", "", ""};

  /** The filters of {@link #SCORE_ALL} for the residents of some households (each one bigint[] parameter). */
  private static final String[] SOME_HOUSEHOLDS = {
    "WHERE hh.id = ANY (?)",
    """
    WHERE s.id IN (SELECT ps.supporter_id FROM plan_supporter ps JOIN evacuation_plan ep ON ep.id = ps.plan_id
                   JOIN resident r ON r.id = ep.resident_id WHERE r.household_id = ANY (?))""",
    "AND r.household_id = ANY (?)"
  };

  /** Parameters: profile, household ids. */
  private static final String FORGET_HOUSEHOLDS =
      "DELETE FROM resident_priority WHERE profile = ? AND resident_id IN (SELECT id FROM resident WHERE household_id = ANY (?))";

  /** Parameter: a partition's name. */
  private static final String PARTITION_EXISTS = "SELECT to_regclass(?) IS NOT NULL";

  /** The statements that build a scored table's indexes, matching the partitioned parent's (so ATTACH adopts them). */
  private static final String[] PARTITION_INDEXES = {
    "ALTER TABLE %1$s ADD PRIMARY KEY (profile, resident_id)",
    "CREATE INDEX ON %1$s (profile, score DESC, resident_id)",
    "CREATE INDEX ON %1$s (profile, band)",
    "CREATE INDEX ON %1$s USING gin (factors jsonb_path_ops)",
    "CREATE INDEX ON %1$s USING gin (hazard_types)",
    "CREATE INDEX ON %1$s (profile, district_id, score DESC, resident_id)",
    "CREATE INDEX ON %1$s (profile, district_id, score DESC, resident_id) WHERE hazard_types @> '{flood}'",
    "CREATE INDEX ON %1$s (profile, district_id, score DESC, resident_id) WHERE hazard_types @> '{tsunami}'",
    "CREATE INDEX ON %1$s (profile, district_id, score DESC, resident_id) WHERE hazard_types @> '{landslide}'"
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
    String partition = partition(profile);
    String fresh = partition + "_new";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        DerivedDataLock.exclusive(c);
        s.execute("DROP TABLE IF EXISTS " + fresh);
        s.execute("CREATE TABLE " + fresh + " (LIKE resident_priority INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
        int n;
        try (PreparedStatement ps = c.prepareStatement(scoring(fresh, profile, ALL_RESIDENTS))) {
          bindScoring(ps, 1, profile);
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
        // statistics for the planner: outside the transaction, or they would be rolled back with the
        // connection (without them the ranked list's filters pick bitmap scans over the whole profile)
        c.setAutoCommit(true);
        s.execute("ANALYZE " + partition);
        return n;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * Scores again, in the caller's transaction, the residents of the given households under every
   * shipped profile that has been scored (a household's members share the household factors),
   * replacing their stored scores; residents no longer active lose theirs. The caller holds
   * {@link DerivedDataLock#shared}. Returns how many scores were written.
   */
  public static int rescoreHouseholds(Connection c, Collection<Long> householdIds) throws SQLException {
    if (householdIds.isEmpty()) {
      return 0;
    }
    java.sql.Array households = c.createArrayOf("bigint", householdIds.toArray());
    int n = 0;
    for (PriorityProfile profile : PriorityProfile.shipped()) {
      if (!scored(c, profile)) {
        continue; // never scored: the whole pass will score these residents with everyone else
      }
      try (PreparedStatement forget = c.prepareStatement(FORGET_HOUSEHOLDS)) {
        forget.setString(1, profile.id());
        forget.setArray(2, households);
        forget.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(scoring("resident_priority", profile, SOME_HOUSEHOLDS))) {
        for (int i = 1; i <= SOME_HOUSEHOLDS.length; i++) {
          ps.setArray(i, households);
        }
        bindScoring(ps, SOME_HOUSEHOLDS.length + 1, profile);
        n += ps.executeUpdate();
      }
    }
    return n;
  }

  /** True when {@code profile} has been scored (a whole pass made its partition). */
  public static boolean scored(Connection c, PriorityProfile profile) throws SQLException {
    try (PreparedStatement exists = c.prepareStatement(PARTITION_EXISTS)) {
      exists.setString(1, partition(profile));
      try (ResultSet rs = exists.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** The scoring statement into {@code target}, weighing {@code profile}, with {@code filters}. */
  private static String scoring(String target, PriorityProfile profile, String[] filters) {
    Weighing w = weighing(profile);
    return SCORE_ALL.formatted(target, w.score(), w.factors(), filters[0], filters[1], filters[2]);
  }

  /** Binds the weighing's parameters, the profile and its band thresholds from parameter {@code first} on. */
  private static void bindScoring(PreparedStatement ps, int first, PriorityProfile profile) throws SQLException {
    int i = first;
    for (Object p : weighing(profile).parameters()) {
      ps.setObject(i++, p);
    }
    ps.setString(i++, profile.id());
    ps.setInt(i++, profile.version());
    ps.setInt(i++, profile.bandA());
    ps.setInt(i++, profile.bandB());
    ps.setInt(i, profile.bandC());
  }

  /** The partition that holds a profile's scores; the id is checked by PriorityProfile ([a-z][a-z0-9-]*), never taken from a request. */
  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static String partition(PriorityProfile profile) {
    return "resident_priority_" + profile.id().replace('-', '_');
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
    // a district-scoped viewer's pages read their districts' rows, not the whole town joined to the visible set
    Optional<Set<Integer>> bound = viewer == null ? Optional.empty() : VisibleResidents.districtBound(viewer);
    bound.ifPresent(ds -> {
      sql.append(" AND rp.district_id IN (").append(placeholders(ds.size())).append(')');
      params.addAll(ds);
    });
    q.districtId().ifPresent(d -> {
      sql.append(" AND rp.district_id = ?");
      params.add(d);
    });
    // the districts every row of the page lies in, when there are such: a failed-check filter starts from them
    Optional<Set<Integer>> districts = q.districtId().<Set<Integer>>map(Set::of).or(() -> bound);
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
      if (districts.isPresent()) {
        // the failures of these districts, counted by the statistics on (check_key, district_id): a few
        // dozen in a district of 77,000 are read first rather than probed for on every row of the district
        sql.append(" AND rp.resident_id IN (SELECT f.resident_id FROM plan_check_failure f WHERE f.check_key = ?"
            + " AND f.district_id IN (").append(placeholders(districts.get().size())).append("))");
        params.add(k);
        params.addAll(districts.get());
      } else {
        sql.append(" AND EXISTS (SELECT 1 FROM plan_check_failure f WHERE f.resident_id = rp.resident_id AND f.check_key = ?)");
        params.add(k);
      }
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
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement();
          PreparedStatement ps = c.prepareStatement(sql.toString())) {
        // The best plan depends on the values (a district of 100,000 homes or a band of 50 people): the
        // driver's server-side statements would switch to one generic plan after five runs, which joined
        // a district planner's whole visible set (0.9 s at 1M residents against 1 ms planned for the values).
        s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
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
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    return out;
  }

  private static List<String> strings(java.sql.Array a) throws SQLException {
    return a == null ? List.of() : List.of((String[]) a.getArray());
  }
}
