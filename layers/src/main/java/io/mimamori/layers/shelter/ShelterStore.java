package io.mimamori.layers.shelter;

import io.mimamori.layers.hazard.HazardType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The shelter table. A shelter is identified by (source, source_id, kind): storing it again updates
 * it in place and bumps its version. Writes take the caller's connection so an import is one
 * transaction.
 */
public final class ShelterStore {

  private static final String UPSERT =
      """
      INSERT INTO shelter (municipality_code, kind, name, address, geom, hazards, target_groups_text,
                           target_groups, disability_types, capacity_persons, capacity_children, remarks,
                           source, source_id)
      VALUES (?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (source, source_id, kind) DO UPDATE SET
        municipality_code = excluded.municipality_code, name = excluded.name, address = excluded.address,
        geom = excluded.geom, hazards = excluded.hazards, target_groups_text = excluded.target_groups_text,
        target_groups = excluded.target_groups, disability_types = excluded.disability_types,
        capacity_persons = excluded.capacity_persons, capacity_children = excluded.capacity_children,
        remarks = excluded.remarks, version = shelter.version + 1, updated_at = now()
      """;

  private static final String COUNT_BY_KIND =
      "SELECT kind, count(*) FROM shelter GROUP BY kind ORDER BY kind";

  /** Parameters: min lon, min lat, max lon, max lat, limit. */
  private static final String FEATURES_IN_BOX =
      """
      SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f), '[]'::json))::text
      FROM (
        SELECT json_build_object(
                 'type', 'Feature', 'id', id,
                 'geometry', ST_AsGeoJSON(geom, 6)::json,
                 'properties', json_build_object(
                    'kind', kind, 'name', name, 'address', address, 'hazards', hazards,
                    'target_groups', target_groups, 'target_groups_text', target_groups_text,
                    'disability_types', disability_types, 'capacity_persons', capacity_persons,
                    'capacity_children', capacity_children, 'source', source)) AS f
        FROM shelter
        WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)
        ORDER BY id
        LIMIT ?
      ) AS features
      """;

  /** Parameters: sources, source ids, kinds (parallel text arrays). One row per match, in array order. */
  private static final String IDS_OF =
      """
      SELECT k.ord, s.id
      FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS k(source, source_id, kind, ord)
      JOIN shelter s ON s.source = k.source AND s.source_id = k.source_id AND s.kind = k.kind
      ORDER BY k.ord
      """;

  private final DataSource dataSource;

  public ShelterStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts or updates the shelters in the caller's transaction; returns how many were written. */
  public static int upsertAll(Connection c, Collection<Shelter> shelters) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      int n = 0;
      for (Shelter s : shelters) {
        ps.setString(1, s.municipalityCode());
        ps.setString(2, s.kind().code());
        ps.setString(3, s.name());
        ps.setString(4, s.address());
        ps.setDouble(5, s.location().lon());
        ps.setDouble(6, s.location().lat());
        ps.setArray(7, textArray(c, s.hazards().stream().map(HazardType::code).sorted().toList()));
        ps.setString(8, s.targetGroupsText());
        ps.setArray(9, textArray(c, s.targetGroups().stream().sorted().toList()));
        ps.setArray(10, textArray(c, s.disabilityTypes().stream().sorted().toList()));
        setInteger(ps, 11, s.capacityPersons());
        setInteger(ps, 12, s.capacityChildren());
        ps.setString(13, s.remarks());
        ps.setString(14, s.source());
        ps.setString(15, s.sourceId());
        ps.addBatch();
        if (++n % 500 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      return n;
    }
  }

  /**
   * The stored ids of these shelters (matched on source, source id and kind), in the same order;
   * throws if one is not stored.
   */
  public static long[] idsOf(Connection c, java.util.List<Shelter> shelters) throws SQLException {
    String[] sources = new String[shelters.size()];
    String[] sourceIds = new String[shelters.size()];
    String[] kinds = new String[shelters.size()];
    for (int i = 0; i < shelters.size(); i++) {
      sources[i] = shelters.get(i).source();
      sourceIds[i] = shelters.get(i).sourceId();
      kinds[i] = shelters.get(i).kind().code();
    }
    long[] ids = new long[shelters.size()];
    int found = 0;
    try (PreparedStatement ps = c.prepareStatement(IDS_OF)) {
      ps.setArray(1, c.createArrayOf("text", sources));
      ps.setArray(2, c.createArrayOf("text", sourceIds));
      ps.setArray(3, c.createArrayOf("text", kinds));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids[(int) rs.getLong(1) - 1] = rs.getLong(2);
          found++;
        }
      }
    }
    if (found != shelters.size()) {
      throw new IllegalStateException((shelters.size() - found) + " of " + shelters.size() + " shelters are not stored");
    }
    return ids;
  }

  public Map<String, Long> countByKind() throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(COUNT_BY_KIND);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  /** A GeoJSON FeatureCollection of the shelters in the box, as text. */
  public String featureCollection(double minLon, double minLat, double maxLon, double maxLat, int limit)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(FEATURES_IN_BOX)) {
      ps.setDouble(1, minLon);
      ps.setDouble(2, minLat);
      ps.setDouble(3, maxLon);
      ps.setDouble(4, maxLat);
      ps.setInt(5, limit);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static Array textArray(Connection c, Collection<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }

  private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }
}
