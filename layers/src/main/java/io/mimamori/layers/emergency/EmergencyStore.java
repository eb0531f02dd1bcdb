package io.mimamori.layers.emergency;

import io.mimamori.layers.geo.Wkb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;

/**
 * Declares and ends emergencies. Declaring one opens a safety check for every active resident whose
 * home lies in the area, carrying the resident's national priority score so the campaign is worked
 * highest first. One transaction: the emergency and its checks appear together.
 */
public final class EmergencyStore {

  /** An emergency as HQ sees it: no personal data. */
  public record Emergency(long id, String level, List<String> hazardTypes, String reason, java.time.Instant declaredAt,
      java.time.Instant endedAt, long checks) {}

  private static final String DECLARE =
      """
      INSERT INTO emergency (municipality_code, level, hazard_types, area, reason, declared_by)
      VALUES (?, ?, ?, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromWKB(?), 4326)), 3)), ?, ?)
      RETURNING id
      """;
  private static final String OPEN_CHECKS =
      """
      INSERT INTO safety_check (emergency_id, resident_id, priority_score)
      SELECT e.id, r.id, coalesce(rp.score, 0)
      FROM emergency e
      JOIN household hh ON hh.geom && e.area AND ST_Intersects(hh.geom, e.area)
      JOIN resident r ON r.household_id = hh.id AND r.register_status = 'active'
      LEFT JOIN resident_priority rp ON rp.profile = 'national' AND rp.resident_id = r.id
      WHERE e.id = ?
      """;
  private static final String END =
      "UPDATE emergency SET ended_by = ?, ended_at = now(), end_reason = ? WHERE id = ? AND ended_at IS NULL";
  private static final String LIST =
      """
      SELECT e.id, e.level, e.hazard_types, e.reason, e.declared_at, e.ended_at,
             (SELECT count(*) FROM safety_check c WHERE c.emergency_id = e.id)
      FROM emergency e WHERE (? OR e.ended_at IS NULL) ORDER BY e.declared_at DESC LIMIT 100
      """;

  private final DataSource dataSource;

  public EmergencyStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Declares an emergency and opens its checks; returns the emergency. */
  public Emergency declare(String municipalityCode, EmergencyLevel level, List<String> hazardTypes, Geometry area,
      String reason, long userId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long id;
        try (PreparedStatement ps = c.prepareStatement(DECLARE)) {
          ps.setString(1, municipalityCode);
          ps.setString(2, level.code());
          ps.setArray(3, c.createArrayOf("text", hazardTypes.toArray()));
          ps.setBytes(4, Wkb.of(area));
          ps.setString(5, reason);
          ps.setLong(6, userId);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(OPEN_CHECKS)) {
          ps.setLong(1, id);
          ps.executeUpdate();
        }
        c.commit();
        return find(id).orElseThrow();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Ends an emergency; false when it had already ended or does not exist. */
  public boolean end(long id, long userId, String reason) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(END)) {
      ps.setLong(1, userId);
      ps.setString(2, reason);
      ps.setLong(3, id);
      return ps.executeUpdate() == 1;
    }
  }

  public List<Emergency> list(boolean includeEnded) throws SQLException {
    List<Emergency> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LIST)) {
      ps.setBoolean(1, includeEnded);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          java.sql.Timestamp ended = rs.getTimestamp(6);
          out.add(new Emergency(rs.getLong(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
              rs.getString(4), rs.getTimestamp(5).toInstant(), ended == null ? null : ended.toInstant(), rs.getLong(7)));
        }
      }
    }
    return out;
  }

  public Optional<Emergency> find(long id) throws SQLException {
    return list(true).stream().filter(e -> e.id() == id).findFirst();
  }
}
