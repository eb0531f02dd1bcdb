package io.mimamori.layers.emergency;

import java.util.Arrays;
import java.util.Optional;

/**
 * A resident's safety check, from not assigned to an outcome. "Needs help" and "could not reach"
 * escalate to HQ at once: a supporter is never pushed to go on at their own risk, the report is
 * the support.
 */
public enum CheckStatus {
  NOT_ASSIGNED("not_assigned", false),
  ASSIGNED("assigned", false),
  ON_THE_WAY("on_the_way", false),
  SAFE_AT_HOME("safe_at_home", false),
  EVACUATED("evacuated", false),
  NEEDS_HELP("needs_help", true),
  NOT_AT_HOME("not_at_home", false),
  COULD_NOT_REACH("could_not_reach", true);

  private final String code;
  private final boolean escalates;

  CheckStatus(String code, boolean escalates) {
    this.code = code;
    this.escalates = escalates;
  }

  public String code() {
    return code;
  }

  public boolean escalates() {
    return escalates;
  }

  public static Optional<CheckStatus> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
