package io.mimamori.layers.shelterops;

import static io.mimamori.layers.shelterops.ShelterEvents.nullableLong;
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
 * Transfers from a shelter to a welfare or child welfare shelter after triage (the Kumamoto
 * procedure in the seeds: screening by visiting nurses, a request, the move). A request names the
 * party's stay and the reason; the welfare shelter accepts or refuses it with a note; an accepted
 * transfer is moved when the party arrives: it checks out where it was and checks in at the
 * welfare shelter (as eligible), in one transaction. Requests, decisions and moves are shelter
 * events of the welfare shelter (the move also a check-out event where the party was).
 */
public final class TransferStore {

  private static final String STAY =
      """
      SELECT st.shelter_id, st.checked_out_at IS NULL, o.emergency_id
      FROM shelter_stay st JOIN shelter_opening o ON o.id = st.opening_id WHERE st.id = ?
      """;
  private static final String INSERT =
      """
      INSERT INTO shelter_transfer (emergency_id, from_shelter_id, from_stay_id, to_shelter_id, reason, requested_by)
      VALUES (?, ?, ?, ?, ?, ?) RETURNING id
      """;
  private static final String LOCK = "SELECT status, from_shelter_id, to_shelter_id, from_stay_id FROM shelter_transfer WHERE id = ? FOR UPDATE";
  private static final String DECIDE =
      "UPDATE shelter_transfer SET status = ?, decided_by = ?, decided_at = now(), decision_note = ? WHERE id = ?";
  private static final String STAY_PARTY =
      "SELECT resident_id, persons, family_members, checked_out_at IS NULL FROM shelter_stay WHERE id = ?";
  private static final String ARRIVE =
      """
      INSERT INTO shelter_stay (opening_id, shelter_id, resident_id, persons, family_members, eligibility, checked_in_by)
      VALUES (?, ?, ?, ?, ?, 'eligible', ?) RETURNING id
      """;
  private static final String MOVED =
      "UPDATE shelter_transfer SET status = 'moved', moved_by = ?, moved_at = now(), to_stay_id = ? WHERE id = ?";
  private static final String SELECT =
      """
      SELECT t.id, t.emergency_id, t.from_shelter_id, t.from_stay_id, t.to_shelter_id, st.resident_id, st.persons,
             st.family_members, t.reason, t.status, t.requested_at, t.decided_at, t.decision_note, t.moved_at, t.to_stay_id
      FROM shelter_transfer t JOIN shelter_stay st ON st.id = t.from_stay_id
      """;
  private static final String BY_ID = SELECT + " WHERE t.id = ?";
  /** Parameters: shelters (three times, null: all), status (twice, null: all), limit. */
  private static final String LIST = SELECT
      + """
         WHERE (?::bigint[] IS NULL OR t.from_shelter_id = ANY (?) OR t.to_shelter_id = ANY (?))
           AND (?::text IS NULL OR t.status = ?)
         ORDER BY t.id DESC LIMIT ?
        """;

  private final DataSource dataSource;

  public TransferStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Asks a welfare shelter to take the party of a stay; the event (at the welfare shelter) names the transfer. */
  public ShelterEvent request(long fromStayId, long toShelterId, String reason, long userId) throws SQLException {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw ShelterOpsException.invalid("reason", "reason (the triage finding) is 1 to 500 characters");
    }
    return Transactions.run(dataSource, c -> {
      long fromShelter;
      Long emergency;
      try (PreparedStatement ps = c.prepareStatement(STAY)) {
        ps.setLong(1, fromStayId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw ShelterOpsException.invalid("from_stay_id", "No stay " + fromStayId);
          }
          if (!rs.getBoolean(2)) {
            throw ShelterOpsException.conflict("Stay " + fromStayId + " has already checked out");
          }
          fromShelter = rs.getLong(1);
          emergency = nullableLong(rs, 3);
        }
      }
      if (fromShelter == toShelterId) {
        throw ShelterOpsException.invalid("to_shelter_id", "the party is already at shelter " + toShelterId);
      }
      ShelterEvents.Locked to;
      try {
        to = ShelterEvents.lock(c, toShelterId);
      } catch (ShelterOpsException e) {
        throw ShelterOpsException.invalid("to_shelter_id", e.getMessage());
      }
      if (!to.welfare()) {
        throw ShelterOpsException.invalid("to_shelter_id", "transfers go to welfare or child welfare shelters; shelter "
            + toShelterId + " is a " + to.kind());
      }
      long id;
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        setLong(ps, 1, emergency);
        ps.setLong(2, fromShelter);
        ps.setLong(3, fromStayId);
        ps.setLong(4, toShelterId);
        ps.setString(5, reason);
        ps.setLong(6, userId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      } catch (SQLException e) {
        if ("23505".equals(e.getSQLState())) {
          throw ShelterOpsException.conflict("Stay " + fromStayId + " already has a transfer requested or accepted");
        }
        throw e;
      }
      return ShelterEvents.record(c, to, "transfer_requested", fromStayId, id, userId, null, null);
    });
  }

  /** The welfare shelter accepts or refuses a requested transfer. */
  public ShelterEvent decide(long transferId, boolean accept, String note, long userId) throws SQLException {
    if (note != null && note.length() > 500) {
      throw ShelterOpsException.invalid("note", "note is at most 500 characters");
    }
    if (!accept && (note == null || note.isBlank())) {
      throw ShelterOpsException.invalid("note", "a refusal says why (note)");
    }
    return Transactions.run(dataSource, c -> {
      Locked t = lockTransfer(c, transferId);
      if (!t.status.equals("requested")) {
        throw ShelterOpsException.conflict("Transfer " + transferId + " is " + t.status + ", no longer requested");
      }
      ShelterEvents.Locked to = ShelterEvents.lock(c, t.toShelter);
      try (PreparedStatement ps = c.prepareStatement(DECIDE)) {
        ps.setString(1, accept ? "accepted" : "refused");
        ps.setLong(2, userId);
        ps.setString(3, note);
        ps.setLong(4, transferId);
        ps.executeUpdate();
      }
      return ShelterEvents.record(c, to, accept ? "transfer_accepted" : "transfer_refused", t.fromStay, transferId, userId,
          null, null);
    });
  }

  /**
   * The party of an accepted transfer has arrived: checked out where it was (if still there) and
   * in at the welfare shelter, which must be open. Returns the welfare shelter's event (naming the
   * new stay).
   */
  public ShelterEvent moved(long transferId, long userId) throws SQLException {
    return Transactions.run(dataSource, c -> {
      Locked t = lockTransfer(c, transferId);
      if (!t.status.equals("accepted")) {
        throw ShelterOpsException.conflict("Transfer " + transferId + " is " + t.status + "; only an accepted one moves");
      }
      ShelterEvents.Locked[] both = ShelterEvents.lockBoth(c, t.fromShelter, t.toShelter);
      ShelterEvents.Locked from = both[0];
      ShelterEvents.Locked to = both[1];
      if (to.openingId() == null) {
        throw ShelterOpsException.conflict("Shelter " + t.toShelter + " is not open: open it before the party arrives");
      }
      Long resident;
      int persons;
      int family;
      boolean present;
      try (PreparedStatement ps = c.prepareStatement(STAY_PARTY)) {
        ps.setLong(1, t.fromStay);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          resident = nullableLong(rs, 1);
          persons = rs.getInt(2);
          family = rs.getInt(3);
          present = rs.getBoolean(4);
        }
      }
      if (present) {
        ShelterOpsStore.checkOutLocked(c, t.fromStay, userId);
        ShelterEvents.record(c, from, "checked_out", t.fromStay, transferId, userId, null, null);
      }
      long stay;
      try (PreparedStatement ps = c.prepareStatement(ARRIVE)) {
        ps.setLong(1, to.openingId());
        ps.setLong(2, t.toShelter);
        setLong(ps, 3, resident);
        ps.setInt(4, persons);
        ps.setInt(5, family);
        ps.setLong(6, userId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          stay = rs.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(MOVED)) {
        ps.setLong(1, userId);
        ps.setLong(2, stay);
        ps.setLong(3, transferId);
        ps.executeUpdate();
      }
      return ShelterEvents.record(c, to, "transfer_moved", stay, transferId, userId, null, null);
    });
  }

  public Optional<Transfer> find(long transferId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BY_ID)) {
      ps.setLong(1, transferId);
      List<Transfer> one = read(ps);
      return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }
  }

  /** Transfers from or to any of the shelters (null: any shelter), in a status (null: any), newest first. */
  public List<Transfer> list(java.util.Collection<Long> shelterIds, String status, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LIST)) {
      java.sql.Array ids = shelterIds == null ? null : c.createArrayOf("bigint", shelterIds.toArray());
      for (int i = 1; i <= 3; i++) {
        if (ids == null) {
          ps.setNull(i, java.sql.Types.ARRAY);
        } else {
          ps.setArray(i, ids);
        }
      }
      ps.setString(4, status);
      ps.setString(5, status);
      ps.setInt(6, limit);
      return read(ps);
    }
  }

  private record Locked(String status, long fromShelter, long toShelter, long fromStay) {}

  private static Locked lockTransfer(Connection c, long transferId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LOCK)) {
      ps.setLong(1, transferId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ShelterOpsException.notFound("No transfer " + transferId);
        }
        return new Locked(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
      }
    }
  }

  private static List<Transfer> read(PreparedStatement ps) throws SQLException {
    List<Transfer> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Transfer(rs.getLong(1), nullableLong(rs, 2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            nullableLong(rs, 6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getString(10),
            rs.getTimestamp(11).toInstant(), instant(rs.getTimestamp(12)), rs.getString(13), instant(rs.getTimestamp(14)),
            nullableLong(rs, 15)));
      }
    }
    return out;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
