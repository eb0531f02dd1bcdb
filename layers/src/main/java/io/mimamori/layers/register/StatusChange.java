package io.mimamori.layers.register;

/**
 * A register status to set through {@link RegisterImportStore} (moved_away, deceased,
 * in_care_facility or active), with the version the caller read.
 */
public record StatusChange(long residentId, String status, int expectedVersion) {

  public StatusChange {
    RowChecks.oneOf(status, ResidentRow.REGISTER_STATUSES, "register_status");
  }
}
