package io.mimamori.server.http;

import io.javalin.http.ForbiddenResponse;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.server.auth.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shelters an account may work at: admin and HQ any; shelter staff the shelters their grants
 * name, or any shelter of the municipality when a grant names none (an account created without
 * {@code --shelter}).
 */
final class ShelterScope {

  private ShelterScope() {}

  /** The shelters the caller is limited to; empty: any shelter. */
  static Optional<Set<Long>> shelters(Principal p) {
    if (p.has(Role.ADMIN) || p.has(Role.HQ)) {
      return Optional.empty();
    }
    boolean anywhere = p.account().roles().stream()
        .anyMatch(g -> g.role() == Role.SHELTER_STAFF && g.shelterId() == null);
    if (anywhere) {
      return Optional.empty();
    }
    return Optional.of(p.account().roles().stream().filter(g -> g.role() == Role.SHELTER_STAFF)
        .map(RoleGrant::shelterId).collect(Collectors.toUnmodifiableSet()));
  }

  /** Refuses a caller limited to other shelters. */
  static void require(Principal p, long shelterId) {
    shelters(p).ifPresent(mine -> {
      if (!mine.contains(shelterId)) {
        throw new ForbiddenResponse("You work at shelter " + mine.stream().sorted().map(String::valueOf)
            .collect(Collectors.joining(", ")) + ", not at shelter " + shelterId + ".");
      }
    });
  }

  /** Whether the caller may act at either shelter (a transfer's two ends). */
  static void requireEither(Principal p, long a, long b) {
    shelters(p).ifPresent(mine -> {
      if (!mine.contains(a) && !mine.contains(b)) {
        throw new ForbiddenResponse("This transfer is between shelters " + a + " and " + b + "; you work at neither.");
      }
    });
  }
}
