package io.mimamori.server.http;

import io.mimamori.layers.account.RoleGrant;
import io.mimamori.server.auth.AccessRules;
import io.mimamori.server.auth.Principal;
import java.util.Optional;

/** The part of the register a reader may see: all of it, or the one district their grant names. */
final class ReaderScope {

  private ReaderScope() {}

  /** The district a register reader is limited to; empty for municipality-wide readers. */
  static Optional<Integer> district(Principal p) {
    boolean wide = p.account().roles().stream()
        .anyMatch(g -> AccessRules.REGISTER_READERS.contains(g.role()) && g.districtId() == null);
    if (wide) {
      return Optional.empty();
    }
    return p.account().roles().stream().filter(g -> AccessRules.REGISTER_READERS.contains(g.role()))
        .map(RoleGrant::districtId).findFirst();
  }
}
