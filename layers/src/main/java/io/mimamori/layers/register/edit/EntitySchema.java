package io.mimamori.layers.register.edit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API may change of one kind of register record, and how: its table (aliased {@code t}
 * in every fragment), its fields, the rules that join several fields (checked on the record as it
 * would be after the edit), and fragments of fixed SQL: whether a row lies in a district
 * ({@code scopeSql}, one parameter), the households whose scores and plan checks a change of it can
 * move ({@code householdsSql}, one parameter: the id), and the resident it concerns, if any
 * ({@code residentSql}, an expression over {@code t}). Nothing here comes from a request.
 */
record EntitySchema(String entity, String table, List<EditableField> fields, CrossCheck crossCheck,
    String scopeSql, String householdsSql, String residentSql) {

  /** Rules over several fields of the record as it would be; throws {@link EditRejected}. */
  @FunctionalInterface
  interface CrossCheck {
    void check(Map<String, Object> after);
  }

  EntitySchema {
    fields = List.copyOf(fields);
  }

  Optional<EditableField> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The record in the API's field names, with its id and version, as a jsonb expression over {@code t}. */
  String snapshotSql() {
    StringBuilder b = new StringBuilder("jsonb_build_object('id', t.id, 'version', t.version");
    for (EditableField f : fields) {
      b.append(", '").append(f.name()).append("', ").append(f.jsonSql());
    }
    return b.append(')').toString();
  }

  /** Reads the fields (1..n), then the version, the snapshot (text) and the resident id, locking the row. */
  String lockSql() {
    StringBuilder b = new StringBuilder("SELECT ");
    for (EditableField f : fields) {
      b.append(f.readSql()).append(", ");
    }
    return b.append("t.version, ").append(snapshotSql()).append("::text, ").append(residentSql)
        .append(" FROM ").append(table).append(" t WHERE t.id = ? FOR UPDATE OF t").toString();
  }

  /** The stored values of a row read by {@link #lockSql}, by field name. */
  Map<String, Object> values(java.sql.ResultSet rs) throws java.sql.SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      out.put(fields.get(i).name(), fields.get(i).kind().read(rs, i + 1));
    }
    return out;
  }
}
