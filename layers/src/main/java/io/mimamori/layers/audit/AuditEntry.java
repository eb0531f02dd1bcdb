package io.mimamori.layers.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One access to personal data: who (user id and login, or none for the system), what action on
 * which records of which type, for what purpose, when and from where. Never the data itself.
 * {@code detail} (may be null) holds facts that are not personal data, such as a file name and row
 * counts of an import.
 */
public record AuditEntry(
    Instant at, Long userId, String login, String action, String purpose, String recordType, List<Long> recordIds,
    String clientAddress, String detail) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(recordType, "recordType");
    recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
    at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /** An entry without detail. */
  public AuditEntry(
      Instant at, Long userId, String login, String action, String purpose, String recordType, List<Long> recordIds,
      String clientAddress) {
    this(at, userId, login, action, purpose, recordType, recordIds, clientAddress, null);
  }
}
