package io.mimamori.data.imports;

/** What an import does when some rows of a file are rejected. */
public enum ImportMode {
  /** Any rejected row stores nothing: the outcome is REJECTED and the database is left as it was. */
  ALL_OR_NOTHING,
  /** The valid rows are stored and the rejected ones reported. */
  KEEP_VALID
}
