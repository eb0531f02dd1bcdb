package io.mimamori.layers.shelter;

import io.mimamori.layers.geo.LonLat;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** Every shelter as a destination (see {@link DestinationShelter}), in id order. */
public final class DestinationShelterStore {

  private static final String LIST =
      """
      WITH taken AS (
        SELECT c.evacuated_to_shelter_id AS shelter_id,
               sum(CASE WHEN s.kind IN ('welfare_shelter', 'child_welfare_shelter') THEN hh.member_count ELSE 1 END)
                 AS persons,
               count(*) FILTER (WHERE r.school_status <> 'none') AS children
        FROM safety_check c
        JOIN emergency e ON e.id = c.emergency_id AND e.ended_at IS NULL
        JOIN shelter s ON s.id = c.evacuated_to_shelter_id
        JOIN resident r ON r.id = c.resident_id
        JOIN household hh ON hh.id = r.household_id
        WHERE c.status = 'evacuated'
        GROUP BY c.evacuated_to_shelter_id
      )
      SELECT s.id, s.kind, s.name, ST_X(s.geom), ST_Y(s.geom),
             ARRAY(SELECT DISTINCT h FROM (
                     SELECT unnest(s.hazards) AS h
                     UNION ALL
                     SELECT unnest(site.hazards) FROM shelter site
                     WHERE site.kind = 'evacuation_site' AND s.address IS NOT NULL AND site.address = s.address
                       AND site.id <> s.id) AS d ORDER BY h),
             ARRAY(SELECT DISTINCT z.hazard_type FROM hazard_zone_part z
                   WHERE z.geom && s.geom AND ST_Intersects(z.geom, s.geom) ORDER BY 1),
             s.target_groups, s.disability_types, s.capacity_persons, s.capacity_children,
             coalesce(t.persons, 0), coalesce(t.children, 0)
      FROM shelter s LEFT JOIN taken t ON t.shelter_id = s.id
      ORDER BY s.id
      """;

  private final DataSource dataSource;

  public DestinationShelterStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<DestinationShelter> list() throws SQLException {
    List<DestinationShelter> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIST);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new DestinationShelter(rs.getLong(1), ShelterKind.fromCode(rs.getString(2)), rs.getString(3),
            LonLat.of(rs.getDouble(4), rs.getDouble(5)), strings(rs.getArray(6)), strings(rs.getArray(7)),
            strings(rs.getArray(8)), strings(rs.getArray(9)), (Integer) rs.getObject(10), (Integer) rs.getObject(11),
            rs.getInt(12), rs.getInt(13)));
      }
    }
    return out;
  }

  private static Set<String> strings(Array a) throws SQLException {
    return a == null ? Set.of() : Set.copyOf(java.util.Arrays.asList((String[]) a.getArray()));
  }
}
