package io.mimamori.layers.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The append-only, hash-chained audit log. Appends are serialised by a transaction-level advisory
 * lock so the chain has one order; each entry's hash is SHA-256 over the previous hash and the
 * entry's fields in a fixed text form (the detail only when there is one, so entries written before
 * details existed keep their hashes). {@link #verify} walks the chain and reports the first entry
 * whose hash, link or sequence does not hold.
 */
public final class AuditLog {

  /** Where verification stopped: the number of entries that held and, if any, the first broken one. */
  public record Verification(long entriesChecked, Optional<Long> firstBrokenSeq, String reason) {
    public boolean intact() {
      return firstBrokenSeq.isEmpty();
    }
  }

  static final byte[] GENESIS = new byte[32];
  private static final long LOCK_KEY = 0x6d696d616d6f7269L; // "mimamori"

  private static final String LOCK = "SELECT pg_advisory_xact_lock(?)";
  private static final String LAST = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
  private static final String INSERT =
      """
      INSERT INTO audit_log (seq, at, user_id, login, action, purpose, record_type, record_ids, client_address, prev_hash, hash,
                             detail)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String ALL_IN_ORDER =
      """
      SELECT seq, at, user_id, login, action, purpose, record_type, record_ids, client_address, prev_hash, hash, detail
      FROM audit_log ORDER BY seq
      """;

  /** Parameters: record type, record id, limit. */
  private static final String ABOUT_RECORD =
      """
      SELECT at, user_id, login, action, purpose, record_type, record_ids, client_address, detail
      FROM audit_log WHERE record_type = ? AND record_ids @> ARRAY[?]::bigint[] ORDER BY seq DESC LIMIT ?
      """;

  private final DataSource dataSource;

  public AuditLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Appends the entries in order, in one transaction of their own; returns the last sequence number. */
  public long append(List<AuditEntry> entries) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long seq = append(c, entries);
        c.commit();
        return seq;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Appends within the caller's transaction (so the audit entry commits with the change it records). */
  public static long append(Connection c, List<AuditEntry> entries) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(LOCK)) {
      lock.setLong(1, LOCK_KEY);
      lock.execute();
    }
    long seq = 0;
    byte[] prev = GENESIS;
    try (PreparedStatement ps = c.prepareStatement(LAST); ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        seq = rs.getLong(1);
        prev = rs.getBytes(2);
      }
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (AuditEntry e : entries) {
        seq++;
        byte[] hash = hash(prev, seq, e);
        ps.setLong(1, seq);
        ps.setTimestamp(2, Timestamp.from(e.at()));
        if (e.userId() == null) {
          ps.setNull(3, Types.BIGINT);
        } else {
          ps.setLong(3, e.userId());
        }
        ps.setString(4, e.login());
        ps.setString(5, e.action());
        ps.setString(6, e.purpose());
        ps.setString(7, e.recordType());
        ps.setArray(8, c.createArrayOf("bigint", e.recordIds().toArray()));
        ps.setString(9, e.clientAddress());
        ps.setBytes(10, prev);
        ps.setBytes(11, hash);
        ps.setString(12, e.detail());
        ps.addBatch();
        prev = hash;
      }
      ps.executeBatch();
    }
    return seq;
  }

  public Verification verify() throws SQLException {
    long checked = 0;
    byte[] prev = GENESIS;
    long expectedSeq = 1;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false); // lets the driver stream with a fetch size
      try (PreparedStatement ps = c.prepareStatement(ALL_IN_ORDER)) {
        ps.setFetchSize(5_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long seq = rs.getLong(1);
            if (seq != expectedSeq) {
              return new Verification(checked, Optional.of(expectedSeq), "entry " + expectedSeq + " is missing");
            }
            Array ids = rs.getArray(8);
            List<Long> recordIds = ids == null ? List.of() : Arrays.asList((Long[]) ids.getArray());
            long userIdValue = rs.getLong(3);
            Long userId = rs.wasNull() ? null : userIdValue;
            AuditEntry e = new AuditEntry(rs.getTimestamp(2).toInstant(), userId, rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), recordIds, rs.getString(9), rs.getString(12));
            if (!Arrays.equals(rs.getBytes(10), prev)) {
              return new Verification(checked, Optional.of(seq), "entry " + seq + " does not link to entry " + (seq - 1));
            }
            byte[] hash = hash(prev, seq, e);
            if (!Arrays.equals(rs.getBytes(11), hash)) {
              return new Verification(checked, Optional.of(seq), "entry " + seq + " was changed after it was written");
            }
            prev = hash;
            checked++;
            expectedSeq++;
          }
        }
      }
      c.commit();
    }
    return new Verification(checked, Optional.empty(), "intact");
  }

  static byte[] hash(byte[] prev, long seq, AuditEntry e) {
    String text = String.join("\u001f", Long.toString(seq), DateTimeFormatter.ISO_INSTANT.format(e.at()),
        String.valueOf(e.userId()), String.valueOf(e.login()), e.action(), e.purpose(), e.recordType(),
        e.recordIds().toString(), String.valueOf(e.clientAddress()));
    if (e.detail() != null) {
      text = text + "\u001f" + e.detail();
    }
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(prev);
      d.update(text.getBytes(StandardCharsets.UTF_8));
      return d.digest();
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Entries about one record type and id, newest first (for HQ's search). */
  public List<AuditEntry> about(String recordType, long recordId, int limit) throws SQLException {
    List<AuditEntry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ABOUT_RECORD)) {
      ps.setString(1, recordType);
      ps.setLong(2, recordId);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long userIdValue = rs.getLong(2);
          Long userId = rs.wasNull() ? null : userIdValue;
          out.add(new AuditEntry(rs.getTimestamp(1).toInstant(), userId, rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6), Arrays.asList((Long[]) rs.getArray(7).getArray()),
              rs.getString(8), rs.getString(9)));
        }
      }
    }
    return out;
  }

}
