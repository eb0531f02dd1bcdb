package io.mimamori.layers.hazard;

import io.mimamori.layers.geo.Wkb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;

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

  private static final String COUNT_BY_RANK =
      "SELECT rank, count(*) FROM hazard_zone WHERE source = ? GROUP BY rank ORDER BY rank";

  private static final String COUNT_BY_PHENOMENON =
      """
      SELECT coalesce(phenomenon, ''), count(*) FROM hazard_zone WHERE source = ?
      GROUP BY phenomenon ORDER BY phenomenon
      """;

  /** Parameter: source. Null extent when the source has no zones. */
  private static final String EXTENT =
      """
      SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
      FROM (SELECT ST_Extent(geom)::box3d AS e FROM hazard_zone WHERE source = ?) AS x
      WHERE e IS NOT NULL
      """;

  private static final String AREA_M2 =
      "SELECT coalesce(sum(ST_Area(geom::geography)), 0) FROM hazard_zone WHERE source = ?";

  private static final String COUNT_INVALID = "SELECT count(*) FROM hazard_zone WHERE NOT ST_IsValid(geom)";

  /** Every column of every row, in id order, hashed. */
  private static final String CHECKSUM =
      "SELECT md5(coalesce(string_agg(z::text, E'\\n' ORDER BY z.id), '')) FROM hazard_zone z";

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

  /** Zones of one source by rank. */
  public Map<Integer, Long> countByRank(String source) throws SQLException {
    Map<Integer, Long> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(COUNT_BY_RANK)) {
      ps.setString(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getInt(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  /** Zones of one source by landslide phenomenon; "" counts the zones without one. */
  public Map<String, Long> countByPhenomenon(String source) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(COUNT_BY_PHENOMENON)) {
      ps.setString(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  /** The lon/lat bounding box of one source's zones, empty when it has none. */
  public Optional<Envelope> extent(String source) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(EXTENT)) {
      ps.setString(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4)));
      }
    }
  }

  /** The summed area of one source's zones on the ellipsoid, in square metres. */
  public double areaSquareMetres(String source) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(AREA_M2)) {
      ps.setString(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }

  /** How many stored zones fail ST_IsValid (the table's check makes this 0 unless it was bypassed). */
  public long countInvalid() throws SQLException {
    return single(COUNT_INVALID).map(Long::parseLong).orElse(0L);
  }

  /** A hash of the whole table: equal before and after means the zones were left exactly as they were. */
  public String checksum() throws SQLException {
    return single(CHECKSUM).orElse("");
  }

  private Optional<String> single(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    }
  }
}
