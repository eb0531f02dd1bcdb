package io.mimamori.layers.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Supporters (persons and organisations) of the register. */
public final class SupporterStore {

  /** The organisation with the most plans to support, lowest id first on a tie. */
  private static final String BUSIEST_ORGANISATION =
      """
      SELECT s.id FROM supporter s LEFT JOIN plan_supporter ps ON ps.supporter_id = s.id
      WHERE s.kind = 'organisation'
      GROUP BY s.id ORDER BY count(ps.plan_id) DESC, s.id LIMIT 1
      """;

  private final DataSource dataSource;

  public SupporterStore(DataSource dataSource) {
    this.dataSource = dataSource;
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
