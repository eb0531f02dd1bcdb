package io.mimamori.layers.register;

/**
 * A stored household as a register import sees it: the row as written ({@link HouseholdRow}, with
 * its stored id), its number (世帯番号, null when it has none), version and how many residents live
 * there.
 */
public record StoredHousehold(HouseholdRow row, String householdNo, int version, int residents) {

  public long id() {
    return row.id();
  }
}
