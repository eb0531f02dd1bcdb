package io.mimamori.layers.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.db.DatabaseConfig;
import io.mimamori.layers.testing.TestPostgis;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditLogIT {

  @Test
  void anIntactChainVerifiesAndEntriesAreFoundByRecord() throws Exception {
    try (Database db = Database.open(TestPostgis.freshDatabase("audit_ok"), 4)) {
      AuditLog log = new AuditLog(db.dataSource());
      log.append(entries(50));
      log.append(List.of(entry(7, List.of(4200L, 4300L))));
      log.append(List.of(new AuditEntry(Instant.now(), null, "unknown.login", "login_failed", "authentication", "account", List.of(), null)));
      AuditLog.Verification v = log.verify();
      assertThat(v.intact()).isTrue();
      assertThat(v.entriesChecked()).isEqualTo(52);
      assertThat(log.about("resident", 4200, 10)).singleElement().satisfies(e -> {
        assertThat(e.login()).isEqualTo("user7");
        assertThat(e.purpose()).isEqualTo("plan_review");
      });
    }
  }

  @Test
  void updatesAndDeletesAreRefused() throws Exception {
    try (Database db = Database.open(TestPostgis.freshDatabase("audit_refuse"), 4)) {
      new AuditLog(db.dataSource()).append(entries(3));
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute("UPDATE audit_log SET purpose = 'x' WHERE seq = 2")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> s.execute("DELETE FROM audit_log WHERE seq = 2")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> s.execute("TRUNCATE audit_log")).hasMessageContaining("append-only");
      }
    }
  }

  @Test
  void aTamperedEntryIsTheFirstBrokenLink() throws Exception {
    DatabaseConfig cfg = TestPostgis.freshDatabase("audit_tamper");
    try (Database db = Database.open(cfg, 4)) {
      AuditLog log = new AuditLog(db.dataSource());
      log.append(entries(20));
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        // an attacker with superuser rights switches the guard off and edits entry 12
        s.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete");
        s.execute("UPDATE audit_log SET record_ids = '{999}' WHERE seq = 12");
        s.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");
      }
      AuditLog.Verification v = log.verify();
      assertThat(v.firstBrokenSeq()).contains(12L);
      assertThat(v.entriesChecked()).isEqualTo(11);
      assertThat(v.reason()).contains("changed");
    }
  }

  @Test
  void aRemovedEntryIsDetected() throws Exception {
    try (Database db = Database.open(TestPostgis.freshDatabase("audit_remove"), 4)) {
      AuditLog log = new AuditLog(db.dataSource());
      log.append(entries(10));
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete");
        s.execute("DELETE FROM audit_log WHERE seq = 5");
      }
      assertThat(log.verify().firstBrokenSeq()).contains(5L);
    }
  }

  private static List<AuditEntry> entries(int n) {
    List<AuditEntry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(entry(i, List.of((long) i)));
    }
    return out;
  }

  private static AuditEntry entry(int user, List<Long> ids) {
    return new AuditEntry(Instant.now(), (long) user, "user" + user, "read", "plan_review", "resident", ids, "127.0.0.1");
  }
}
