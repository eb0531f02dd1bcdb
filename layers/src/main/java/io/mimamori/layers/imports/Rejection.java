package io.mimamori.layers.imports;

/**
 * One rejected row or feature: where (file, row or feature number counted from 1, field) and why.
 * The reason never repeats a personal value (a name, an address, a condition); it says what was
 * expected.
 */
public record Rejection(String file, int row, String field, String reason) {

  @Override
  public String toString() {
    return file + ": row " + row + (field == null ? "" : ", field " + field) + ": " + reason;
  }
}
