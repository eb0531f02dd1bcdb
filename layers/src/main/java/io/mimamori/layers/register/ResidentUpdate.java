package io.mimamori.layers.register;

/** A stored resident to update through {@link RegisterImportStore}, with the version the caller read. */
public record ResidentUpdate(ResidentRow row, int expectedVersion) {}
