package io.mimamori.data.imports;

/**
 * Why one row or feature cannot be imported: the field and what was expected. Readers throw it
 * while checking a row and turn it into a {@link io.mimamori.layers.imports.Rejection}; it never
 * carries the offending value when that value could be personal.
 */
public final class RowProblem extends Exception {

  private final String field;

  public RowProblem(String field, String reason) {
    super(reason, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return getMessage();
  }
}
