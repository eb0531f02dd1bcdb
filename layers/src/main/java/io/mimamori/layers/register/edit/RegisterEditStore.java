package io.mimamori.layers.register.edit;

import io.mimamori.layers.plancheck.PlanCheckStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Edits of the register with optimistic locking: a resident's register items and status, a
 * household, a supporter (and new supporters), a resident's evacuation plan with its supporters in
 * calling order. Each edit names the version the caller read; the record is locked, and if its
 * version differs the edit is a {@link EditOutcome.Conflict} carrying the record as it now is.
 * Otherwise the changed fields are written, the version goes up by one, and in the same transaction
 * (see {@link EditTransaction}) the history row, the audit entry, the households' priority scores
 * and the plan checks follow. An edit that changes nothing writes nothing and keeps the version.
 *
 * <p>Values are checked field by field ({@link EditableField#coerce}), then together on the record
 * as it would be; a bad value throws {@link EditRejected} naming the field. Ids an edit names
 * (a destination shelter, supporters) must exist.
 */
public final class RegisterEditStore {

  public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final DataSource dataSource;
  private final Clock clock;

  public RegisterEditStore(DataSource dataSource) {
    this(dataSource, Clock.system(JAPAN));
  }

  public RegisterEditStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** A row as locked for an edit. */
  private record Locked(Map<String, Object> values, int version, String snapshot, Long residentId) {}

  /**
   * Changes the given fields of a resident, household or supporter ({@link EditableEntities}) whose
   * version the caller read as {@code expectedVersion}.
   */
  public EditOutcome update(String entity, long id, int expectedVersion, Map<String, Object> changes, Actor actor)
      throws SQLException {
    EntitySchema schema = EditableEntities.schema(entity);
    if (entity.equals(EditableEntities.PLAN)) {
      throw new IllegalArgumentException("plans are edited through editPlan (by resident)");
    }
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> coerced = coerce(schema, changes, today);
    return EditTransaction.run(dataSource, c -> updateLocked(c, schema, id, expectedVersion, coerced, actor, today, false));
  }

  /**
   * Edits a resident's evacuation plan, creating it when the resident has none: then
   * {@code expectedVersion} must be null (the caller saw no plan), and a status left out is draft.
   * A null version for a resident who has a plan, or a version for one who has none, is a conflict.
   */
  public EditOutcome editPlan(long residentId, Integer expectedVersion, Map<String, Object> changes, Actor actor)
      throws SQLException {
    EntitySchema schema = EditableEntities.PLAN_SCHEMA;
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> coerced = coerce(schema, changes, today);
    return EditTransaction.run(dataSource, c -> {
      Optional<EditOutcome> refused = lockResident(c, residentId, actor);
      if (refused.isPresent()) {
        return refused.get();
      }
      List<Long> plan = EditTransaction.ids(c, "SELECT id FROM evacuation_plan WHERE resident_id = ?", residentId);
      if (plan.isEmpty()) {
        if (expectedVersion != null) {
          return new EditOutcome.Conflict(EditableEntities.PLAN, 0, null, "null");
        }
        long planId = insertPlan(c, residentId, (String) coerced.getOrDefault("status", "draft"));
        return updateLocked(c, schema, planId, 0, coerced, actor, today, true);
      }
      return updateLocked(c, schema, plan.get(0), expectedVersion == null ? -1 : expectedVersion, coerced, actor,
          today, false);
    });
  }

  /** Adds a supporter (person or organisation) to the actor's municipality, at version 0. */
  public EditOutcome createSupporter(Map<String, Object> fields, Actor actor) throws SQLException {
    EntitySchema schema = EditableEntities.SUPPORTER_SCHEMA;
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> values = new LinkedHashMap<>();
    for (EditableField f : schema.fields()) {
      Object raw = fields.containsKey(f.name()) ? fields.get(f.name())
          : f.kind() == FieldKind.TEXT_LIST ? List.of() : null;
      values.put(f.name(), f.coerce(raw, today));
    }
    rejectUnknown(schema, fields);
    schema.crossCheck().check(values);
    return EditTransaction.run(dataSource, c -> {
      List<String> columns = new ArrayList<>(List.of("municipality_code"));
      List<String> placeholders = new ArrayList<>(List.of("?"));
      for (EditableField f : schema.fields()) {
        columns.add(f.column());
        placeholders.add(f.kind().placeholder());
      }
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO supporter (" + String.join(", ", columns)
          + ") VALUES (" + String.join(", ", placeholders) + ") RETURNING id")) {
        ps.setString(1, actor.municipalityCode());
        int i = 2;
        for (EditableField f : schema.fields()) {
          f.kind().bind(c, ps, i++, values.get(f.name()));
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      List<String> filled = schema.fields().stream().map(EditableField::name)
          .filter(n -> values.get(n) != null && !List.of().equals(values.get(n))).toList();
      EditTransaction.finish(c, new EditTransaction.Change("create", schema.entity(), id, null, 0, filled, "{}",
          snapshot(c, schema, id)), actor, List.of(), List.of(), today);
      return new EditOutcome.Applied(schema.entity(), id, 0, filled);
    });
  }

  /** Locks the resident's row; empty when the actor may go on, else why not. */
  static Optional<EditOutcome> lockResident(Connection c, long residentId, Actor actor) throws SQLException {
    if (EditTransaction.ids(c, "SELECT id FROM resident WHERE id = ? FOR UPDATE", residentId).isEmpty()) {
      return Optional.of(new EditOutcome.Missing(EditableEntities.RESIDENT, residentId));
    }
    if (!inScope(c, EditableEntities.RESIDENT_SCHEMA, residentId, actor)) {
      return Optional.of(new EditOutcome.OutOfScope(EditableEntities.RESIDENT, residentId));
    }
    return Optional.empty();
  }

  private EditOutcome updateLocked(Connection c, EntitySchema schema, long id, int expectedVersion,
      Map<String, Object> changes, Actor actor, LocalDate today, boolean created) throws SQLException {
    Locked row = lock(c, schema, id);
    if (row == null) {
      return new EditOutcome.Missing(schema.entity(), id);
    }
    if (!inScope(c, schema, id, actor)) {
      return new EditOutcome.OutOfScope(schema.entity(), id);
    }
    if (row.version() != expectedVersion) {
      return new EditOutcome.Conflict(schema.entity(), id, row.version(), row.snapshot());
    }
    Map<String, Object> after = new LinkedHashMap<>(row.values());
    after.putAll(changes);
    schema.crossCheck().check(after);
    List<String> changed = new ArrayList<>();
    for (EditableField f : schema.fields()) {
      if (!Objects.equals(row.values().get(f.name()), after.get(f.name()))) {
        changed.add(f.name());
      }
    }
    if (created && !changed.contains("status")) {
      changed.add(0, "status"); // a new plan's history shows its status even when it is the default
    }
    if (changed.isEmpty()) {
      return new EditOutcome.Applied(schema.entity(), id, row.version(), List.of());
    }
    checkReferences(c, changed, after);
    List<Long> households = EditTransaction.ids(c, schema.householdsSql(), id);
    Set<Long> earlierDestinations = PlanCheckStore.destinationsOf(c, households);
    int version = write(c, schema, id, changed, after);
    if (changed.contains("location") && schema.entity().equals(EditableEntities.HOUSEHOLD)) {
      placeInDistrict(c, id);
      if (!inScope(c, schema, id, actor)) {
        throw new EditRejected("location", "the new location lies outside your district");
      }
    }
    String before = created ? "{}" : row.snapshot();
    EditTransaction.finish(c, new EditTransaction.Change(created ? "create" : "update", schema.entity(), id,
        row.residentId(), version, changed, before, snapshot(c, schema, id)), actor, households, earlierDestinations, today);
    return new EditOutcome.Applied(schema.entity(), id, version, changed);
  }

  /** Writes the changed fields, bumps the version; returns the new version. */
  private static int write(Connection c, EntitySchema schema, long id, List<String> changed, Map<String, Object> after)
      throws SQLException {
    List<EditableField> columns = schema.fields().stream().filter(f -> changed.contains(f.name()) && f.stored()).toList();
    StringBuilder sql = new StringBuilder("UPDATE ").append(schema.table()).append(" t SET ");
    for (EditableField f : columns) {
      sql.append(f.column()).append(" = ").append(f.kind().placeholder()).append(", ");
    }
    sql.append("version = t.version + 1, updated_at = now() WHERE t.id = ? RETURNING t.version");
    int version;
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      for (EditableField f : columns) {
        f.kind().bind(c, ps, i++, after.get(f.name()));
      }
      ps.setLong(i, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        version = rs.getInt(1);
      }
    }
    if (changed.contains(EditableEntities.PLAN_SUPPORTERS.name())) {
      writePlanSupporters(c, id, asIds(after.get(EditableEntities.PLAN_SUPPORTERS.name())));
    }
    return version;
  }

  private static void writePlanSupporters(Connection c, long planId, List<Long> supporters) throws SQLException {
    try (PreparedStatement del = c.prepareStatement("DELETE FROM plan_supporter WHERE plan_id = ?")) {
      del.setLong(1, planId);
      del.executeUpdate();
    }
    try (PreparedStatement ins = c.prepareStatement(
        "INSERT INTO plan_supporter (plan_id, supporter_id, ordinal) SELECT ?, s, o FROM unnest(?::bigint[]) WITH ORDINALITY AS x(s, o)")) {
      ins.setLong(1, planId);
      ins.setArray(2, c.createArrayOf("bigint", supporters.toArray()));
      ins.executeUpdate();
    }
  }

  private static long insertPlan(Connection c, long residentId, String status) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO evacuation_plan (resident_id, status) VALUES (?, ?) RETURNING id")) {
      ps.setLong(1, residentId);
      ps.setString(2, status);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void placeInDistrict(Connection c, long householdId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        """
        UPDATE household t SET district_id =
          (SELECT d.id FROM district d WHERE ST_Covers(d.geom, t.geom) ORDER BY d.id LIMIT 1)
        WHERE t.id = ?""")) {
      ps.setLong(1, householdId);
      ps.executeUpdate();
    }
  }

  /** The ids a changed field names must exist ({@link EditableEntities#REFERENCES}). */
  private static void checkReferences(Connection c, List<String> changed, Map<String, Object> after)
      throws SQLException {
    for (String field : changed) {
      String table = EditableEntities.REFERENCES.get(field);
      Object value = after.get(field);
      if (table == null || value == null) {
        continue;
      }
      List<Long> wanted = value instanceof Long one ? List.of(one) : asIds(value);
      Set<Long> found = new HashSet<>();
      // the table name comes from the fixed REFERENCES map, never from a request
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE id = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("bigint", wanted.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getLong(1));
          }
        }
      }
      for (Long id : wanted) {
        if (!found.contains(id)) {
          throw new EditRejected(field, field + " names no stored " + table + " (id " + id + ")");
        }
      }
    }
  }

  private static Locked lock(Connection c, EntitySchema schema, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(schema.lockSql())) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        int n = schema.fields().size();
        long resident = rs.getLong(n + 3);
        Long residentId = rs.wasNull() ? null : resident;
        return new Locked(schema.values(rs), rs.getInt(n + 1), rs.getString(n + 2), residentId);
      }
    }
  }

  static boolean inScope(Connection c, EntitySchema schema, long id, Actor actor) throws SQLException {
    if (actor.district().isEmpty()) {
      return true;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT coalesce(" + schema.scopeSql() + ", false) FROM " + schema.table() + " t WHERE t.id = ?")) {
      ps.setInt(1, actor.district().get());
      ps.setLong(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  static String snapshot(Connection c, EntitySchema schema, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + schema.snapshotSql() + "::text FROM " + schema.table() + " t WHERE t.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Each given field as the schema stores it; a field the schema does not know is rejected. */
  static Map<String, Object> coerce(EntitySchema schema, Map<String, Object> changes, LocalDate today) {
    rejectUnknown(schema, changes);
    Map<String, Object> out = new LinkedHashMap<>();
    for (EditableField f : schema.fields()) {
      if (changes.containsKey(f.name())) {
        out.put(f.name(), f.coerce(changes.get(f.name()), today));
      }
    }
    return out;
  }

  private static void rejectUnknown(EntitySchema schema, Map<String, Object> changes) {
    for (String name : changes.keySet()) {
      if (schema.field(name).isEmpty()) {
        String shown = name.matches("[A-Za-z0-9_]{1,40}") ? name : "field";
        throw new EditRejected(shown, shown + " is not a field of " + schema.entity() + "; fields: "
            + String.join(", ", EditableEntities.fieldNames(schema.entity())));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Long> asIds(Object value) {
    return (List<Long>) value;
  }
}
