package io.mimamori.server.auth;

import io.mimamori.layers.account.Account;
import io.mimamori.layers.account.Role;

/** Who is asking: the account behind a valid session, with the session's CSRF token. */
public record Principal(Account account, String csrfToken) {
  public boolean has(Role role) {
    return account.has(role);
  }
}
