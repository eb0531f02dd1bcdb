package io.mimamori.layers.account;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Login sessions. The client holds a random 256-bit token; the database holds only its SHA-256,
 * so a copy of the table opens no session. A session lapses after {@code idle} without use, at its
 * absolute expiry, or when its account logged out everywhere after it began.
 */
public final class SessionStore {

  /** A live session: whose it is and the token forms must echo (CSRF). */
  public record Session(long userId, String csrfToken, Instant createdAt) {}

  /** What the client receives once, at login. */
  public record NewSession(String token, String csrfToken) {}

  private static final String INSERT =
      "INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)";
  /** Parameters: idle seconds, token hash. Touches the session and returns it if it is still valid. */
  private static final String TOUCH =
      """
      UPDATE user_session s SET last_seen_at = now()
      FROM app_user u
      WHERE s.token_hash = ? AND u.id = s.user_id AND NOT u.disabled
        AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => ?)
        AND s.created_at >= u.sessions_valid_after
      RETURNING s.user_id, s.csrf_token, s.created_at
      """;
  private static final String DELETE = "DELETE FROM user_session WHERE token_hash = ?";
  private static final String PURGE = "DELETE FROM user_session WHERE expires_at < now()";

  private final DataSource dataSource;
  private final Duration idle;
  private final Duration absolute;
  private final SecureRandom random = new SecureRandom();

  public SessionStore(DataSource dataSource, Duration idle, Duration absolute) {
    this.dataSource = dataSource;
    this.idle = idle;
    this.absolute = absolute;
  }

  public NewSession open(long userId) throws SQLException {
    String token = randomToken();
    String csrf = randomToken();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setBytes(1, sha256(token));
      ps.setLong(2, userId);
      ps.setString(3, csrf);
      ps.setTimestamp(4, Timestamp.from(Instant.now().plus(absolute)));
      ps.executeUpdate();
    }
    return new NewSession(token, csrf);
  }

  public Optional<Session> find(String token) throws SQLException {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TOUCH)) {
      ps.setBytes(1, sha256(token));
      ps.setLong(2, idle.toSeconds());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Session(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
            : Optional.empty();
      }
    }
  }

  public void close(String token) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE)) {
      ps.setBytes(1, sha256(token));
      ps.executeUpdate();
    }
  }

  public int purgeExpired() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PURGE)) {
      return ps.executeUpdate();
    }
  }

  private String randomToken() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
