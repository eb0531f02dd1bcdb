package io.mimamori.layers.register;

import io.mimamori.layers.geo.LonLat;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@link ResidentNeeds} of active residents (on the register: not moved away, deceased or in a
 * care facility), for destinations, the welfare shelter pre-assignment and visit planning.
 */
public final class ResidentNeedsStore {

  private static final String SELECT =
      """
      SELECT r.id, ST_X(hh.geom), ST_Y(hh.geom), hh.district_id, r.birth_date, r.sex, r.care_level,
             r.disability_types, r.physical_disability_grade, r.intellectual_disability_grade,
             r.severe_motor_intellectual, r.medical_devices, r.ventilator_24h, r.needs_info_support,
             r.needs_decision_support, r.school_status, hh.member_count,
             ARRAY(SELECT DISTINCT z.hazard_type FROM hazard_zone_part z
                   WHERE z.geom && hh.geom AND ST_Intersects(z.geom, hh.geom) ORDER BY 1)
      FROM resident r JOIN household hh ON hh.id = r.household_id
      WHERE r.register_status = 'active'
      """;
  private static final String BY_IDS = SELECT + " AND r.id = ANY (?) ORDER BY r.id";
  private static final String ALL = SELECT + " ORDER BY r.id";

  private final DataSource dataSource;

  public ResidentNeedsStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One active resident; empty when unknown or no longer on the register. */
  public Optional<ResidentNeeds> find(long id) throws SQLException {
    List<ResidentNeeds> one = list(List.of(id));
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  /** The active residents among {@code ids}, in id order (unknown ids are left out). */
  public List<ResidentNeeds> list(Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BY_IDS)) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      return read(ps);
    }
  }

  /** Every active resident, in id order. */
  public List<ResidentNeeds> listAll() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ALL)) {
      return read(ps);
    }
  }

  private static List<ResidentNeeds> read(PreparedStatement ps) throws SQLException {
    List<ResidentNeeds> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new ResidentNeeds(rs.getLong(1), LonLat.of(rs.getDouble(2), rs.getDouble(3)),
            (Integer) rs.getObject(4), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7),
            strings(rs.getArray(8)), rs.getObject(9) == null ? null : rs.getInt(9), rs.getString(10), rs.getBoolean(11),
            strings(rs.getArray(12)), rs.getBoolean(13), rs.getBoolean(14), rs.getBoolean(15), rs.getString(16),
            rs.getInt(17), strings(rs.getArray(18))));
      }
    }
    return out;
  }

  private static Set<String> strings(Array a) throws SQLException {
    return a == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) a.getArray()));
  }
}
