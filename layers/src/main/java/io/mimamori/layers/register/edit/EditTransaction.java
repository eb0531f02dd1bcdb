package io.mimamori.layers.register.edit;

import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.db.DerivedDataLock;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * One edit of the register as one transaction: it waits for a running register import, shares the
 * derived-data lock with other edits, runs the edit, and commits only an edit that changed
 * something; anything else (a conflict, a refusal, a rejected value, a failure) rolls back, so
 * nothing is ever half-written. {@link #finish} writes what every applied edit writes besides the
 * record: its history row, its audit entry, the fresh priority scores and plan checks.
 */
final class EditTransaction {

  /** Waits for a register import (which holds SHARE ROW EXCLUSIVE) instead of deadlocking with it. */
  private static final String WAIT_FOR_IMPORTS = "LOCK TABLE household, resident IN ROW EXCLUSIVE MODE";

  @FunctionalInterface
  interface Work {
    EditOutcome run(Connection c) throws SQLException;
  }

  private EditTransaction() {}

  static EditOutcome run(DataSource dataSource, Work work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute(WAIT_FOR_IMPORTS);
        }
        DerivedDataLock.shared(c);
        EditOutcome outcome = work.run(c);
        if (outcome instanceof EditOutcome.Applied a && !a.changed().isEmpty()) {
          c.commit();
        } else {
          c.rollback();
        }
        return outcome;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /**
   * What every applied edit writes besides the record, in its transaction: the history row, the
   * audit entry (field names only, never values), and the priority scores and plan checks of the
   * households it can move ({@code earlierDestinations}: their plans' destinations before the edit).
   */
  static void finish(Connection c, Change change, Actor actor, Collection<Long> households,
      Collection<Long> earlierDestinations, LocalDate today) throws SQLException {
    ChangeHistoryStore.record(c, change.entity(), change.entityId(), change.residentId(), change.version(), actor,
        change.before(), change.after());
    boolean aboutResident = change.residentId() != null;
    String recordType = aboutResident ? "resident" : change.entity();
    long recordId = aboutResident ? change.residentId() : change.entityId();
    String detail = change.entity() + " " + change.entityId() + " version " + change.version() + ": "
        + String.join(", ", change.fields());
    AuditLog.append(c, List.of(new AuditEntry(Instant.now(), actor.userId(), actor.login(), change.action(),
        actor.purpose(), recordType, List.of(recordId), actor.clientAddress(), detail)));
    PriorityStore.rescoreHouseholds(c, households);
    PlanCheckStore.recheckHouseholds(c, today, households, earlierDestinations);
  }

  /** One applied change: the record's snapshots before ('{}' when new) and after, and the fields that changed. */
  record Change(String action, String entity, long entityId, Long residentId, int version, List<String> fields,
      String before, String after) {}

  /** Runs a query whose rows are ids (one parameter, the given id). */
  static List<Long> ids(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (var rs = ps.executeQuery()) {
        List<Long> out = new java.util.ArrayList<>();
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
        return out;
      }
    }
  }
}
