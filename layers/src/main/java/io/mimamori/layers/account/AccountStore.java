package io.mimamori.layers.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Accounts and their roles; failed-login counting and lockout. */
public final class AccountStore {

  private static final String INSERT_USER =
      """
      INSERT INTO app_user (login, display_name, password_hash, municipality_code) VALUES (?, ?, ?, ?) RETURNING id
      """;
  private static final String INSERT_ROLE =
      "INSERT INTO user_role (user_id, role, district_id, supporter_id, shelter_id) VALUES (?, ?, ?, ?, ?)";
  private static final String BY_LOGIN =
      """
      SELECT id, login, display_name, password_hash, municipality_code, failed_logins, locked_until, disabled,
             sessions_valid_after FROM app_user WHERE login = ?
      """;
  private static final String BY_ID =
      """
      SELECT id, login, display_name, password_hash, municipality_code, failed_logins, locked_until, disabled,
             sessions_valid_after FROM app_user WHERE id = ?
      """;
  private static final String ROLES = "SELECT role, district_id, supporter_id, shelter_id FROM user_role WHERE user_id = ? ORDER BY role, shelter_id";
  /** Parameters: max failures, lock seconds, user id. */
  private static final String FAILED =
      """
      UPDATE app_user SET failed_logins = failed_logins + 1,
        locked_until = CASE WHEN failed_logins + 1 >= ? THEN now() + make_interval(secs => ?) ELSE locked_until END,
        updated_at = now()
      WHERE id = ?
      """;
  private static final String SUCCEEDED =
      "UPDATE app_user SET failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = ?";
  private static final String LOGOUT_EVERYWHERE =
      "UPDATE app_user SET sessions_valid_after = now(), updated_at = now() WHERE id = ?";
  private static final String COUNT = "SELECT count(*) FROM app_user";

  public static final int MAX_FAILED_LOGINS = 5;
  public static final Duration LOCKOUT = Duration.ofMinutes(15);

  private final DataSource dataSource;

  public AccountStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Creates an account with its roles in one transaction; returns its id. */
  public long create(String login, String displayName, String passwordHash, String municipalityCode, List<RoleGrant> roles)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long id;
        try (PreparedStatement ps = c.prepareStatement(INSERT_USER)) {
          ps.setString(1, login);
          ps.setString(2, displayName);
          ps.setString(3, passwordHash);
          ps.setString(4, municipalityCode);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_ROLE)) {
          for (RoleGrant g : roles) {
            ps.setLong(1, id);
            ps.setString(2, g.role().code());
            if (g.districtId() == null) {
              ps.setNull(3, Types.INTEGER);
            } else {
              ps.setInt(3, g.districtId());
            }
            if (g.supporterId() == null) {
              ps.setNull(4, Types.BIGINT);
            } else {
              ps.setLong(4, g.supporterId());
            }
            if (g.shelterId() == null) {
              ps.setNull(5, Types.BIGINT);
            } else {
              ps.setLong(5, g.shelterId());
            }
            ps.addBatch();
          }
          ps.executeBatch();
        }
        c.commit();
        return id;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  public Optional<Account> findByLogin(String login) throws SQLException {
    return find(BY_LOGIN, ps -> ps.setString(1, login));
  }

  public Optional<Account> findById(long id) throws SQLException {
    return find(BY_ID, ps -> ps.setLong(1, id));
  }

  public void recordFailedLogin(long id) throws SQLException {
    update(FAILED, ps -> {
      ps.setInt(1, MAX_FAILED_LOGINS);
      ps.setLong(2, LOCKOUT.toSeconds());
      ps.setLong(3, id);
    });
  }

  public void recordSuccessfulLogin(long id) throws SQLException {
    update(SUCCEEDED, ps -> ps.setLong(1, id));
  }

  /** Ends every session of the account, on every device. */
  public void logoutEverywhere(long id) throws SQLException {
    update(LOGOUT_EVERYWHERE, ps -> ps.setLong(1, id));
  }

  public long count() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COUNT);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private void update(String sql, Binder b) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      b.bind(ps);
      ps.executeUpdate();
    }
  }

  private Optional<Account> find(String sql, Binder b) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      b.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long id = rs.getLong(1);
        List<RoleGrant> roles = new ArrayList<>();
        try (PreparedStatement rp = c.prepareStatement(ROLES)) {
          rp.setLong(1, id);
          try (ResultSet rr = rp.executeQuery()) {
            while (rr.next()) {
              int district = rr.getInt(2);
              Integer districtId = rr.wasNull() ? null : district;
              long supporter = rr.getLong(3);
              Long supporterId = rr.wasNull() ? null : supporter;
              long shelter = rr.getLong(4);
              Long shelterId = rr.wasNull() ? null : shelter;
              roles.add(new RoleGrant(Role.fromCode(rr.getString(1)).orElseThrow(), districtId, supporterId, shelterId));
            }
          }
        }
        return Optional.of(new Account(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getInt(6), instant(rs.getTimestamp(7)), rs.getBoolean(8), instant(rs.getTimestamp(9)), roles));
      }
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
