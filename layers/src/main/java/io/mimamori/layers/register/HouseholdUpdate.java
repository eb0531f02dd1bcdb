package io.mimamori.layers.register;

/** A stored household to update through {@link RegisterImportStore}, with the version the caller read. */
public record HouseholdUpdate(NumberedHousehold household, int expectedVersion) {}
