package io.mimamori.layers.disclosure;

import io.mimamori.layers.account.Account;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who is looking, as the disclosure rules need it: the account, its municipality, and its role
 * grants (each for the municipality or one district; a supporter's names the supporter or support
 * organisation it acts for). An endpoint narrows the grants to the roles it serves with
 * {@link #restrictedTo}, so a planner who is also a supporter sees the planner's list on the
 * planner's page and only their own people on the phone.
 */
public record Viewer(long userId, String login, String municipalityCode, List<RoleGrant> grants) {

  public Viewer {
    Objects.requireNonNull(municipalityCode, "municipalityCode");
    grants = List.copyOf(grants);
  }

  public static Viewer of(Account a) {
    return new Viewer(a.id(), a.login(), a.municipalityCode(), a.roles());
  }

  /** The same viewer with only the grants of {@code roles}. */
  public Viewer restrictedTo(Set<Role> roles) {
    return new Viewer(userId, login, municipalityCode, grants.stream().filter(g -> roles.contains(g.role())).toList());
  }

  public boolean has(Role role) {
    return grants.stream().anyMatch(g -> g.role() == role);
  }
}
