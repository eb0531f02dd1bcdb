package io.mimamori.layers.shelterops;

/**
 * A shelter operation refused because of the records it touches: an unknown record, a state that
 * does not allow it (a closed shelter, a stay already checked out, a transfer already decided), or
 * a value that does not fit (named by its field).
 */
public final class ShelterOpsException extends RuntimeException {

  /** What kind of refusal: the server answers 404, 409 or 400. */
  public enum Kind { NOT_FOUND, CONFLICT, INVALID }

  private final Kind kind;
  private final String field;

  private ShelterOpsException(Kind kind, String field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  public static ShelterOpsException notFound(String message) {
    return new ShelterOpsException(Kind.NOT_FOUND, null, message);
  }

  public static ShelterOpsException conflict(String message) {
    return new ShelterOpsException(Kind.CONFLICT, null, message);
  }

  public static ShelterOpsException invalid(String field, String message) {
    return new ShelterOpsException(Kind.INVALID, field, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The request field at fault, for {@link Kind#INVALID}. */
  public String field() {
    return field;
  }
}
