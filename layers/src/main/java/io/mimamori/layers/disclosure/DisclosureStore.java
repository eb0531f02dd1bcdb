package io.mimamori.layers.disclosure;

import io.mimamori.layers.account.Role;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The disclosure decisions and their records. {@link #decide} and {@link #visible} evaluate
 * {@link VisibleResidents} in PostgreSQL; {@link #record} writes what was sent to the audit log
 * and, for disclosures without consent, the emergency's grant records, in one transaction.
 */
public final class DisclosureStore {

  /** Who saw residents under one emergency: per account, how many, which fields, first and last. */
  public record GrantSummary(long userId, String login, String role, List<Long> residentIds, Set<String> fields,
      Instant firstAt, Instant lastAt, long times) {}

  /** Parameters: the visibility query's, then resident ids (bigint[]). */
  private static final String DECIDE =
      "WITH visible AS (%s) SELECT resident_id, role, basis, emergency_id FROM visible WHERE resident_id = ANY (?)";
  private static final String ALL = "WITH visible AS (%s) SELECT resident_id, role, basis, emergency_id FROM visible "
      + "ORDER BY resident_id LIMIT ?";

  /** Parameters: emergency, user, role, fields (text[]), resident ids (bigint[]). */
  private static final String GRANT =
      """
      INSERT INTO disclosure_grant (emergency_id, user_id, role, resident_id, fields)
      SELECT ?, ?, ?, rid, ?::text[] FROM unnest(?::bigint[]) AS rid
      ON CONFLICT (emergency_id, user_id, resident_id) DO UPDATE
      SET last_at = now(), times = disclosure_grant.times + 1,
          fields = ARRAY(SELECT DISTINCT f FROM unnest(disclosure_grant.fields || EXCLUDED.fields) AS f ORDER BY f)
      """;

  /** Parameter: emergency. */
  private static final String GRANTS_OF =
      """
      SELECT g.user_id, u.login, g.role, array_agg(g.resident_id ORDER BY g.resident_id),
             ARRAY(SELECT DISTINCT f FROM disclosure_grant g2, unnest(g2.fields) AS f
                   WHERE g2.emergency_id = g.emergency_id AND g2.user_id = g.user_id AND g2.role = g.role ORDER BY f),
             min(g.first_at), max(g.last_at), sum(g.times)
      FROM disclosure_grant g JOIN app_user u ON u.id = g.user_id
      WHERE g.emergency_id = ?
      GROUP BY g.emergency_id, g.user_id, u.login, g.role
      ORDER BY u.login, g.role
      """;

  private final DataSource dataSource;

  public DisclosureStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The decisions for the given residents: those visible to {@code viewer}, keyed by id; the others are left out. */
  public Map<Long, Disclosure> decide(Viewer viewer, Collection<Long> residentIds) throws SQLException {
    Map<Long, Disclosure> out = new LinkedHashMap<>();
    if (residentIds.isEmpty()) {
      return out;
    }
    VisibleResidents.Sql visible = VisibleResidents.of(viewer);
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DECIDE.formatted(visible.text()))) {
      int next = visible.bind(ps, 1);
      ps.setArray(next, c.createArrayOf("bigint", residentIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Disclosure d = read(rs);
          out.put(d.residentId(), d);
        }
      }
    }
    return out;
  }

  /** Every resident visible to {@code viewer}, by id, up to {@code limit}. */
  public List<Disclosure> visible(Viewer viewer, int limit) throws SQLException {
    VisibleResidents.Sql visible = VisibleResidents.of(viewer);
    List<Disclosure> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ALL.formatted(visible.text()))) {
      int next = visible.bind(ps, 1);
      ps.setInt(next, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    }
    return out;
  }

  /**
   * Records a disclosure before it is sent: the audit entries, and for each resident shown without
   * consent a grant under its emergency (created, or its last time and count moved on). One
   * transaction: either both are written or neither.
   */
  public void record(List<AuditEntry> audit, Viewer viewer, Collection<Disclosure> sent) throws SQLException {
    Map<String, List<Disclosure>> groups = new LinkedHashMap<>();
    for (Disclosure d : sent) {
      if (d.withoutConsent()) {
        groups.computeIfAbsent(d.emergencyId() + "|" + d.role().code() + "|" + d.fields(), k -> new ArrayList<>()).add(d);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!groups.isEmpty()) {
          try (PreparedStatement ps = c.prepareStatement(GRANT)) {
            for (List<Disclosure> group : groups.values()) {
              Disclosure first = group.get(0);
              ps.setLong(1, first.emergencyId());
              ps.setLong(2, viewer.userId());
              ps.setString(3, first.role().code());
              ps.setArray(4, c.createArrayOf("text", first.fields().stream().map(Field::code).toArray()));
              ps.setArray(5, c.createArrayOf("bigint", group.stream().map(Disclosure::residentId).toArray()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
        if (!audit.isEmpty()) {
          AuditLog.append(c, audit);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Who saw which residents without consent under {@code emergencyId} (until the records are purged). */
  public List<GrantSummary> grants(long emergencyId) throws SQLException {
    List<GrantSummary> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(GRANTS_OF)) {
      ps.setLong(1, emergencyId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new GrantSummary(rs.getLong(1), rs.getString(2), rs.getString(3), List.of((Long[]) rs.getArray(4).getArray()),
              new TreeSet<>(List.of((String[]) rs.getArray(5).getArray())), instant(rs.getTimestamp(6)),
              instant(rs.getTimestamp(7)), rs.getLong(8)));
        }
      }
    }
    return out;
  }

  private static Disclosure read(ResultSet rs) throws SQLException {
    long emergency = rs.getLong(4);
    Long emergencyId = rs.wasNull() ? null : emergency;
    Role role = Role.fromCode(rs.getString(2)).orElseThrow();
    Basis basis = Basis.fromCode(rs.getString(3)).orElseThrow();
    return Disclosure.of(rs.getLong(1), role, basis, emergencyId);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
