package io.mimamori.layers.disclosure;

import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is visible to a viewer, as one SQL query: the set half of the disclosure policy, built once
 * here and joined by every query that lists residents (ranked lists, exports, map points, tiles,
 * live events, the supporter's list), so no path can list someone the rules hide. The query yields
 * {@code (resident_id, role, basis, emergency_id, breadth)}, one row per visible resident; the
 * fields that row opens are {@link FieldRules#fields}. Only the account's own municipality is ever
 * visible. The rules, per role grant:
 *
 * <ul>
 *   <li><b>admin, planner</b> (register): every resident of their scope (the municipality, or the
 *       grant's district), whatever the consent: they keep the register and record refusals.
 *   <li><b>HQ</b> (register): every resident of their scope except those who refused; a resident
 *       who refused becomes visible (emergency basis) only while an emergency covers their home.
 *   <li><b>dispatcher</b> (emergency): residents of their scope with a safety check in an active
 *       emergency, whatever the consent (they send the rescue); nobody in normal times.
 *   <li><b>supporter</b> (a person or a support organisation): with consent (given, or presumed by
 *       ordinance), the residents whose plan names them; during an active emergency, also the
 *       residents of the emergency whose plan names them or whose check is assigned to them,
 *       without consent, unless the resident refused. A refusal yields only to rescue
 *       organisations (fire brigade, police) on a check assigned to them.
 *   <li><b>shelter staff</b> (emergency): residents of an active emergency reported evacuated to a
 *       shelter, unless they refused.
 *   <li><b>case worker</b> (consent): residents of their scope who consented or are presumed to.
 * </ul>
 *
 * "In an active emergency" means having a safety check of an emergency that HQ has not ended:
 * declaring an emergency opens a check for every resident whose home lies in its area, and ending
 * it closes the emergency basis at once. A moved-away or deceased entry is visible to the register's
 * keepers only. When several grants of one account see a resident, the widest decides.
 */
public final class VisibleResidents {

  /** A query and its parameters, in order. */
  public record Sql(String text, List<Object> params) {
    public Sql {
      params = List.copyOf(params);
    }

    /** Binds the parameters from position {@code first}; returns the next free position. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
      int i = first;
      for (Object p : params) {
        ps.setObject(i++, p);
      }
      return i;
    }
  }

  /** The consent in force for a resident id expression: the newest decision, 'unknown' without one. */
  private static final String CONSENT =
      "coalesce((SELECT cs.state FROM consent cs WHERE cs.resident_id = %1$s"
          + " ORDER BY cs.decided_on DESC, cs.id DESC LIMIT 1), 'unknown')";

  /** The oldest active emergency with a safety check for a resident id expression, or null. */
  private static final String ACTIVE_EMERGENCY =
      "(SELECT ac.emergency_id FROM safety_check ac JOIN emergency ae ON ae.id = ac.emergency_id"
          + " WHERE ac.resident_id = %1$s AND ae.ended_at IS NULL ORDER BY ac.emergency_id LIMIT 1)";

  /** Parameters: role, breadth, municipality; then the district when scoped. */
  private static final String KEEPER =
      """
      SELECT r.id AS resident_id, ?::text AS role, 'register'::text AS basis, NULL::bigint AS emergency_id,
             ?::int AS breadth
      FROM resident r JOIN household h ON h.id = r.household_id
      WHERE r.municipality_code = ?""";

  /** Parameters: register breadth, emergency breadth, municipality; then the district when scoped. */
  private static final String HQ =
      """
      SELECT r.id AS resident_id, 'hq'::text AS role,
             CASE WHEN x.emergency_id IS NULL THEN 'register' ELSE 'emergency' END AS basis, x.emergency_id,
             CASE WHEN x.emergency_id IS NULL THEN ?::int ELSE ?::int END AS breadth
      FROM resident r JOIN household h ON h.id = r.household_id
      CROSS JOIN LATERAL (SELECT %s = 'refused' AS refused) c
      CROSS JOIN LATERAL (SELECT CASE WHEN c.refused THEN %s END AS emergency_id) x
      WHERE r.municipality_code = ? AND (NOT c.refused OR x.emergency_id IS NOT NULL)"""
          .formatted(CONSENT.formatted("r.id"), ACTIVE_EMERGENCY.formatted("r.id"));

  /** Parameters: breadth, municipality; then the district when scoped. */
  private static final String DISPATCHER =
      """
      SELECT DISTINCT ON (c.resident_id) c.resident_id, 'dispatcher'::text AS role, 'emergency'::text AS basis,
             c.emergency_id, ?::int AS breadth
      FROM safety_check c JOIN emergency e ON e.id = c.emergency_id AND e.ended_at IS NULL
      JOIN resident r ON r.id = c.resident_id AND r.register_status = 'active'
      JOIN household h ON h.id = r.household_id
      WHERE r.municipality_code = ?""";
  private static final String DISPATCHER_ORDER = " ORDER BY c.resident_id, c.emergency_id";

  /**
   * Parameters: consent breadth, supporter, emergency breadth, supporter, emergency breadth,
   * supporter, municipality.
   */
  private static final String SUPPORTER =
      """
      SELECT DISTINCT ON (x.resident_id) x.resident_id, 'supporter'::text AS role, x.basis, x.emergency_id, x.breadth
      FROM (
        SELECT ep.resident_id, 'consent'::text AS basis, NULL::bigint AS emergency_id, ?::int AS breadth
        FROM plan_supporter ps JOIN evacuation_plan ep ON ep.id = ps.plan_id AND ep.status <> 'refused'
        WHERE ps.supporter_id = ? AND %1$s IN ('given', 'presumed')
        UNION ALL
        SELECT c.resident_id, 'emergency', c.emergency_id, ?::int
        FROM safety_check c JOIN emergency e ON e.id = c.emergency_id AND e.ended_at IS NULL
        JOIN supporter s ON s.id = c.assigned_supporter_id
        WHERE c.assigned_supporter_id = ? AND (%2$s <> 'refused' OR s.relation IN ('fire_brigade', 'police'))
        UNION ALL
        SELECT c.resident_id, 'emergency', c.emergency_id, ?::int
        FROM plan_supporter ps JOIN evacuation_plan ep ON ep.id = ps.plan_id AND ep.status <> 'refused'
        JOIN safety_check c ON c.resident_id = ep.resident_id
        JOIN emergency e ON e.id = c.emergency_id AND e.ended_at IS NULL
        WHERE ps.supporter_id = ? AND %1$s <> 'refused'
      ) x
      JOIN resident r ON r.id = x.resident_id AND r.register_status = 'active' AND r.municipality_code = ?
      ORDER BY x.resident_id, x.breadth DESC, x.emergency_id"""
          .formatted(CONSENT.formatted("ep.resident_id"), CONSENT.formatted("c.resident_id"));

  /** Parameters: breadth, municipality. */
  private static final String SHELTER_STAFF =
      """
      SELECT DISTINCT ON (c.resident_id) c.resident_id, 'shelter_staff'::text AS role, 'emergency'::text AS basis,
             c.emergency_id, ?::int AS breadth
      FROM safety_check c JOIN emergency e ON e.id = c.emergency_id AND e.ended_at IS NULL
      JOIN resident r ON r.id = c.resident_id AND r.register_status = 'active' AND r.municipality_code = ?
      WHERE c.evacuated_to_shelter_id IS NOT NULL AND %s <> 'refused'
      ORDER BY c.resident_id, c.emergency_id""".formatted(CONSENT.formatted("c.resident_id"));

  /** Parameters: breadth, municipality; then the district when scoped. */
  private static final String CASE_WORKER =
      """
      SELECT r.id AS resident_id, 'case_worker'::text AS role, 'consent'::text AS basis, NULL::bigint AS emergency_id,
             ?::int AS breadth
      FROM resident r JOIN household h ON h.id = r.household_id
      WHERE r.municipality_code = ? AND r.register_status = 'active' AND %s IN ('given', 'presumed')"""
          .formatted(CONSENT.formatted("r.id"));

  private static final String NOBODY =
      "SELECT NULL::bigint AS resident_id, NULL::text AS role, NULL::text AS basis, NULL::bigint AS emergency_id,"
          + " NULL::int AS breadth WHERE false";

  private static final String DISTRICT = " AND h.district_id = ?";

  private VisibleResidents() {}

  /**
   * The query of the residents visible to {@code viewer}: columns {@code resident_id, role, basis,
   * emergency_id, breadth}, one row per resident. Use it as a common table expression and join it.
   */
  public static Sql of(Viewer viewer) {
    List<Sql> branches = new ArrayList<>();
    for (RoleGrant g : viewer.grants()) {
      branches.add(branch(g, viewer.municipalityCode()));
    }
    if (branches.isEmpty()) {
      return new Sql(NOBODY, List.of());
    }
    if (branches.size() == 1) {
      return branches.get(0);
    }
    StringBuilder sql = new StringBuilder("SELECT DISTINCT ON (u.resident_id) u.* FROM (");
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      sql.append(i == 0 ? "(" : " UNION ALL (").append(branches.get(i).text()).append(')');
      params.addAll(branches.get(i).params());
    }
    sql.append(") u ORDER BY u.resident_id, u.breadth DESC");
    return new Sql(sql.toString(), params);
  }

  /**
   * The districts that bound everyone {@code viewer} may see, when every grant is a district-scoped
   * one (a district planner, HQ or dispatcher of one district); empty when some grant reaches beyond
   * districts (municipality-wide, or a supporter's or shelter's people). Not a rule of its own: the
   * visible set already holds only those districts; a query over a table that has the district may
   * add it as a filter so that the database reads one district's rows instead of joining the whole
   * town's and discarding most of them.
   */
  public static Optional<Set<Integer>> districtBound(Viewer viewer) {
    Set<Integer> districts = new TreeSet<>();
    for (RoleGrant g : viewer.grants()) {
      boolean scopedByDistrict = switch (g.role()) {
        case ADMIN, PLANNER, HQ, DISPATCHER, CASE_WORKER -> g.districtId() != null;
        case SUPPORTER, SHELTER_STAFF -> false;
      };
      if (!scopedByDistrict) {
        return Optional.empty();
      }
      districts.add(g.districtId());
    }
    return districts.isEmpty() ? Optional.empty() : Optional.of(Collections.unmodifiableSet(districts));
  }

  private static Sql branch(RoleGrant g, String municipality) {
    Role role = g.role();
    List<Object> p = new ArrayList<>();
    return switch (role) {
      case ADMIN, PLANNER -> {
        p.add(role.code());
        p.add(FieldRules.breadth(role, Basis.REGISTER));
        p.add(municipality);
        yield scoped(KEEPER, "", p, g);
      }
      case HQ -> {
        p.add(FieldRules.breadth(role, Basis.REGISTER));
        p.add(FieldRules.breadth(role, Basis.EMERGENCY));
        p.add(municipality);
        yield scoped(HQ, "", p, g);
      }
      case DISPATCHER -> {
        p.add(FieldRules.breadth(role, Basis.EMERGENCY));
        p.add(municipality);
        yield scoped(DISPATCHER, DISPATCHER_ORDER, p, g);
      }
      case SUPPORTER -> {
        int consent = FieldRules.breadth(role, Basis.CONSENT);
        int emergency = FieldRules.breadth(role, Basis.EMERGENCY);
        p.addAll(List.of(consent, g.supporterId(), emergency, g.supporterId(), emergency, g.supporterId(), municipality));
        yield new Sql(SUPPORTER, p);
      }
      case SHELTER_STAFF -> {
        p.add(FieldRules.breadth(role, Basis.EMERGENCY));
        p.add(municipality);
        yield new Sql(SHELTER_STAFF, p);
      }
      case CASE_WORKER -> {
        p.add(FieldRules.breadth(role, Basis.CONSENT));
        p.add(municipality);
        yield scoped(CASE_WORKER, "", p, g);
      }
    };
  }

  /** The branch narrowed to the grant's district, when it has one. */
  private static Sql scoped(String head, String tail, List<Object> params, RoleGrant g) {
    if (g.districtId() == null) {
      return new Sql(head + tail, params);
    }
    List<Object> p = new ArrayList<>(params);
    p.add(g.districtId());
    return new Sql(head + DISTRICT + tail, p);
  }
}
