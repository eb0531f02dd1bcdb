package io.mimamori.layers.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Routes published to supporters. {@link #publish} stores a new revision of one supporter's route
 * in an emergency and, in the same transaction, assigns its checks to that supporter (status
 * "assigned" for checks not yet reported on) and releases the checks that the previous revision
 * held but this one drops (back to "not assigned" unless someone reported on them). Every check
 * whose assignment changes gets an event, so HQ screens and phones hear of it.
 */
public final class PublishedRouteStore {

  /** One stop: a safety check, in visiting order, with the planned arrival (null when unknown). */
  public record Stop(long safetyCheckId, Instant plannedArrival) {}

  /** A stored revision; {@code geometryWkt} is null when the route had no road geometry. */
  public record PublishedRoute(long id, long emergencyId, long supporterId, int revision, String travelProfile,
      String geometryWkt, Instant publishedAt, List<Stop> stops) {}

  private static final String NEXT_REVISION =
      """
      SELECT coalesce(max(revision), 0) + 1 FROM published_route WHERE emergency_id = ? AND supporter_id = ?
      """;
  private static final String LOCK_EMERGENCY =
      "SELECT ended_at IS NULL FROM emergency WHERE id = ? FOR UPDATE";
  private static final String INSERT_ROUTE =
      """
      INSERT INTO published_route (emergency_id, supporter_id, revision, travel_profile, geom, published_by)
      VALUES (?, ?, ?, ?, ST_GeomFromText(?, 4326), ?) RETURNING id, published_at
      """;
  private static final String INSERT_STOP =
      "INSERT INTO published_stop (route_id, seq, safety_check_id, planned_arrival) VALUES (?, ?, ?, ?)";
  private static final String CHECK_BELONGS =
      "SELECT emergency_id FROM safety_check WHERE id = ?";
  private static final String ASSIGN =
      """
      WITH changed AS (
        UPDATE safety_check SET assigned_supporter_id = ?,
               status = CASE WHEN status = 'not_assigned' THEN 'assigned' ELSE status END,
               version = version + 1, updated_at = now()
        WHERE id = ? AND assigned_supporter_id IS DISTINCT FROM ?
        RETURNING id, emergency_id, status)
      INSERT INTO safety_check_event (safety_check_id, emergency_id, status, note, reported_by)
      SELECT id, emergency_id, status, 'route published', ? FROM changed
      """;
  private static final String RELEASE_DROPPED =
      """
      WITH dropped AS (
        UPDATE safety_check c SET assigned_supporter_id = NULL,
               status = CASE WHEN c.status = 'assigned' THEN 'not_assigned' ELSE c.status END,
               version = c.version + 1, updated_at = now()
        WHERE c.emergency_id = ? AND c.assigned_supporter_id = ? AND NOT (c.id = ANY (?))
        RETURNING c.id, c.emergency_id, c.status)
      INSERT INTO safety_check_event (safety_check_id, emergency_id, status, note, reported_by)
      SELECT id, emergency_id, status, 'removed from route', ? FROM dropped
      """;
  private static final String CURRENT =
      """
      SELECT r.id, r.emergency_id, r.supporter_id, r.revision, r.travel_profile, ST_AsText(r.geom), r.published_at
      FROM published_route r WHERE r.supporter_id = ? AND r.emergency_id = ?
      ORDER BY r.revision DESC LIMIT 1
      """;
  private static final String STOPS =
      "SELECT safety_check_id, planned_arrival FROM published_stop WHERE route_id = ? ORDER BY seq";

  private final DataSource dataSource;

  public PublishedRouteStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Publishes the next revision of a supporter's route. Throws {@link IllegalArgumentException} for
   * an unknown or ended emergency, a check of another emergency, or a check listed twice; nothing is
   * stored then.
   */
  public PublishedRoute publish(long emergencyId, long supporterId, String travelProfile, String geometryWkt,
      List<Stop> stops, long publishedBy) throws SQLException {
    long[] ids = stops.stream().mapToLong(Stop::safetyCheckId).toArray();
    if (java.util.Arrays.stream(ids).distinct().count() != ids.length) {
      throw new IllegalArgumentException("a safety check appears twice in the route");
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement(LOCK_EMERGENCY)) {
          ps.setLong(1, emergencyId);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new IllegalArgumentException("no emergency " + emergencyId);
            }
            if (!rs.getBoolean(1)) {
              throw new IllegalArgumentException("emergency " + emergencyId + " has ended");
            }
          }
        }
        for (long id : ids) {
          try (PreparedStatement ps = c.prepareStatement(CHECK_BELONGS)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next() || rs.getLong(1) != emergencyId) {
                throw new IllegalArgumentException("safety check " + id + " is not part of emergency " + emergencyId);
              }
            }
          }
        }
        int revision;
        try (PreparedStatement ps = c.prepareStatement(NEXT_REVISION)) {
          ps.setLong(1, emergencyId);
          ps.setLong(2, supporterId);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            revision = rs.getInt(1);
          }
        }
        long routeId;
        Instant at;
        try (PreparedStatement ps = c.prepareStatement(INSERT_ROUTE)) {
          ps.setLong(1, emergencyId);
          ps.setLong(2, supporterId);
          ps.setInt(3, revision);
          ps.setString(4, travelProfile);
          ps.setString(5, geometryWkt);
          ps.setLong(6, publishedBy);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            routeId = rs.getLong(1);
            at = rs.getTimestamp(2).toInstant();
          }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_STOP)) {
          int seq = 1;
          for (Stop s : stops) {
            ps.setLong(1, routeId);
            ps.setInt(2, seq++);
            ps.setLong(3, s.safetyCheckId());
            if (s.plannedArrival() == null) {
              ps.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
              ps.setTimestamp(4, Timestamp.from(s.plannedArrival()));
            }
            ps.addBatch();
          }
          ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(RELEASE_DROPPED)) {
          ps.setLong(1, emergencyId);
          ps.setLong(2, supporterId);
          ps.setArray(3, c.createArrayOf("bigint", java.util.Arrays.stream(ids).boxed().toArray()));
          ps.setLong(4, publishedBy);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(ASSIGN)) {
          for (long id : ids) {
            ps.setLong(1, supporterId);
            ps.setLong(2, id);
            ps.setLong(3, supporterId);
            ps.setLong(4, publishedBy);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        c.commit();
        return new PublishedRoute(routeId, emergencyId, supporterId, revision, travelProfile, geometryWkt, at,
            List.copyOf(stops));
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** The newest revision of a supporter's route in an emergency. */
  public Optional<PublishedRoute> current(long supporterId, long emergencyId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      PublishedRoute head;
      try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
        ps.setLong(1, supporterId);
        ps.setLong(2, emergencyId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          head = new PublishedRoute(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
              rs.getString(6), rs.getTimestamp(7).toInstant(), List.of());
        }
      }
      List<Stop> stops = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(STOPS)) {
        ps.setLong(1, head.id());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Timestamp t = rs.getTimestamp(2);
            stops.add(new Stop(rs.getLong(1), t == null ? null : t.toInstant()));
          }
        }
      }
      return Optional.of(new PublishedRoute(head.id(), head.emergencyId(), head.supporterId(), head.revision(),
          head.travelProfile(), head.geometryWkt(), head.publishedAt(), List.copyOf(stops)));
    }
  }
}
