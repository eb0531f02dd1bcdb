package io.mimamori.layers.register.edit;

import java.util.Objects;
import java.util.Optional;

/**
 * Who makes an edit and why, as the audit log and the change history record it: the account (id
 * and login), the client's address, the purpose, the account's municipality (new supporters belong
 * to it) and, for a district-scoped account, the only district whose register it may change.
 */
public record Actor(long userId, String login, String clientAddress, String purpose, String municipalityCode,
    Optional<Integer> district) {

  public Actor {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(municipalityCode, "municipalityCode");
    district = district == null ? Optional.empty() : district;
  }
}
