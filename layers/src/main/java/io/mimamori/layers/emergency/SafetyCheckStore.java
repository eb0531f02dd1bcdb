package io.mimamori.layers.emergency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Status reports on safety checks. Each report is an event, applied exactly once: a report whose
 * idempotency key was seen before returns the first one's event (a phone resending after a lost
 * answer). Reports recorded offline arrive late and out of order: one older (by the phone's clock)
 * than the check's latest report is kept as history but does not overwrite the newer status; the
 * answer says so, so the phone can show the conflict.
 */
public final class SafetyCheckStore {

  /** A report as stored; {@code applied} is false for a late report kept as history only. */
  public record Event(long id, long checkId, long emergencyId, long residentId, String status, boolean escalated,
      Instant reportedAt, boolean applied, boolean duplicate) {}

  private static final String BY_KEY =
      """
      SELECT e.id, e.safety_check_id, e.emergency_id, c.resident_id, e.status, e.escalated, e.reported_at,
             c.status = e.status
      FROM safety_check_event e JOIN safety_check c ON c.id = e.safety_check_id WHERE e.idempotency_key = ?
      """;
  private static final String LOCK_CHECK =
      """
      SELECT c.emergency_id, c.resident_id, em.ended_at IS NULL,
             (SELECT max(coalesce(client_time, reported_at)) FROM safety_check_event x WHERE x.safety_check_id = c.id)
      FROM safety_check c JOIN emergency em ON em.id = c.emergency_id WHERE c.id = ? FOR UPDATE OF c
      """;
  private static final String INSERT_EVENT =
      """
      INSERT INTO safety_check_event (safety_check_id, emergency_id, status, note, shelter_id, reported_by, client_time,
                                      idempotency_key, escalated)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, reported_at
      """;
  private static final String APPLY =
      """
      UPDATE safety_check SET status = ?, escalated = escalated OR ?, evacuated_to_shelter_id = coalesce(?, evacuated_to_shelter_id),
                              version = version + 1, updated_at = now()
      WHERE id = ?
      """;
  private static final String COUNTS =
      "SELECT status, count(*) FROM safety_check WHERE emergency_id = ? GROUP BY status ORDER BY status";
  private static final String EVENTS_AFTER =
      """
      SELECT e.id, e.safety_check_id, e.emergency_id, c.resident_id, e.status, e.escalated, e.reported_at
      FROM safety_check_event e JOIN safety_check c ON c.id = e.safety_check_id
      WHERE e.id > ? AND e.id <= ? ORDER BY e.id LIMIT ?
      """;
  private static final String ASSIGNED_SUPPORTER = "SELECT assigned_supporter_id FROM safety_check WHERE id = ?";
  private final DataSource dataSource;

  public SafetyCheckStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Records a report. Throws {@link IllegalArgumentException} for an unknown check, a check of an
   * ended emergency, or "not assigned" (a report cannot undo an assignment).
   */
  public Event report(long checkId, CheckStatus status, String note, Long shelterId, Long userId, Instant clientTime,
      String idempotencyKey) throws SQLException {
    if (status == CheckStatus.NOT_ASSIGNED) {
      throw new IllegalArgumentException("a report cannot set a check back to not assigned");
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (idempotencyKey != null) {
          Optional<Event> seen = byKey(c, idempotencyKey);
          if (seen.isPresent()) {
            c.commit();
            return seen.get();
          }
        }
        long emergencyId;
        long residentId;
        Instant latest;
        try (PreparedStatement ps = c.prepareStatement(LOCK_CHECK)) {
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
            Timestamp t = rs.getTimestamp(4);
            latest = t == null ? null : t.toInstant();
          }
        }
        Instant effective = clientTime == null ? Instant.now() : clientTime;
        boolean applied = latest == null || !effective.isBefore(latest);
        long eventId;
        Instant reportedAt;
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
          ps.setLong(1, checkId);
          ps.setLong(2, emergencyId);
          ps.setString(3, status.code());
          ps.setString(4, note);
          setLong(ps, 5, shelterId);
          setLong(ps, 6, userId);
          ps.setTimestamp(7, clientTime == null ? null : Timestamp.from(clientTime));
          ps.setString(8, idempotencyKey);
          ps.setBoolean(9, status.escalates());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            eventId = rs.getLong(1);
            reportedAt = rs.getTimestamp(2).toInstant();
          }
        }
        if (applied) {
          try (PreparedStatement ps = c.prepareStatement(APPLY)) {
            ps.setString(1, status.code());
            ps.setBoolean(2, status.escalates());
            setLong(ps, 3, shelterId);
            ps.setLong(4, checkId);
            ps.executeUpdate();
          }
        }
        c.commit();
        return new Event(eventId, checkId, emergencyId, residentId, status.code(), status.escalates(), reportedAt, applied, false);
      } catch (SQLException e) {
        c.rollback();
        if ("23505".equals(e.getSQLState()) && idempotencyKey != null) {
          // the same report arrived twice at once: the other copy won, answer with it
          c.setAutoCommit(true);
          Optional<Event> seen = byKey(c, idempotencyKey);
          if (seen.isPresent()) {
            return seen.get();
          }
        }
        throw e;
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Checks per status in one emergency. */
  public Map<String, Long> counts(long emergencyId) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COUNTS)) {
      ps.setLong(1, emergencyId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  /**
   * Events with ids above {@code afterId}, oldest first, up to {@code limit}, and never one that a
   * lower id could still come before: a reader that keeps only the last id it has (the HQ screens)
   * must not skip an event. Reads only up to {@link EventSequence#horizon}, the shared numbering's
   * point below which every event is visible; writers never wait for each other.
   */
  public List<Event> eventsAfter(long afterId, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return readEventsAfter(c, afterId, EventSequence.horizon(c, afterId, limit), limit);
    }
  }

  /**
   * Events with ids in {@code (afterId, upTo]}, oldest first, up to {@code limit}; {@code upTo} is
   * an {@link EventSequence#horizon} read before, shared with the shelter events.
   */
  public List<Event> eventsAfter(long afterId, long upTo, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return readEventsAfter(c, afterId, upTo, limit);
    }
  }

  private static List<Event> readEventsAfter(Connection c, long afterId, long upTo, int limit) throws SQLException {
    List<Event> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(EVENTS_AFTER)) {
      ps.setLong(1, afterId);
      ps.setLong(2, upTo);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Event(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getBoolean(6),
              rs.getTimestamp(7).toInstant(), true, false));
        }
      }
    }
    return out;
  }

  /** The supporter a check is assigned to, if any. */
  public Optional<Long> assignedSupporter(long checkId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ASSIGNED_SUPPORTER)) {
      ps.setLong(1, checkId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long id = rs.getLong(1);
        return rs.wasNull() ? Optional.empty() : Optional.of(id);
      }
    }
  }

  private static Optional<Event> byKey(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(BY_KEY)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Event(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
            rs.getBoolean(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8), true));
      }
    }
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }
}
