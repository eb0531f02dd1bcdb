package io.mimamori.layers.account;

/** A role held for the whole municipality ({@code districtId} null) or one district; a supporter's names whom it acts for. */
public record RoleGrant(Role role, Integer districtId, Long supporterId) {
  public RoleGrant {
    if (role == Role.SUPPORTER && supporterId == null) {
      throw new IllegalArgumentException("a supporter account must name the supporter it acts for");
    }
  }

  public static RoleGrant everywhere(Role role) {
    return new RoleGrant(role, null, null);
  }
}
