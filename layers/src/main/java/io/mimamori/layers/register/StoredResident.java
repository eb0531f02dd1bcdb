package io.mimamori.layers.register;

/**
 * A resident already stored, as a register import sees it: the row as stored (stored ids), its
 * version (for optimistic locking), and its household's number (null when it has none), address and
 * number of residents.
 */
public record StoredResident(
    ResidentRow row, int version, String householdNo, String householdAddress, int householdResidents) {

  public long id() {
    return row.id();
  }

  public String registerNo() {
    return row.registerNo();
  }
}
