package io.mimamori.layers.register.edit;

/**
 * An edit the caller must correct: the field (as the API names it) and what was expected. The
 * message never repeats the value that was sent (it may be personal data).
 */
public final class EditRejected extends IllegalArgumentException {
  private final String field;

  public EditRejected(String field, String reason) {
    super(reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
