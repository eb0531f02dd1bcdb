package io.mimamori.layers.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Orders the passes that rebuild derived data (priority scores, plan check failures) for the whole
 * register against the edits that refresh them for a few households: a whole pass holds the lock
 * alone, edits share it, both until their transaction ends. So a whole pass never replaces an
 * edit's fresh scores with ones computed from the data before the edit.
 */
public final class DerivedDataLock {

  private static final long KEY = 0x6d696d2d64657276L; // "mim-derv"

  private DerivedDataLock() {}

  /** For a pass over the whole register. */
  public static void exclusive(Connection c) throws SQLException {
    take(c, "SELECT pg_advisory_xact_lock(?)");
  }

  /** For an edit that refreshes what it changed. */
  public static void shared(Connection c) throws SQLException {
    take(c, "SELECT pg_advisory_xact_lock_shared(?)");
  }

  private static void take(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, KEY);
      ps.execute();
    }
  }
}
