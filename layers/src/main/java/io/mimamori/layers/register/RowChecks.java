package io.mimamori.layers.register;

import java.util.Collection;
import java.util.Set;

/** The schema's vocabulary checks, made before a row reaches COPY so a bad row names its field. */
final class RowChecks {
  private RowChecks() {}

  static void positive(long id, String what) {
    if (id < 1) {
      throw new IllegalArgumentException(what + " must be 1 or more, got " + id);
    }
  }

  static void oneOf(String value, Set<String> allowed, String field) {
    if (value == null || !allowed.contains(value)) {
      throw new IllegalArgumentException(field + " must be one of " + allowed.stream().sorted().toList());
    }
  }

  static void allOf(Collection<String> values, Set<String> allowed, String field) {
    for (String v : values) {
      oneOf(v, allowed, field);
    }
  }
}
