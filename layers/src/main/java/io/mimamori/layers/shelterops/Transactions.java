package io.mimamori.layers.shelterops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** One transaction per shelter change, rolled back on any failure; optionally idempotent by key. */
final class Transactions {

  private Transactions() {}

  static <T> T run(DataSource dataSource, ShelterOpsStore.Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * As {@link #run}, except that a key seen before answers the event it recorded (marked
   * duplicate), also when the same request arrives twice at once and the other copy commits first.
   */
  static ShelterEvent idempotent(DataSource dataSource, String key, ShelterOpsStore.Work<ShelterEvent> work)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<ShelterEvent> seen = ShelterEvents.byKey(c, key);
        if (seen.isPresent()) {
          c.commit();
          return seen.get();
        }
        ShelterEvent result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException e) {
        c.rollback();
        if ("23505".equals(e.getSQLState()) && key != null) {
          c.setAutoCommit(true);
          Optional<ShelterEvent> seen = ShelterEvents.byKey(c, key);
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
}
