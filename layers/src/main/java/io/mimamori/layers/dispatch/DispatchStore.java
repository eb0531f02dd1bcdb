package io.mimamori.layers.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What the dispatcher plans routes from: whether an emergency is active, its safety checks, and
 * which supporters exist. Reads only; publishing is {@link PublishedRouteStore}.
 */
public final class DispatchStore {

  private static final String EMERGENCY_ACTIVE = "SELECT ended_at IS NULL FROM emergency WHERE id = ?";
  private static final String CHECKS =
      """
      SELECT sc.id, sc.resident_id, sc.priority_score, sc.status, sc.assigned_supporter_id,
             coalesce((SELECT cs.state FROM consent cs WHERE cs.resident_id = sc.resident_id
                       ORDER BY cs.decided_on DESC, cs.id DESC LIMIT 1) = 'refused', false)
      FROM safety_check sc
      WHERE sc.emergency_id = ? ORDER BY sc.priority_score DESC, sc.id
      """;
  private static final String CHECKS_BY_ID =
      """
      SELECT sc.id, sc.resident_id, sc.priority_score, sc.status, sc.assigned_supporter_id,
             coalesce((SELECT cs.state FROM consent cs WHERE cs.resident_id = sc.resident_id
                       ORDER BY cs.decided_on DESC, cs.id DESC LIMIT 1) = 'refused', false)
      FROM safety_check sc
      WHERE sc.emergency_id = ? AND sc.id = ANY (?) ORDER BY sc.id
      """;
  private static final String CHECKS_OF_RESIDENTS =
      """
      SELECT sc.id, sc.resident_id, sc.priority_score, sc.status, sc.assigned_supporter_id,
             coalesce((SELECT cs.state FROM consent cs WHERE cs.resident_id = sc.resident_id
                       ORDER BY cs.decided_on DESC, cs.id DESC LIMIT 1) = 'refused', false)
      FROM safety_check sc
      WHERE sc.emergency_id = ? AND sc.resident_id = ANY (?) ORDER BY sc.id
      """;
  private static final String SUPPORTERS = "SELECT id FROM supporter WHERE id = ANY (?)";
  private static final String RESCUE_SERVICES =
      "SELECT id FROM supporter WHERE id = ANY (?) AND relation IN ('fire_brigade', 'police')";
  private static final String SUPPORTERS_NEAR =
      """
      SELECT s.id, s.name, s.relation, s.skills, ST_X(s.geom), ST_Y(s.geom)
      FROM emergency e JOIN supporter s ON s.geom && ST_Expand(e.area, 0.01)
      WHERE e.id = ? AND s.kind = 'person'
      ORDER BY ST_Distance(s.geom, e.area), s.id
      LIMIT ?
      """;

  /** A person who may be sent: where they live and what they can do. */
  public record SupporterAt(long id, String name, String relation, List<String> skills, double lon, double lat) {}

  private final DataSource dataSource;

  public DispatchStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether the emergency is active (true) or has ended (false); empty when there is none. */
  public Optional<Boolean> emergencyActive(long emergencyId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(EMERGENCY_ACTIVE)) {
      ps.setLong(1, emergencyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
      }
    }
  }

  /** Every check of the emergency, highest priority first. */
  public List<CheckToVisit> checks(long emergencyId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CHECKS)) {
      ps.setLong(1, emergencyId);
      return read(ps);
    }
  }

  /** The emergency's checks among {@code checkIds} (others are left out), in id order. */
  public List<CheckToVisit> checksById(long emergencyId, Collection<Long> checkIds) throws SQLException {
    return byArray(CHECKS_BY_ID, emergencyId, checkIds);
  }

  /** The emergency's checks of the residents {@code residentIds} (others are left out), in id order. */
  public List<CheckToVisit> checksOfResidents(long emergencyId, Collection<Long> residentIds) throws SQLException {
    return byArray(CHECKS_OF_RESIDENTS, emergencyId, residentIds);
  }

  /** Those of {@code ids} that name a stored supporter. */
  /**
   * Which of {@code ids} are fire brigade or police: the only supporters who may visit a resident
   * who refused to share their entry (the disclosure rule in {@code VisibleResidents}).
   */
  public Set<Long> rescueServices(Collection<Long> ids) throws SQLException {
    Set<Long> out = new HashSet<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RESCUE_SERVICES)) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  public Set<Long> existingSupporters(Collection<Long> ids) throws SQLException {
    Set<Long> out = new HashSet<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SUPPORTERS)) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  /**
   * Supporters (persons with a known home) living in the emergency's area or within about a
   * kilometre of it, nearest first.
   */
  public List<SupporterAt> supportersNear(long emergencyId, int limit) throws SQLException {
    List<SupporterAt> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SUPPORTERS_NEAR)) {
      ps.setLong(1, emergencyId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new SupporterAt(rs.getLong(1), rs.getString(2), rs.getString(3),
              List.of((String[]) rs.getArray(4).getArray()), rs.getDouble(5), rs.getDouble(6)));
        }
      }
    }
    return out;
  }

  private List<CheckToVisit> byArray(String sql, long emergencyId, Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, emergencyId);
      ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
      return read(ps);
    }
  }

  private static List<CheckToVisit> read(PreparedStatement ps) throws SQLException {
    List<CheckToVisit> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new CheckToVisit(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
            rs.getObject(5) == null ? null : rs.getLong(5), rs.getBoolean(6)));
      }
    }
    return out;
  }
}
