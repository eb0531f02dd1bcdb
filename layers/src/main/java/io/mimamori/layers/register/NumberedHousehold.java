package io.mimamori.layers.register;

/**
 * A household to insert or update through {@link RegisterImportStore}: the row (its {@code id} is the
 * stored id; a null {@code districtId} means "the district whose polygon holds the home point") and
 * the municipality's household number (世帯番号), or null.
 */
public record NumberedHousehold(String householdNo, HouseholdRow row) {

  public NumberedHousehold {
    if (householdNo != null && householdNo.isBlank()) {
      throw new IllegalArgumentException("a household number is null or not blank");
    }
  }
}
