package io.mimamori.layers.disclosure;

import io.mimamori.layers.account.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The decision for one resident and one viewer: visible under which role and basis, during which
 * emergency (for the emergency basis), and which fields may be sent. Only visible residents have
 * a disclosure; a resident without one is sent nowhere.
 */
public record Disclosure(long residentId, Role role, Basis basis, Long emergencyId, Set<Field> fields) {

  public Disclosure {
    if (basis == Basis.EMERGENCY && emergencyId == null) {
      throw new IllegalArgumentException("an emergency disclosure names its emergency");
    }
    fields = fields.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(fields));
  }

  /** The decision the rules give this role on this basis. */
  public static Disclosure of(long residentId, Role role, Basis basis, Long emergencyId) {
    return new Disclosure(residentId, role, basis, emergencyId, FieldRules.fields(role, basis));
  }

  public boolean allows(Field field) {
    return fields.contains(field);
  }

  /** Made without consent during an emergency: recorded as a grant and bounded by retention. */
  public boolean withoutConsent() {
    return basis == Basis.EMERGENCY;
  }
}
