package io.mimamori.layers.hazard;

import io.mimamori.layers.geo.Wkb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The hazard_zone table. Writes take the caller's connection so an import is one transaction. */
public final class HazardStore {

  private static final String INSERT =
      """
      INSERT INTO hazard_zone (hazard_type, rank, phenomenon, name, scenario, source, source_id, geom)
      VALUES (?, ?, ?, ?, ?, ?, ?,
              ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromWKB(?), 4326)), 3)))
      """;

  private static final String DELETE_SOURCE = "DELETE FROM hazard_zone WHERE source = ?";

  private static final String COUNT_BY_TYPE =
      "SELECT hazard_type, count(*) FROM hazard_zone GROUP BY hazard_type ORDER BY hazard_type";

  /**
   * GeoJSON of the zones meeting the box, simplified to {@code tolerance} degrees (0 for none).
   * Parameters: tolerance, min lon, min lat, max lon, max lat, limit.
   */
  private static final String FEATURES_IN_BOX =
      """
      SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f), '[]'::json))::text
      FROM (
        SELECT json_build_object(
                 'type', 'Feature', 'id', id,
                 'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, ?), 6)::json,
                 'properties', json_build_object('hazard_type', hazard_type, 'rank', rank,
                                                 'phenomenon', phenomenon, 'name', name,
                                                 'source', source)) AS f
        FROM hazard_zone
        WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)
        ORDER BY id
        LIMIT ?
      ) AS features
      """;

  private final DataSource dataSource;

  public HazardStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts the zones in the caller's transaction; returns how many were stored. */
  public static int insertAll(Connection c, Collection<HazardZone> zones) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      int n = 0;
      for (HazardZone z : zones) {
        ps.setString(1, z.type().code());
        ps.setInt(2, z.rank());
        ps.setString(3, z.phenomenon());
        ps.setString(4, z.name());
        ps.setString(5, z.scenario());
        ps.setString(6, z.source());
        ps.setString(7, z.sourceId());
        ps.setBytes(8, Wkb.of(z.geometry()));
        ps.addBatch();
        if (++n % 500 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      return n;
    }
  }

  /** Removes every zone of one source (a file re-imported replaces what it brought before). */
  public static int deleteSource(Connection c, String source) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DELETE_SOURCE)) {
      ps.setString(1, source);
      return ps.executeUpdate();
    }
  }

  public Map<String, Long> countByType() throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(COUNT_BY_TYPE);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  /** A GeoJSON FeatureCollection of the zones meeting the box, as text. */
  public String featureCollection(double minLon, double minLat, double maxLon, double maxLat, double tolerance, int limit)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(FEATURES_IN_BOX)) {
      ps.setDouble(1, tolerance);
      ps.setDouble(2, minLon);
      ps.setDouble(3, minLat);
      ps.setDouble(4, maxLon);
      ps.setDouble(5, maxLat);
      ps.setInt(6, limit);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
