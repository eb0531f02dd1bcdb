package io.mimamori.layers.account;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the security issue, scoped to a municipality and, where set, a district. */
public enum Role {
  ADMIN("admin"),
  HQ("hq"),
  PLANNER("planner"),
  DISPATCHER("dispatcher"),
  SUPPORTER("supporter"),
  SHELTER_STAFF("shelter_staff"),
  CASE_WORKER("case_worker");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Role> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
