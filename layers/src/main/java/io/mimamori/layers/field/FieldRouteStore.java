package io.mimamori.layers.field;

import io.mimamori.layers.field.SupporterRoute.NearbyShelter;
import io.mimamori.layers.field.VisitStop.Destination;
import io.mimamori.layers.geo.LonLat;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The supporter's side of a published route: the route they work now ({@link #current}), with the
 * register details each visit needs, and a short tag of its state ({@link #tag}) that a phone polls
 * without receiving any personal data. Reads only; the dispatcher publishes through {@code
 * PublishedRouteStore}.
 */
public final class FieldRouteStore {

  /**
   * The state of a supporter's current route: its {@link #tag} and the residents of its stops (by
   * id, ascending), so the caller can fold their disclosure decisions into what the phone polls.
   */
  public record RouteState(String tag, List<Long> residentIds) {
    public RouteState {
      residentIds = List.copyOf(residentIds);
    }
  }

  /** The supporter's newest revision in the newest active emergency that gave them a route. */
  private static final String HEAD =
      """
      SELECT r.id, r.emergency_id, e.level, e.hazard_types, e.declared_at, r.revision, r.travel_profile,
             ST_AsGeoJSON(r.geom, 6), r.published_at
      FROM published_route r JOIN emergency e ON e.id = r.emergency_id
      WHERE r.supporter_id = ? AND e.ended_at IS NULL
      ORDER BY e.declared_at DESC, e.id DESC, r.revision DESC
      LIMIT 1
      """;
  private static final String TAG =
      """
      WITH head AS (
        SELECT r.id, r.emergency_id, r.revision
        FROM published_route r JOIN emergency e ON e.id = r.emergency_id
        WHERE r.supporter_id = ? AND e.ended_at IS NULL
        ORDER BY e.declared_at DESC, e.id DESC, r.revision DESC
        LIMIT 1)
      SELECT h.emergency_id, h.revision, count(c.id), coalesce(sum(c.version), 0),
             array_remove(array_agg(c.resident_id ORDER BY c.resident_id), NULL)
      FROM head h LEFT JOIN published_stop s ON s.route_id = h.id LEFT JOIN safety_check c ON c.id = s.safety_check_id
      GROUP BY h.emergency_id, h.revision
      """;
  private static final String STOPS =
      """
      SELECT s.seq, c.id, c.resident_id, s.planned_arrival, c.status, c.escalated, c.updated_at, c.evacuated_to_shelter_id,
             r.family_name, r.given_name, r.family_name_kana, r.given_name_kana, hh.address, ST_X(hh.geom), ST_Y(hh.geom),
             r.phone, r.care_level, r.disability_types, r.physical_disability_grade, r.severe_motor_intellectual,
             r.medical_devices, r.ventilator_24h, r.needs_info_support, r.needs_decision_support, hh.member_count,
             p.destination_kind, p.destination_shelter_id, sh.name, ST_X(sh.geom), ST_Y(sh.geom), p.destination_note,
             p.items_to_carry
      FROM published_stop s
      JOIN safety_check c ON c.id = s.safety_check_id
      JOIN resident r ON r.id = c.resident_id
      JOIN household hh ON hh.id = r.household_id
      LEFT JOIN evacuation_plan p ON p.resident_id = r.id AND p.status <> 'refused'
      LEFT JOIN shelter sh ON sh.id = p.destination_shelter_id
      WHERE s.route_id = ?
      ORDER BY s.seq
      """;
  /** Shelters within about 2 km of the route's homes, nearest to their middle first. */
  private static final String SHELTERS_NEAR =
      """
      WITH homes AS (
        SELECT hh.geom FROM published_stop s
        JOIN safety_check c ON c.id = s.safety_check_id
        JOIN resident r ON r.id = c.resident_id
        JOIN household hh ON hh.id = r.household_id
        WHERE s.route_id = ?),
      area AS (SELECT ST_Expand(ST_Extent(geom)::geometry, 0.02) AS box, ST_Centroid(ST_Collect(geom)) AS middle FROM homes)
      SELECT sh.id, sh.name, sh.kind, ST_X(sh.geom), ST_Y(sh.geom)
      FROM shelter sh, area
      WHERE area.box IS NOT NULL AND sh.geom && area.box
      ORDER BY sh.geom <-> area.middle, sh.id
      LIMIT ?
      """;

  private final DataSource dataSource;

  public FieldRouteStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The route the supporter works now, with up to {@code shelterLimit} shelters around it; empty
   * when no active emergency has published one to them.
   */
  public Optional<SupporterRoute> current(long supporterId, int shelterLimit) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // head, stops and shelters of one moment
      c.setReadOnly(true);
      try {
        Optional<SupporterRoute> out = read(c, supporterId, shelterLimit);
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * A short tag that changes whenever the supporter's current route changes: another emergency or
   * revision, or any report or assignment change on one of its checks. "none" without a route.
   */
  public String tag(long supporterId) throws SQLException {
    return state(supporterId).tag();
  }

  /** The {@link #tag} with the residents of the route's stops; no residents without a route. */
  public RouteState state(long supporterId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(TAG)) {
      ps.setLong(1, supporterId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new RouteState("none", List.of());
        }
        String tag = "e" + rs.getLong(1) + "-r" + rs.getInt(2) + "-n" + rs.getLong(3) + "-v" + rs.getLong(4);
        return new RouteState(tag, List.of((Long[]) rs.getArray(5).getArray()));
      }
    }
  }

  private static Optional<SupporterRoute> read(Connection c, long supporterId, int shelterLimit) throws SQLException {
    long routeId;
    long emergencyId;
    String level;
    List<String> hazards;
    Instant declaredAt;
    int revision;
    String profile;
    String geometry;
    Instant publishedAt;
    try (PreparedStatement ps = c.prepareStatement(HEAD)) {
      ps.setLong(1, supporterId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        routeId = rs.getLong(1);
        emergencyId = rs.getLong(2);
        level = rs.getString(3);
        hazards = List.copyOf(strings(rs.getArray(4)));
        declaredAt = rs.getTimestamp(5).toInstant();
        revision = rs.getInt(6);
        profile = rs.getString(7);
        geometry = rs.getString(8);
        publishedAt = rs.getTimestamp(9).toInstant();
      }
    }
    List<VisitStop> stops = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(STOPS)) {
      ps.setLong(1, routeId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stops.add(stop(rs));
        }
      }
    }
    List<NearbyShelter> shelters = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SHELTERS_NEAR)) {
      ps.setLong(1, routeId);
      ps.setInt(2, shelterLimit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          shelters.add(new NearbyShelter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5)));
        }
      }
    }
    return Optional.of(new SupporterRoute(routeId, emergencyId, level, hazards, declaredAt, revision, profile, geometry,
        publishedAt, stops, shelters));
  }

  private static VisitStop stop(ResultSet rs) throws SQLException {
    String kanaFamily = rs.getString(11);
    String kanaGiven = rs.getString(12);
    String kana = kanaFamily == null && kanaGiven == null ? null
        : (kanaFamily == null ? "" : kanaFamily) + " " + (kanaGiven == null ? "" : kanaGiven);
    CareFacts care = new CareFacts(rs.getString(17), Set.copyOf(strings(rs.getArray(18))), (Integer) rs.getObject(19),
        rs.getBoolean(20), Set.copyOf(strings(rs.getArray(21))), rs.getBoolean(22), rs.getBoolean(23), rs.getBoolean(24));
    String destinationKind = rs.getString(26);
    Destination destination = null;
    if (destinationKind != null) {
      Long shelterId = (Long) rs.getObject(27);
      LonLat at = shelterId == null ? null : LonLat.of(rs.getDouble(29), rs.getDouble(30));
      destination = new Destination(destinationKind, shelterId, rs.getString(28), at, rs.getString(31));
    }
    Timestamp planned = rs.getTimestamp(4);
    return new VisitStop(rs.getInt(1), rs.getLong(2), rs.getLong(3), planned == null ? null : planned.toInstant(),
        rs.getString(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant(), (Long) rs.getObject(8),
        (rs.getString(9) + " " + rs.getString(10)).trim(), kana == null ? null : kana.trim(), rs.getString(13),
        LonLat.of(rs.getDouble(14), rs.getDouble(15)), rs.getString(16), care, rs.getInt(25), destination,
        strings(rs.getArray(32)));
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }
}
