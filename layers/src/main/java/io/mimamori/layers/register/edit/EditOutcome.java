package io.mimamori.layers.register.edit;

import java.util.List;

/**
 * What became of an edit. {@link Applied}: committed (or nothing differed: {@code changed} empty,
 * version unchanged). {@link Conflict}: the record's version is not the one the caller read;
 * nothing was written and {@code currentJson} is the record as it now is (the API's field names,
 * with its version). {@link Missing}: no such record. {@link OutOfScope}: the caller's district
 * grant does not cover the record.
 */
public sealed interface EditOutcome {

  record Applied(String entity, long id, int version, List<String> changed) implements EditOutcome {
    public Applied {
      changed = List.copyOf(changed);
    }
  }

  record Conflict(String entity, long id, Integer currentVersion, String currentJson) implements EditOutcome {}

  record Missing(String entity, long id) implements EditOutcome {}

  record OutOfScope(String entity, long id) implements EditOutcome {}
}
