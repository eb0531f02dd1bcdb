package io.mimamori.layers.disclosure;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a resident is visible to someone (Disaster Countermeasures Basic Act, art. 49-11):
 * {@link #REGISTER}, the municipality's own use of its register (para. 1); {@link #CONSENT}, the
 * resident's consent or the ordinance's presumed consent, for the supporters their plan names
 * (para. 2); {@link #EMERGENCY}, disclosure without consent while an emergency is declared, to the
 * extent needed for evacuation and safety checks (para. 3), recorded and bounded in time.
 */
public enum Basis {
  REGISTER,
  CONSENT,
  EMERGENCY;

  public String code() {
    return name().toLowerCase();
  }

  public static Optional<Basis> fromCode(String code) {
    return Arrays.stream(values()).filter(b -> b.code().equals(code)).findFirst();
  }
}
