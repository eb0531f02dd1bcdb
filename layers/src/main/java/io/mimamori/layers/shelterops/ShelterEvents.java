package io.mimamori.layers.shelterops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * The steps every shelter change takes inside its transaction: lock the shelter (changes at one
 * shelter happen one after the other, so each event's state follows the previous one), read its
 * level before, and record the event with the state right after the change.
 */
final class ShelterEvents {

  /** A locked shelter: its kind, and its open opening if any. */
  record Locked(long shelterId, String kind, Long openingId, Long emergencyId, CapacityLevel levelBefore) {
    boolean welfare() {
      return kind.equals("welfare_shelter") || kind.equals("child_welfare_shelter");
    }
  }

  private static final String LOCK = "SELECT kind FROM shelter WHERE id = ? FOR UPDATE";
  private static final String CURRENT =
      """
      SELECT o.opening_id, o.emergency_id, o.level FROM shelter_occupancy o
      WHERE o.shelter_id = ? AND o.closed_at IS NULL
      """;
  /** Parameters: opening id, emergency id (both for a closing), kind, stay, transfer, level before, user, key, shelter. */
  private static final String RECORD =
      """
      INSERT INTO shelter_event (shelter_id, opening_id, emergency_id, kind, stay_id, transfer_id, is_open, occupied,
                                 capacity_persons, level, level_before, recorded_by, idempotency_key)
      SELECT s.id, coalesce(o.opening_id, ?), coalesce(o.emergency_id, ?), ?, ?, ?, o.opening_id IS NOT NULL,
             coalesce(o.occupied, 0), coalesce(o.capacity_persons, s.capacity_persons), coalesce(o.level, 'closed'), ?, ?, ?
      FROM shelter s LEFT JOIN shelter_occupancy o ON o.shelter_id = s.id AND o.closed_at IS NULL
      WHERE s.id = ?
      RETURNING id, opening_id, emergency_id, is_open, occupied, capacity_persons, level, recorded_at
      """;
  private static final String BY_KEY =
      """
      SELECT id, shelter_id, opening_id, emergency_id, kind, stay_id, transfer_id, is_open, occupied, capacity_persons,
             level, level_before, recorded_at
      FROM shelter_event WHERE idempotency_key = ?
      """;

  private ShelterEvents() {}

  /** Locks the shelter for the rest of the transaction; unknown shelter: not found. */
  static Locked lock(Connection c, long shelterId) throws SQLException {
    String kind;
    try (PreparedStatement ps = c.prepareStatement(LOCK)) {
      ps.setLong(1, shelterId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ShelterOpsException.notFound("No shelter " + shelterId);
        }
        kind = rs.getString(1);
      }
    }
    try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
      ps.setLong(1, shelterId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new Locked(shelterId, kind, null, null, CapacityLevel.CLOSED);
        }
        return new Locked(shelterId, kind, rs.getLong(1), nullableLong(rs, 2),
            CapacityLevel.fromCode(rs.getString(3)).orElseThrow());
      }
    }
  }

  /** Locks two shelters in id order (no deadlock between two transfers crossing each other). */
  static Locked[] lockBoth(Connection c, long first, long second) throws SQLException {
    if (first < second) {
      Locked a = lock(c, first);
      return new Locked[] {a, lock(c, second)};
    }
    Locked b = lock(c, second);
    return new Locked[] {lock(c, first), b};
  }

  /** Records the change with the shelter's state now; {@code closedOpening}: the opening a closing ended. */
  static ShelterEvent record(Connection c, Locked before, String kind, Long stayId, Long transferId, long userId,
      String idempotencyKey, Long closedOpening) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RECORD)) {
      setLong(ps, 1, closedOpening);
      setLong(ps, 2, closedOpening == null ? null : before.emergencyId());
      ps.setString(3, kind);
      setLong(ps, 4, stayId);
      setLong(ps, 5, transferId);
      ps.setString(6, before.levelBefore().code());
      ps.setLong(7, userId);
      ps.setString(8, idempotencyKey);
      ps.setLong(9, before.shelterId());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new ShelterEvent(rs.getLong(1), before.shelterId(), nullableLong(rs, 2), nullableLong(rs, 3), kind, stayId,
            transferId, rs.getBoolean(4), rs.getInt(5), nullableInt(rs, 6), CapacityLevel.fromCode(rs.getString(7)).orElseThrow(),
            before.levelBefore(), rs.getTimestamp(8).toInstant(), false);
      }
    }
  }

  /** The event an earlier request with this idempotency key recorded. */
  static Optional<ShelterEvent> byKey(Connection c, String key) throws SQLException {
    if (key == null) {
      return Optional.empty();
    }
    try (PreparedStatement ps = c.prepareStatement(BY_KEY)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs, true)) : Optional.empty();
      }
    }
  }

  /** Reads the columns of {@link #BY_KEY} (and of the event stream). */
  static ShelterEvent read(ResultSet rs, boolean duplicate) throws SQLException {
    return new ShelterEvent(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), nullableLong(rs, 4), rs.getString(5),
        nullableLong(rs, 6), nullableLong(rs, 7), rs.getBoolean(8), rs.getInt(9), nullableInt(rs, 10),
        CapacityLevel.fromCode(rs.getString(11)).orElseThrow(), CapacityLevel.fromCode(rs.getString(12)).orElseThrow(),
        rs.getTimestamp(13).toInstant(), duplicate);
  }

  static Long nullableLong(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  static Integer nullableInt(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }

  static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }
}
