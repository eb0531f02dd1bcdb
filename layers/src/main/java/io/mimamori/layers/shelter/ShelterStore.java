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

  private static final String COUNT_BY_TARGET_GROUP =
      "SELECT g, count(*) FROM shelter, unnest(target_groups) AS g GROUP BY g ORDER BY g";

  private static final String COUNT_BY_HAZARD =
      "SELECT h, count(*) FROM shelter, unnest(hazards) AS h GROUP BY h ORDER BY h";

  private static final String COUNT = "SELECT count(*) FROM shelter";

  /** Every column of every row (version and updated_at included), in id order, hashed. */
  private static final String CHECKSUM =
      "SELECT md5(coalesce(string_agg(s::text, E'\\n' ORDER BY s.id), '')) FROM shelter s";

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
    return countGroups(COUNT_BY_KIND);
  }

  /** How many shelters list each target group code. */
  public Map<String, Long> countByTargetGroup() throws SQLException {
    return countGroups(COUNT_BY_TARGET_GROUP);
  }

  /** How many evacuation sites are designated for each hazard code. */
  public Map<String, Long> countByHazard() throws SQLException {
    return countGroups(COUNT_BY_HAZARD);
  }

  public long count() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(COUNT);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * A hash of the whole table, every column included: equal before and after an operation means
   * that operation left every shelter exactly as it was.
   */
  public String checksum() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(CHECKSUM);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private Map<String, Long> countGroups(String sql) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
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
