package io.mimamori.data.imports.register;

import java.util.Objects;

/**
 * Who loads a register file, as the audit log records it: an account (its id and login), or, with
 * no account named, the operating-system user of the process ({@code cli:<user>}, no id).
 */
public record ImportOperator(Long userId, String login) {

  public ImportOperator {
    Objects.requireNonNull(login, "login");
  }

  /** The operating-system user running this process. */
  public static ImportOperator osUser() {
    return new ImportOperator(null, "cli:" + System.getProperty("user.name", "unknown"));
  }
}
