package io.mimamori.layers.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Supporters (persons and organisations) of the register: reads. Edits go through {@code RegisterEditStore}. */
public final class SupporterStore {

  /** The organisation with the most plans to support, lowest id first on a tie. */
  private static final String BUSIEST_ORGANISATION =
      """
      SELECT s.id FROM supporter s LEFT JOIN plan_supporter ps ON ps.supporter_id = s.id
      WHERE s.kind = 'organisation'
      GROUP BY s.id ORDER BY count(ps.plan_id) DESC, s.id LIMIT 1
      """;

  /**
   * Parameters: name pattern (ILIKE, null for any) twice, district (null: any) four times, resident id
   * for distances (null: none) twice, limit. A district-scoped planner sees organisations, supporters
   * living in the district and supporters of plans of the district.
   */
  private static final String CHOICES =
      """
      WITH home AS (SELECT hh.geom FROM resident r JOIN household hh ON hh.id = r.household_id WHERE r.id = ?)
      SELECT s.id, s.version, s.kind, s.relation, s.name, s.phone, s.address, ST_X(s.geom), ST_Y(s.geom),
             (SELECT count(*) FROM plan_supporter ps WHERE ps.supporter_id = s.id)::int,
             (SELECT round(ST_Distance(s.geom::geography, h.geom::geography))::int FROM home h WHERE s.geom IS NOT NULL)
      FROM supporter s
      WHERE (?::text IS NULL OR s.name ILIKE ? ESCAPE '\\')
        AND (?::int IS NULL OR s.kind = 'organisation'
             OR EXISTS (SELECT 1 FROM district d WHERE d.id = ? AND ST_Covers(d.geom, s.geom))
             OR EXISTS (SELECT 1 FROM plan_supporter ps JOIN evacuation_plan ep ON ep.id = ps.plan_id
                        JOIN resident r ON r.id = ep.resident_id JOIN household hh ON hh.id = r.household_id
                        WHERE ps.supporter_id = s.id AND hh.district_id = ?))
      ORDER BY CASE WHEN ?::bigint IS NULL OR s.geom IS NULL THEN NULL
                    ELSE s.geom <-> (SELECT geom FROM home) END NULLS LAST, s.name, s.id
      LIMIT ?
      """;

  private final DataSource dataSource;

  public SupporterStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Supporters a planner may choose, nearest to the resident's home first when {@code nearResident}
   * is given (else by name): those whose name contains {@code nameContains} (null for any), and for
   * a district-scoped planner only organisations and supporters of or living in that district.
   */
  public List<SupporterChoice> choices(String nameContains, Integer district, Long nearResident, int limit)
      throws SQLException {
    String pattern = nameContains == null ? null
        : "%" + nameContains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    List<SupporterChoice> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CHOICES)) {
      ps.setObject(1, nearResident, Types.BIGINT);
      ps.setString(2, pattern);
      ps.setString(3, pattern);
      ps.setObject(4, district, Types.INTEGER);
      ps.setObject(5, district, Types.INTEGER);
      ps.setObject(6, district, Types.INTEGER);
      ps.setObject(7, nearResident, Types.BIGINT);
      ps.setInt(8, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int distance = rs.getInt(11);
          Integer metres = rs.wasNull() ? null : distance;
          out.add(new SupporterChoice(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), (Double) rs.getObject(8), (Double) rs.getObject(9), rs.getInt(10),
              metres));
        }
      }
    }
    return out;
  }

  /** The organisation that supports the most plans (the demo's supporter account acts for it). */
  public Optional<Long> findBusiestOrganisation() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(BUSIEST_ORGANISATION);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }
}
