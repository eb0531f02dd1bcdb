package io.mimamori.layers.shelterops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Shelter events in id order, for the HQ screens' event stream. Their ids come from the same
 * sequence as the safety-check events, so one Last-Event-ID resumes both.
 */
public final class ShelterEventStore {

  private static final String AFTER =
      """
      SELECT id, shelter_id, opening_id, emergency_id, kind, stay_id, transfer_id, is_open, occupied, capacity_persons,
             level, level_before, recorded_at
      FROM shelter_event WHERE id > ? AND id <= ? ORDER BY id LIMIT ?
      """;

  private final DataSource dataSource;

  public ShelterEventStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Events with ids in {@code (afterId, upTo]}, oldest first, up to {@code limit}; {@code upTo} is an
   * {@code EventSequence.horizon} read before, below which no event can still appear.
   */
  public List<ShelterEvent> eventsAfter(long afterId, long upTo, int limit) throws SQLException {
    List<ShelterEvent> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(AFTER)) {
      ps.setLong(1, afterId);
      ps.setLong(2, upTo);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(ShelterEvents.read(rs, false));
        }
      }
    }
    return out;
  }
}
