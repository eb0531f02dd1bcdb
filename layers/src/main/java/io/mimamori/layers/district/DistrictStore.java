package io.mimamori.layers.district;

import io.mimamori.layers.geo.Wkb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The district table. Writes take the caller's connection so a load is one transaction. */
public final class DistrictStore {

  private static final String INSERT =
      """
      INSERT INTO district (municipality_code, name, geom)
      VALUES (?, ?, ST_Multi(ST_SetSRID(ST_GeomFromWKB(?), 4326)))
      RETURNING id
      """;

  private static final String COUNT = "SELECT count(*) FROM district";

  private static final String LIST = "SELECT id, name FROM district ORDER BY name, id";

  private final DataSource dataSource;

  public DistrictStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts the districts in the caller's transaction; returns their ids in the same order. */
  public static List<Integer> insertAll(Connection c, List<District> districts) throws SQLException {
    List<Integer> ids = new ArrayList<>(districts.size());
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (District d : districts) {
        ps.setString(1, d.municipalityCode());
        ps.setString(2, d.name());
        ps.setBytes(3, Wkb.of(d.geometry()));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          ids.add(rs.getInt(1));
        }
      }
    }
    return ids;
  }

  /** Every district's id and name, by name: what a filter offers. Names only, no geometry. */
  public List<DistrictName> list() throws SQLException {
    List<DistrictName> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIST);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new DistrictName(rs.getInt(1), rs.getString(2)));
      }
    }
    return out;
  }

  public long count() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(COUNT);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
