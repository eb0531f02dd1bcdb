package io.mimamori.layers.field;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Photos added to safety checks: stored once per idempotency key (a resend after a lost answer
 * returns the first copy), at most {@link #MAX_BYTES} each, only while the check's emergency is
 * active. The bytes are read back one photo at a time.
 */
public final class CheckPhotoStore {

  /** The largest photo kept, in bytes (the table's CHECK says the same). */
  public static final int MAX_BYTES = 900_000;

  /** A stored photo without its bytes; {@code duplicate} when the key had been seen. */
  public record Photo(long id, long checkId, long residentId, String contentType, int byteCount, Instant uploadedAt,
      Instant clientTime, boolean duplicate) {}

  /** A photo's bytes with what the server needs to send and audit them. */
  public record PhotoBytes(long id, long checkId, long residentId, String contentType, byte[] bytes) {}

  private static final String BY_KEY =
      """
      SELECT p.id, p.safety_check_id, c.resident_id, p.content_type, octet_length(p.bytes), p.uploaded_at, p.client_time
      FROM check_photo p JOIN safety_check c ON c.id = p.safety_check_id WHERE p.idempotency_key = ?
      """;
  private static final String CHECK =
      """
      SELECT c.emergency_id, c.resident_id, em.ended_at IS NULL
      FROM safety_check c JOIN emergency em ON em.id = c.emergency_id WHERE c.id = ?
      """;
  private static final String INSERT =
      """
      INSERT INTO check_photo (safety_check_id, emergency_id, content_type, bytes, sha256, uploaded_by, client_time,
                               idempotency_key)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id, uploaded_at
      """;
  private static final String LIST =
      """
      SELECT p.id, p.safety_check_id, c.resident_id, p.content_type, octet_length(p.bytes), p.uploaded_at, p.client_time
      FROM check_photo p JOIN safety_check c ON c.id = p.safety_check_id WHERE p.safety_check_id = ? ORDER BY p.id
      """;
  private static final String BYTES =
      """
      SELECT p.id, p.safety_check_id, c.resident_id, p.content_type, p.bytes
      FROM check_photo p JOIN safety_check c ON c.id = p.safety_check_id WHERE p.id = ?
      """;

  private final DataSource dataSource;

  public CheckPhotoStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Keeps a photo of a check. Throws {@link IllegalArgumentException} for an unknown check, an
   * ended emergency, no bytes or more than {@link #MAX_BYTES}.
   */
  public Photo add(long checkId, String contentType, byte[] bytes, Long userId, Instant clientTime, String idempotencyKey)
      throws SQLException {
    if (bytes.length == 0 || bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("a photo has 1 to " + MAX_BYTES + " bytes, this one " + bytes.length);
    }
    try (Connection c = dataSource.getConnection()) {
      Optional<Photo> seen = byKey(c, idempotencyKey);
      if (seen.isPresent()) {
        return seen.get();
      }
      long emergencyId;
      long residentId;
      try (PreparedStatement ps = c.prepareStatement(CHECK)) {
        ps.setLong(1, checkId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalArgumentException("no safety check " + checkId);
          }
          if (!rs.getBoolean(3)) {
            throw new IllegalArgumentException("the emergency of check " + checkId + " has ended");
          }
          emergencyId = rs.getLong(1);
          residentId = rs.getLong(2);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        ps.setLong(1, checkId);
        ps.setLong(2, emergencyId);
        ps.setString(3, contentType);
        ps.setBytes(4, bytes);
        ps.setBytes(5, sha256(bytes));
        if (userId == null) {
          ps.setNull(6, java.sql.Types.BIGINT);
        } else {
          ps.setLong(6, userId);
        }
        ps.setTimestamp(7, clientTime == null ? null : Timestamp.from(clientTime));
        ps.setString(8, idempotencyKey);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return new Photo(rs.getLong(1), checkId, residentId, contentType, bytes.length, rs.getTimestamp(2).toInstant(),
                clientTime, false);
          }
        }
      }
      // the same photo arrived twice at once and the other copy won
      return byKey(c, idempotencyKey).orElseThrow();
    }
  }

  /** The photos of a check, oldest first, without their bytes. */
  public List<Photo> list(long checkId) throws SQLException {
    List<Photo> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LIST)) {
      ps.setLong(1, checkId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(photo(rs, false));
        }
      }
    }
    return out;
  }

  public Optional<PhotoBytes> find(long photoId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BYTES)) {
      ps.setLong(1, photoId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new PhotoBytes(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBytes(5)));
      }
    }
  }

  private static Optional<Photo> byKey(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(BY_KEY)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(photo(rs, true)) : Optional.empty();
      }
    }
  }

  private static Photo photo(ResultSet rs, boolean duplicate) throws SQLException {
    Timestamp client = rs.getTimestamp(7);
    return new Photo(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
        rs.getTimestamp(6).toInstant(), client == null ? null : client.toInstant(), duplicate);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
