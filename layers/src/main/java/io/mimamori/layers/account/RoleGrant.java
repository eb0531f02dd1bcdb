package io.mimamori.layers.account;

/**
 * A role held for the whole municipality ({@code districtId} null) or one district; a supporter's
 * names whom it acts for; a shelter staff's may name the one shelter it works at ({@code shelterId};
 * null: any shelter of the municipality).
 */
public record RoleGrant(Role role, Integer districtId, Long supporterId, Long shelterId) {
  public RoleGrant {
    if (role == Role.SUPPORTER && supporterId == null) {
      throw new IllegalArgumentException("a supporter account must name the supporter it acts for");
    }
    if (shelterId != null && role != Role.SHELTER_STAFF) {
      throw new IllegalArgumentException("only a shelter staff grant names a shelter");
    }
  }

  public RoleGrant(Role role, Integer districtId, Long supporterId) {
    this(role, districtId, supporterId, null);
  }

  public static RoleGrant everywhere(Role role) {
    return new RoleGrant(role, null, null);
  }

  /** Shelter staff at one shelter. */
  public static RoleGrant atShelter(long shelterId) {
    return new RoleGrant(Role.SHELTER_STAFF, null, null, shelterId);
  }
}
