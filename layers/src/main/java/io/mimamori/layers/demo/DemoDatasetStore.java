package io.mimamori.layers.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The demo_dataset table: the one row saying a demo town is loaded, so it is not loaded twice. */
public final class DemoDatasetStore {

  private static final String FIND =
      "SELECT seed, residents, scale, shelter_source, hazard_source, osm_file FROM demo_dataset WHERE id = 1";

  private static final String INSERT =
      """
      INSERT INTO demo_dataset (id, seed, residents, scale, shelter_source, hazard_source, osm_file)
      VALUES (1, ?, ?, ?, ?, ?, ?)
      """;

  private final DataSource dataSource;

  public DemoDatasetStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The demo town loaded into this database, if any. */
  public Optional<DemoDataset> find() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return find(c);
    }
  }

  public static Optional<DemoDataset> find(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FIND);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new DemoDataset(
          rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getString(4), rs.getString(5), rs.getString(6)));
    }
  }

  /** Records the demo town in the caller's transaction; fails if one is already recorded. */
  public static void insert(Connection c, DemoDataset d) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setLong(1, d.seed());
      ps.setInt(2, d.residents());
      ps.setDouble(3, d.scale());
      ps.setString(4, d.shelterSource());
      ps.setString(5, d.hazardSource());
      ps.setString(6, d.osmFile());
      ps.executeUpdate();
    }
  }
}
