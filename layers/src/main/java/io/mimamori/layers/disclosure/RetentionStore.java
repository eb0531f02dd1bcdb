package io.mimamori.layers.disclosure;

import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Bounds what an emergency disclosed: once an emergency has ended and {@code retention} has passed,
 * {@link #purge} deletes its grant records and the copies made for supporters during it (the
 * routes published to their phones, whose stops and lines lead to the residents' homes), and
 * writes each purge to the audit log in the same transaction. The safety checks and their reports
 * stay: they are the municipality's record of the operation, kept for case management. Running
 * it again finds nothing left to purge and writes nothing.
 */
public final class RetentionStore {

  /** One emergency's purge: how many grant records and published routes went, and whose grants. */
  public record Purge(long emergencyId, int grants, int routes, List<Long> residentIds) {}

  /** Parameter: retention in seconds. */
  private static final String DUE =
      """
      SELECT e.id FROM emergency e
      WHERE e.ended_at IS NOT NULL AND e.ended_at < now() - make_interval(secs => ?)
        AND (EXISTS (SELECT 1 FROM disclosure_grant g WHERE g.emergency_id = e.id)
             OR EXISTS (SELECT 1 FROM published_route pr WHERE pr.emergency_id = e.id))
      ORDER BY e.id
      """;
  private static final String LOCK = "SELECT 1 FROM emergency WHERE id = ? FOR UPDATE";
  private static final String DELETE_GRANTS =
      "DELETE FROM disclosure_grant WHERE emergency_id = ? RETURNING resident_id";
  private static final String DELETE_STOPS =
      "DELETE FROM published_stop WHERE route_id IN (SELECT id FROM published_route WHERE emergency_id = ?)";
  private static final String DELETE_ROUTES = "DELETE FROM published_route WHERE emergency_id = ?";

  private final DataSource dataSource;

  public RetentionStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Purges every emergency that ended more than {@code retention} ago and still has records; the
   * audit entries name {@code operator} (null for the server itself) and the purge's purpose.
   */
  public List<Purge> purge(Duration retention, String operator, String clientAddress) throws SQLException {
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention cannot be negative: " + retention);
    }
    List<Long> due = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DUE)) {
      ps.setLong(1, retention.toSeconds());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          due.add(rs.getLong(1));
        }
      }
    }
    List<Purge> out = new ArrayList<>();
    for (long emergency : due) {
      out.add(purgeOne(emergency, operator, clientAddress));
    }
    return out;
  }

  private Purge purgeOne(long emergency, String operator, String clientAddress) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
          ps.setLong(1, emergency);
          ps.executeQuery().close();
        }
        List<Long> residents = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DELETE_GRANTS)) {
          ps.setLong(1, emergency);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              residents.add(rs.getLong(1));
            }
          }
        }
        int routes;
        try (PreparedStatement stops = c.prepareStatement(DELETE_STOPS);
            PreparedStatement ps = c.prepareStatement(DELETE_ROUTES)) {
          stops.setLong(1, emergency);
          stops.executeUpdate();
          ps.setLong(1, emergency);
          routes = ps.executeUpdate();
        }
        residents.sort(null);
        Instant now = Instant.now();
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(new AuditEntry(now, null, operator, "delete", "retention_purge", "emergency", List.of(emergency),
            clientAddress));
        if (!residents.isEmpty()) {
          entries.add(new AuditEntry(now, null, operator, "delete", "retention_purge", "resident", residents, clientAddress));
        }
        AuditLog.append(c, entries);
        c.commit();
        return new Purge(emergency, residents.size(), routes, residents);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
