package io.mimamori.layers.emergency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The live-event numbering shared by safety-check events and shelter events (one sequence, V15),
 * and how far a reader may go in it without skipping an event. Ids are drawn when a writer inserts
 * and become visible when it commits, so two writers at once can make id 102 visible before 101;
 * a reader that keeps only the last id it has (the HQ screens) must stop before 101's place until
 * it is committed or gone. Every statement adding events holds one advisory lock, shared, from
 * before its ids are drawn to its commit (V17 for checks, V19 for shelters), so writers never wait
 * for each other, and a reader that finds a gap asks for the lock exclusively without waiting: if
 * it gets it, no writer is at work and the gap is a rolled-back id.
 */
public final class EventSequence {

  /** The ids of both event tables above a given id, in order. */
  private static final String IDS_AFTER =
      """
      SELECT id FROM (
        (SELECT id FROM safety_check_event WHERE id > ? ORDER BY id LIMIT ?)
        UNION ALL
        (SELECT id FROM shelter_event WHERE id > ? ORDER BY id LIMIT ?)
      ) ids ORDER BY id LIMIT ?
      """;
  /** V17's lock taken exclusively, without waiting: true when no writer is at work. */
  private static final String NO_WRITER_AT_WORK = "SELECT pg_try_advisory_xact_lock(7370001)";

  private final DataSource dataSource;

  public EventSequence(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The highest id up to which every event above {@code afterId} is visible now (looking at most
   * {@code limit} ids ahead): events with ids in {@code (afterId, horizon]} may be sent, and a later
   * reading will find nothing new below the horizon. {@code afterId} itself when there is nothing
   * to send yet.
   */
  public long horizon(long afterId, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return horizon(c, afterId, limit);
    }
  }

  static long horizon(Connection c, long afterId, int limit) throws SQLException {
    long[] ids = idsAfter(c, afterId, limit);
    long consecutive = afterId;
    for (long id : ids) {
      if (id != consecutive + 1) {
        break;
      }
      consecutive = id;
    }
    if (ids.length == 0 || consecutive == ids[ids.length - 1]) {
      return consecutive;
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      boolean quiet;
      try (PreparedStatement ps = c.prepareStatement(NO_WRITER_AT_WORK); ResultSet rs = ps.executeQuery()) {
        rs.next();
        quiet = rs.getBoolean(1);
      }
      long horizon = consecutive;
      if (quiet) { // every id drawn so far is committed or rolled back: read again under the lock
        long[] again = idsAfter(c, afterId, limit);
        horizon = again.length == 0 ? afterId : again[again.length - 1];
      }
      c.commit(); // lets writers on
      return horizon;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static long[] idsAfter(Connection c, long afterId, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(IDS_AFTER)) {
      ps.setLong(1, afterId);
      ps.setInt(2, limit);
      ps.setLong(3, afterId);
      ps.setInt(4, limit);
      ps.setInt(5, limit);
      try (ResultSet rs = ps.executeQuery()) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
        return out.stream().mapToLong(Long::longValue).toArray();
      }
    }
  }
}
