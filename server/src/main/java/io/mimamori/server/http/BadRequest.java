package io.mimamori.server.http;

/** A request the client must correct: answered 400 with the parameter and what was expected. */
public final class BadRequest extends RuntimeException {
  private final String parameter;

  public BadRequest(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
