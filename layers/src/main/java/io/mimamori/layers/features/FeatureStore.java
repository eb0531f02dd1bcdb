package io.mimamori.layers.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * GeoJSON of the non-personal layers, built in PostGIS: pages of features meeting a lon/lat box in
 * id order, counts, single features, extents. Hazard outlines are simplified to a given tolerance
 * in degrees (0 keeps them exact). Coordinates have 6 decimals (about 0.1 m).
 */
public final class FeatureStore {

  private static final String SHELTER_FEATURE =
      """
      json_build_object('type', 'Feature', 'id', s.id, 'geometry', ST_AsGeoJSON(s.geom, 6)::json,
        'properties', json_build_object(
          'kind', s.kind, 'name', s.name, 'address', s.address, 'municipality_code', s.municipality_code,
          'hazards', s.hazards, 'target_groups', s.target_groups, 'target_groups_text', s.target_groups_text,
          'disability_types', s.disability_types, 'capacity_persons', s.capacity_persons,
          'capacity_children', s.capacity_children, 'source', s.source, 'updated_at', s.updated_at))
      """;

  private static final String HAZARD_FEATURE =
      """
      json_build_object('type', 'Feature', 'id', h.id,
        'geometry', ST_AsGeoJSON(CASE WHEN ?::float8 > 0 THEN ST_SimplifyPreserveTopology(h.geom, ?) ELSE h.geom END, 6)::json,
        'properties', json_build_object('hazard_type', h.hazard_type, 'rank', h.rank, 'phenomenon', h.phenomenon,
          'name', h.name, 'scenario', h.scenario, 'source', h.source))
      """;

  /** Parameters: box (4) for the count, then box (4), limit, offset. */
  private static final String SHELTER_PAGE =
      "SELECT coalesce(json_agg(f ORDER BY id), '[]'::json)::text, count(*), (SELECT count(*) FROM shelter "
          + "WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)) FROM (SELECT s.id, " + SHELTER_FEATURE
          + " AS f FROM shelter s WHERE s.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) ORDER BY s.id LIMIT ? OFFSET ?) AS p";

  /** Parameters: box (4) for the count, tolerance (2), then box (4), limit, offset. */
  private static final String HAZARD_PAGE =
      "SELECT coalesce(json_agg(f ORDER BY id), '[]'::json)::text, count(*), (SELECT count(*) FROM hazard_zone "
          + "WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)) FROM (SELECT h.id, " + HAZARD_FEATURE
          + " AS f FROM hazard_zone h WHERE h.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) ORDER BY h.id LIMIT ? OFFSET ?) AS p";

  private static final String SHELTER_ONE = "SELECT " + SHELTER_FEATURE + "::text FROM shelter s WHERE s.id = ?";
  private static final String HAZARD_ONE = "SELECT " + HAZARD_FEATURE + "::text FROM hazard_zone h WHERE h.id = ?";

  private static final String SHELTER_EXTENT =
      "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom)::geometry AS e FROM shelter) x";
  private static final String HAZARD_EXTENT =
      "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom)::geometry AS e FROM hazard_zone) x";

  private final DataSource dataSource;

  public FeatureStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Features of the collection meeting the box, {@code limit} from {@code offset} in id order.
   * {@code tolerance} (degrees) simplifies hazard outlines; it is ignored for points.
   */
  public FeaturePage page(FeatureCollection collection, double[] box, int limit, long offset, double tolerance)
      throws SQLException {
    boolean hazards = collection == FeatureCollection.HAZARDS;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(hazards ? HAZARD_PAGE : SHELTER_PAGE)) {
      int i = 1;
      for (double v : box) {
        ps.setDouble(i++, v);
      }
      if (hazards) {
        ps.setDouble(i++, tolerance);
        ps.setDouble(i++, tolerance);
      }
      for (double v : box) {
        ps.setDouble(i++, v);
      }
      ps.setInt(i++, limit);
      ps.setLong(i, offset);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new FeaturePage(rs.getString(1), rs.getLong(3), rs.getInt(2));
      }
    }
  }

  /** One feature by id, exact geometry. */
  public Optional<String> find(FeatureCollection collection, long id) throws SQLException {
    boolean hazards = collection == FeatureCollection.HAZARDS;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(hazards ? HAZARD_ONE : SHELTER_ONE)) {
      int i = 1;
      if (hazards) {
        ps.setDouble(i++, 0);
        ps.setDouble(i++, 0);
      }
      ps.setLong(i, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** The collection's extent as minLon, minLat, maxLon, maxLat, or empty when it holds nothing. */
  public Optional<double[]> extent(FeatureCollection collection) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(collection == FeatureCollection.HAZARDS ? HAZARD_EXTENT : SHELTER_EXTENT);
        ResultSet rs = ps.executeQuery()) {
      if (rs.next() && rs.getObject(1) != null) {
        return Optional.of(new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
      }
      return Optional.empty();
    }
  }
}
