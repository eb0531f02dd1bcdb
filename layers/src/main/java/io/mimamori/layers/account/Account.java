package io.mimamori.layers.account;

import java.time.Instant;
import java.util.List;

/** A user account as the server needs it to authenticate and authorise; the hash never leaves the store's callers. */
public record Account(
    long id, String login, String displayName, String passwordHash, String municipalityCode, int failedLogins,
    Instant lockedUntil, boolean disabled, Instant sessionsValidAfter, List<RoleGrant> roles) {

  public Account {
    roles = List.copyOf(roles);
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  public boolean has(Role role) {
    return roles.stream().anyMatch(g -> g.role() == role);
  }
}
