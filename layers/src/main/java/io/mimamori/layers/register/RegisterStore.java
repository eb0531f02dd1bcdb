package io.mimamori.layers.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads of the register's personal data, for callers that have already decided the reader may
 * see them and have audited the read. Nothing here logs or checks access.
 */
public final class RegisterStore {

  /**
   * A resident as JSON built by PostgreSQL, over {@code r} (resident), {@code hh} (household) and
   * {@code d} (district): the register entry, home, condition, plan with its supporters, consent
   * and the safety checks of active emergencies. Callers send it through the disclosure mask,
   * which keeps only the keys a {@code disclosure.Field} names.
   */
  private static final String RESIDENT_JSON =
      """
      json_build_object(
        'id', r.id, 'version', r.version, 'register_no', r.register_no, 'register_status', r.register_status,
        'family_name', r.family_name, 'given_name', r.given_name,
        'family_name_kana', r.family_name_kana, 'given_name_kana', r.given_name_kana,
        'birth_date', r.birth_date, 'age', date_part('year', age(current_date, r.birth_date))::int,
        'sex', r.sex, 'phone', r.phone,
        'home', json_build_object('id', hh.id, 'version', hh.version, 'address', hh.address, 'district', d.name, 'lon', ST_X(hh.geom), 'lat', ST_Y(hh.geom),
                                  'composition', hh.composition, 'member_count', hh.member_count,
                                  'family_frail', hh.family_frail, 'alone_daytime', hh.alone_daytime),
        'condition', json_build_object('care_level', r.care_level, 'disability_types', r.disability_types,
                                       'physical_disability_grade', r.physical_disability_grade,
                                       'intellectual_disability_grade', r.intellectual_disability_grade,
                                       'mental_disability_grade', r.mental_disability_grade,
                                       'severe_motor_intellectual', r.severe_motor_intellectual,
                                       'medical_devices', r.medical_devices, 'ventilator_24h', r.ventilator_24h,
                                       'needs_info_support', r.needs_info_support,
                                       'needs_decision_support', r.needs_decision_support,
                                       'school_status', r.school_status),
        'plan', (SELECT json_build_object(
                   'id', ep.id, 'status', ep.status, 'version', ep.version, 'destination_kind', ep.destination_kind,
                   'destination', (SELECT json_build_object('id', s.id, 'name', s.name, 'kind', s.kind, 'address', s.address)
                                   FROM shelter s WHERE s.id = ep.destination_shelter_id),
                   'destination_note', ep.destination_note, 'route_notes', ep.route_notes,
                   'items_to_carry', ep.items_to_carry, 'home_hazards', ep.home_hazards,
                   'care_manager_name', ep.care_manager_name, 'care_manager_phone', ep.care_manager_phone,
                   'last_reviewed_on', ep.last_reviewed_on,
                   'supporters', coalesce((SELECT json_agg(json_build_object('ordinal', ps.ordinal, 'id', sp.id,
                                             'version', sp.version, 'kind', sp.kind, 'relation', sp.relation,
                                             'name', sp.name, 'phone', sp.phone, 'address', sp.address,
                                             'lon', ST_X(sp.geom), 'lat', ST_Y(sp.geom)) ORDER BY ps.ordinal)
                                           FROM plan_supporter ps JOIN supporter sp ON sp.id = ps.supporter_id
                                           WHERE ps.plan_id = ep.id), '[]'::json))
                 FROM evacuation_plan ep WHERE ep.resident_id = r.id),
        'consent', (SELECT json_build_object('state', c.state, 'basis', c.basis, 'decided_on', c.decided_on, 'note', c.note)
                    FROM consent c WHERE c.resident_id = r.id ORDER BY c.decided_on DESC, c.id DESC LIMIT 1),
        'consent_version', (SELECT count(*) FROM consent c WHERE c.resident_id = r.id),
        'checks', coalesce((SELECT json_agg(json_build_object('id', c.id, 'emergency_id', c.emergency_id, 'status', c.status,
                                                             'assigned_supporter_id', c.assigned_supporter_id) ORDER BY c.id)
                            FROM safety_check c JOIN emergency e ON e.id = c.emergency_id
                            WHERE c.resident_id = r.id AND e.ended_at IS NULL), '[]'::json)
      )::text""";

  /** Parameter: resident id. */
  private static final String DETAIL =
      "SELECT " + RESIDENT_JSON
          + " FROM resident r JOIN household hh ON hh.id = r.household_id LEFT JOIN district d ON d.id = hh.district_id"
          + " WHERE r.id = ?";

  /** Parameter: resident ids (bigint[]). */
  private static final String DETAILS =
      "SELECT r.id, " + RESIDENT_JSON
          + " FROM resident r JOIN household hh ON hh.id = r.household_id LEFT JOIN district d ON d.id = hh.district_id"
          + " WHERE r.id = ANY (?) ORDER BY r.id";

  /** Parameter: resident ids (bigint[]). */
  private static final String SUMMARIES =
      """
      SELECT r.id, r.family_name, r.given_name, date_part('year', age(current_date, r.birth_date))::int, d.name,
             ST_X(hh.geom), ST_Y(hh.geom)
      FROM resident r JOIN household hh ON hh.id = r.household_id LEFT JOIN district d ON d.id = hh.district_id
      WHERE r.id = ANY (?)
      """;

  private static final String EXISTS = "SELECT 1 FROM resident WHERE id = ?";

  private static final String DISTRICT_OF =
      "SELECT hh.district_id FROM resident r JOIN household hh ON hh.id = r.household_id WHERE r.id = ?";

  /** Name, age, district and home point of a resident on a list. */
  public record Summary(long id, String familyName, String givenName, int age, String district, double lon, double lat) {}

  private final DataSource dataSource;

  public RegisterStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The resident's register entry, plan and consent as JSON, or empty if there is no such resident. */
  public Optional<String> detailJson(long residentId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DETAIL)) {
      ps.setLong(1, residentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Whether the register holds this resident (in any status). */
  public boolean exists(long residentId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(EXISTS)) {
      ps.setLong(1, residentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The residents' entries as JSON (see {@link #detailJson}), keyed by id in id order; unknown ids are left out. */
  public Map<Long, String> detailsJson(List<Long> ids) throws SQLException {
    Map<Long, String> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DETAILS)) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  /** The district of the resident's home (empty when the resident or the district is unknown). */
  public Optional<Integer> districtOf(long residentId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DISTRICT_OF)) {
      ps.setLong(1, residentId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int d = rs.getInt(1);
        return rs.wasNull() ? Optional.empty() : Optional.of(d);
      }
    }
  }

  /** Summaries of the given residents, keyed by id (missing ids are left out). */
  public Map<Long, Summary> summaries(List<Long> ids) throws SQLException {
    Map<Long, Summary> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SUMMARIES)) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
              rs.getDouble(6), rs.getDouble(7)));
        }
      }
    }
    return out;
  }
}
