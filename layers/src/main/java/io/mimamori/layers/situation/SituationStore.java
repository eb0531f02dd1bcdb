package io.mimamori.layers.situation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the HQ's wall shows in numbers, read across the register, the safety checks and the
 * shelters: residents by priority band, shelters open and how full, the escalations waiting, and
 * the newest event id (a screen that reads the numbers then follows the events after it).
 */
public final class SituationStore {

  private static final String LAST_EVENT =
      """
      SELECT greatest((SELECT coalesce(max(id), 0) FROM safety_check_event), (SELECT coalesce(max(id), 0) FROM shelter_event))
      """;
  /** Active residents by band of the national profile ('none': not scored), as the resident tiles count them. */
  private static final String BANDS =
      """
      SELECT coalesce(rp.band, 'none'), count(*)
      FROM resident r LEFT JOIN resident_priority rp ON rp.profile = 'national' AND rp.resident_id = r.id
      WHERE r.register_status = 'active'
      GROUP BY 1 ORDER BY 1
      """;
  private static final String SHELTERS =
      """
      SELECT count(*), count(*) FILTER (WHERE o.level = 'near_full'), count(*) FILTER (WHERE o.level = 'full'),
             coalesce(sum(o.occupied), 0), coalesce(sum(o.capacity_persons), 0),
             (SELECT count(*) FROM shelter_transfer WHERE status = 'requested'),
             (SELECT count(*) FROM shelter_transfer WHERE status = 'accepted')
      FROM shelter_occupancy o WHERE o.closed_at IS NULL
      """;
  private static final String ATTENTION =
      """
      SELECT o.shelter_id, s.name, s.kind, o.occupied, o.capacity_persons, o.level
      FROM shelter_occupancy o JOIN shelter s ON s.id = o.shelter_id
      WHERE o.closed_at IS NULL AND o.level IN ('near_full', 'full')
      ORDER BY o.level = 'full' DESC, o.occupied::float / greatest(o.capacity_persons, 1) DESC, s.id
      LIMIT ?
      """;
  private static final String ESCALATIONS =
      """
      SELECT c.id, c.resident_id, c.status,
             (SELECT max(e.reported_at) FROM safety_check_event e WHERE e.safety_check_id = c.id AND e.status = c.status),
             d.name, rp.band, c.priority_score,
             array_remove(ARRAY[
               CASE WHEN r.ventilator_24h THEN 'ventilator_24h' END,
               CASE WHEN NOT r.ventilator_24h AND cardinality(r.medical_devices) > 0 THEN 'medical_device' END,
               CASE WHEN r.severe_motor_intellectual THEN 'severe_motor_intellectual' END,
               CASE WHEN r.care_level IN ('care_3', 'care_4', 'care_5') THEN 'care_level_high' END,
               CASE WHEN 'physical' = ANY (r.disability_types) THEN 'wheelchair' END,
               CASE WHEN 'visual' = ANY (r.disability_types) THEN 'visual' END,
               CASE WHEN 'hearing' = ANY (r.disability_types) THEN 'hearing' END,
               CASE WHEN r.needs_info_support THEN 'info_support' END], NULL)
      FROM safety_check c
      JOIN resident r ON r.id = c.resident_id
      JOIN household hh ON hh.id = r.household_id
      LEFT JOIN district d ON d.id = hh.district_id
      LEFT JOIN resident_priority rp ON rp.profile = 'national' AND rp.resident_id = r.id
      WHERE c.emergency_id = ? AND c.status IN ('needs_help', 'could_not_reach')
      ORDER BY c.priority_score DESC, c.id
      LIMIT ?
      """;
  private static final String ESCALATION_COUNT =
      "SELECT count(*) FROM safety_check WHERE emergency_id = ? AND status IN ('needs_help', 'could_not_reach')";

  private final DataSource dataSource;

  public SituationStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The newest safety-check or shelter event id (0: none yet). */
  public long lastEventId() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LAST_EVENT);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Active residents per band A-D, and 'none' for those not scored; every key present. */
  public Map<String, Long> residentsByBand() throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String band : List.of("A", "B", "C", "D", "none")) {
      out.put(band, 0L);
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BANDS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  public ShelterSummary shelters() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SHELTERS);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new ShelterSummary(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
          rs.getInt(7));
    }
  }

  /** Open shelters near full or full, full ones first, then by share taken. */
  public List<ShelterAttention> sheltersNeedingAttention(int limit) throws SQLException {
    List<ShelterAttention> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ATTENTION)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int cap = rs.getInt(5);
          out.add(new ShelterAttention(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
              rs.wasNull() ? null : cap, rs.getString(6)));
        }
      }
    }
    return out;
  }

  /** How many checks of the emergency are escalated now (needs help, could not reach). */
  public long escalationCount(long emergencyId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ESCALATION_COUNT)) {
      ps.setLong(1, emergencyId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The escalated checks of an emergency, highest priority first. */
  public List<Escalation> escalations(long emergencyId, int limit) throws SQLException {
    List<Escalation> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ESCALATIONS)) {
      ps.setLong(1, emergencyId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          java.sql.Timestamp at = rs.getTimestamp(4);
          Array needs = rs.getArray(8);
          out.add(new Escalation(rs.getLong(1), rs.getLong(2), rs.getString(3), at == null ? null : at.toInstant(),
              rs.getString(5), rs.getString(6), rs.getInt(7), List.of((String[]) needs.getArray())));
        }
      }
    }
    return out;
  }
}
