package io.mimamori.layers.shelterops;

import static io.mimamori.layers.shelterops.ShelterEvents.nullableInt;
import static io.mimamori.layers.shelterops.ShelterEvents.nullableLong;
import static io.mimamori.layers.shelterops.ShelterEvents.setInt;
import static io.mimamori.layers.shelterops.ShelterEvents.setLong;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Opening and closing shelters, checking parties in and out, and reading how full the shelters
 * are. Each change is one transaction that locks the shelter and records a {@link ShelterEvent};
 * check-ins and check-outs carry an optional idempotency key (a repeated request answers the first
 * one's event, marked duplicate). Refusals are {@link ShelterOpsException}s.
 */
public final class ShelterOpsStore {

  /** What a check-in says: {@code eligibility} null at ordinary shelters, and unconfirmed when unsaid at welfare ones. */
  public record CheckIn(Long residentId, int persons, int familyMembers, ArrivalEligibility eligibility) {}

  private static final String ACTIVE_EMERGENCY =
      "SELECT id, ended_at IS NULL FROM emergency WHERE id = ?";
  private static final String NEWEST_ACTIVE_EMERGENCY =
      "SELECT id FROM emergency WHERE ended_at IS NULL ORDER BY declared_at DESC, id DESC LIMIT 1";
  private static final String OPEN =
      "INSERT INTO shelter_opening (shelter_id, emergency_id, capacity_persons, opened_by) VALUES (?, ?, ?, ?)";
  private static final String PRESENT = "SELECT occupied FROM shelter_occupancy WHERE opening_id = ?";
  private static final String CLOSE =
      "UPDATE shelter_opening SET closed_by = ?, closed_at = now() WHERE id = ? AND closed_at IS NULL";
  private static final String RESIDENT =
      """
      SELECT r.register_status,
             (SELECT st.shelter_id FROM shelter_stay st WHERE st.resident_id = r.id AND st.checked_out_at IS NULL LIMIT 1)
      FROM resident r WHERE r.id = ?
      """;
  private static final String INSERT_STAY =
      """
      INSERT INTO shelter_stay (opening_id, shelter_id, resident_id, persons, family_members, eligibility, checked_in_by)
      VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
      """;
  private static final String STAY_SHELTER = "SELECT shelter_id FROM shelter_stay WHERE id = ?";
  private static final String CHECK_OUT =
      "UPDATE shelter_stay SET checked_out_by = ?, checked_out_at = now() WHERE id = ? AND checked_out_at IS NULL";

  /** The state columns of {@link ShelterState}, over shelter s and shelter_occupancy o (an opening, or none). */
  private static final String STATE =
      """
      SELECT s.id, s.name, s.kind, o.opening_id, o.emergency_id, o.opened_at, o.closed_at,
             coalesce(o.capacity_persons, s.capacity_persons), s.capacity_children,
             coalesce(o.persons, 0), coalesce(o.family_members, 0), coalesce(o.occupied, 0), coalesce(o.eligible, 0),
             coalesce(o.not_eligible, 0), coalesce(o.unconfirmed, 0),
             CASE WHEN o.opening_id IS NULL OR o.closed_at IS NOT NULL THEN 'closed' ELSE o.level END,
             coalesce(t.arrivals, 0), coalesce(t.departures, 0)
      FROM shelter s
      %s
      LEFT JOIN LATERAL (
        SELECT sum(st.persons + st.family_members) AS arrivals,
               sum(st.persons + st.family_members) FILTER (WHERE st.checked_out_at IS NOT NULL) AS departures
        FROM shelter_stay st WHERE st.opening_id = o.opening_id
      ) t ON true
      """;
  private static final String STATE_OF = STATE.formatted(
      "LEFT JOIN shelter_occupancy o ON o.shelter_id = s.id AND o.closed_at IS NULL") + " WHERE s.id = ?";
  private static final String OPEN_STATES = STATE.formatted(
      "JOIN shelter_occupancy o ON o.shelter_id = s.id AND o.closed_at IS NULL") + " ORDER BY s.id";
  private static final String EMERGENCY_STATES = STATE.formatted(
      "JOIN shelter_occupancy o ON o.shelter_id = s.id AND o.emergency_id = ?") + " ORDER BY s.id, o.opening_id";
  private static final String STAYS =
      """
      SELECT st.id, st.shelter_id, st.opening_id, st.resident_id,
             CASE WHEN r.id IS NULL THEN NULL ELSE r.family_name || ' ' || r.given_name END,
             st.persons, st.family_members, st.eligibility, st.checked_in_at, st.checked_out_at
      FROM shelter_stay st LEFT JOIN resident r ON r.id = st.resident_id
      """;
  private static final String PRESENT_STAYS =
      STAYS + " JOIN shelter_opening o ON o.id = st.opening_id AND o.closed_at IS NULL"
          + " WHERE st.shelter_id = ? AND st.checked_out_at IS NULL ORDER BY st.id";
  private static final String STAY = STAYS + " WHERE st.id = ?";

  private final DataSource dataSource;

  public ShelterOpsStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Opens a shelter for {@code emergencyId} (an active emergency; null: the newest active one, or
   * none), with the places announced ({@code capacity} null: the published capacity).
   */
  public ShelterEvent open(long shelterId, Long emergencyId, Integer capacity, long userId) throws SQLException {
    return inTransaction(c -> {
      ShelterEvents.Locked before = ShelterEvents.lock(c, shelterId);
      if (before.openingId() != null) {
        throw ShelterOpsException.conflict("Shelter " + shelterId + " is already open");
      }
      Long emergency = emergencyId == null ? newestActiveEmergency(c) : activeEmergency(c, emergencyId);
      try (PreparedStatement ps = c.prepareStatement(OPEN)) {
        ps.setLong(1, shelterId);
        setLong(ps, 2, emergency);
        setInt(ps, 3, capacity);
        ps.setLong(4, userId);
        ps.executeUpdate();
      }
      return ShelterEvents.record(c, before, "opened", null, null, userId, null, null);
    });
  }

  /** Closes an open shelter; refused while anyone is still checked in. */
  public ShelterEvent close(long shelterId, long userId) throws SQLException {
    return inTransaction(c -> {
      ShelterEvents.Locked before = ShelterEvents.lock(c, shelterId);
      if (before.openingId() == null) {
        throw ShelterOpsException.conflict("Shelter " + shelterId + " is not open");
      }
      int present;
      try (PreparedStatement ps = c.prepareStatement(PRESENT)) {
        ps.setLong(1, before.openingId());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          present = rs.getInt(1);
        }
      }
      if (present > 0) {
        throw ShelterOpsException.conflict(present + " people are still checked in at shelter " + shelterId
            + ": check them out or transfer them first");
      }
      try (PreparedStatement ps = c.prepareStatement(CLOSE)) {
        ps.setLong(1, userId);
        ps.setLong(2, before.openingId());
        ps.executeUpdate();
      }
      return ShelterEvents.record(c, before, "closed", null, null, userId, null, before.openingId());
    });
  }

  /** Checks a party in at an open shelter; the event names the new stay. */
  public ShelterEvent checkIn(long shelterId, CheckIn in, long userId, String idempotencyKey) throws SQLException {
    if (in.persons() < 1 || in.persons() > 100) {
      throw ShelterOpsException.invalid("persons", "persons is 1 to 100");
    }
    if (in.familyMembers() < 0 || in.familyMembers() > 100) {
      throw ShelterOpsException.invalid("family_members", "family_members is 0 to 100");
    }
    return idempotent(idempotencyKey, c -> {
      ShelterEvents.Locked before = ShelterEvents.lock(c, shelterId);
      if (before.openingId() == null) {
        throw ShelterOpsException.conflict("Shelter " + shelterId + " is not open");
      }
      ArrivalEligibility eligibility = in.eligibility();
      if (!before.welfare() && eligibility != null) {
        throw ShelterOpsException.invalid("eligibility", "eligibility is recorded at welfare and child welfare shelters only");
      }
      if (before.welfare() && eligibility == null) {
        eligibility = ArrivalEligibility.UNCONFIRMED;
      }
      if (in.residentId() != null) {
        checkResident(c, in.residentId());
      }
      long stay;
      try (PreparedStatement ps = c.prepareStatement(INSERT_STAY)) {
        ps.setLong(1, before.openingId());
        ps.setLong(2, shelterId);
        setLong(ps, 3, in.residentId());
        ps.setInt(4, in.persons());
        ps.setInt(5, in.familyMembers());
        ps.setString(6, eligibility == null ? null : eligibility.code());
        ps.setLong(7, userId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          stay = rs.getLong(1);
        }
      }
      return ShelterEvents.record(c, before, "checked_in", stay, null, userId, idempotencyKey, null);
    });
  }

  /** Checks a present party out. */
  public ShelterEvent checkOut(long stayId, long userId, String idempotencyKey) throws SQLException {
    return idempotent(idempotencyKey, c -> {
      long shelterId = stayShelter(c, stayId);
      ShelterEvents.Locked before = ShelterEvents.lock(c, shelterId);
      checkOutLocked(c, stayId, userId);
      return ShelterEvents.record(c, before, "checked_out", stayId, null, userId, idempotencyKey, null);
    });
  }

  /** Checks a stay out inside the caller's transaction, its shelter already locked. */
  static void checkOutLocked(Connection c, long stayId, long userId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CHECK_OUT)) {
      ps.setLong(1, userId);
      ps.setLong(2, stayId);
      if (ps.executeUpdate() == 0) {
        throw ShelterOpsException.conflict("Stay " + stayId + " has already checked out");
      }
    }
  }

  /** The shelter a stay belongs to; unknown stay: not found. */
  static long stayShelter(Connection c, long stayId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(STAY_SHELTER)) {
      ps.setLong(1, stayId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ShelterOpsException.notFound("No stay " + stayId);
        }
        return rs.getLong(1);
      }
    }
  }

  /** A shelter's state now (closed shelters too); empty for an unknown shelter. */
  public Optional<ShelterState> state(long shelterId) throws SQLException {
    List<ShelterState> one = states(STATE_OF, shelterId);
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  /** Every shelter open now. */
  public List<ShelterState> openStates() throws SQLException {
    return states(OPEN_STATES, null);
  }

  /** Every opening for an emergency, open or since closed, by shelter. */
  public List<ShelterState> emergencyStates(long emergencyId) throws SQLException {
    return states(EMERGENCY_STATES, emergencyId);
  }

  /** The parties checked in at a shelter now, oldest first. */
  public List<Stay> presentStays(long shelterId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PRESENT_STAYS)) {
      ps.setLong(1, shelterId);
      return stays(ps);
    }
  }

  public Optional<Stay> findStay(long stayId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(STAY)) {
      ps.setLong(1, stayId);
      List<Stay> one = stays(ps);
      return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }
  }

  private List<ShelterState> states(String sql, Long param) throws SQLException {
    List<ShelterState> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) {
        ps.setLong(1, param);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ShelterState(rs.getLong(1), rs.getString(2), rs.getString(3), nullableLong(rs, 4),
              nullableLong(rs, 5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), nullableInt(rs, 8),
              nullableInt(rs, 9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15),
              CapacityLevel.fromCode(rs.getString(16)).orElseThrow(), rs.getInt(17), rs.getInt(18)));
        }
      }
    }
    return out;
  }

  static List<Stay> stays(PreparedStatement ps) throws SQLException {
    List<Stay> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String eligibility = rs.getString(8);
        out.add(new Stay(rs.getLong(1), rs.getLong(2), rs.getLong(3), nullableLong(rs, 4), rs.getString(5), rs.getInt(6),
            rs.getInt(7), eligibility == null ? null : ArrivalEligibility.fromCode(eligibility).orElseThrow(),
            rs.getTimestamp(9).toInstant(), instant(rs.getTimestamp(10))));
      }
    }
    return out;
  }

  private static void checkResident(Connection c, long residentId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RESIDENT)) {
      ps.setLong(1, residentId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ShelterOpsException.invalid("resident_id", "No resident " + residentId + " on the register");
        }
        if (!rs.getString(1).equals("active")) {
          throw ShelterOpsException.invalid("resident_id", "Resident " + residentId + " is no longer on the register");
        }
        Long at = nullableLong(rs, 2);
        if (at != null) {
          throw ShelterOpsException.conflict("Resident " + residentId + " is already checked in at shelter " + at);
        }
      }
    }
  }

  private static Long newestActiveEmergency(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(NEWEST_ACTIVE_EMERGENCY); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  private static Long activeEmergency(Connection c, long emergencyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ACTIVE_EMERGENCY)) {
      ps.setLong(1, emergencyId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ShelterOpsException.invalid("emergency_id", "No emergency " + emergencyId);
        }
        if (!rs.getBoolean(2)) {
          throw ShelterOpsException.invalid("emergency_id", "Emergency " + emergencyId + " has ended");
        }
        return emergencyId;
      }
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** Work done in one transaction. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(Work<T> work) throws SQLException {
    return Transactions.run(dataSource, work);
  }

  private ShelterEvent idempotent(String key, Work<ShelterEvent> work) throws SQLException {
    return Transactions.idempotent(dataSource, key, work);
  }
}
