package io.mimamori.layers.register.edit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The change history of a register file import, written in the import's transaction (a rolled-back
 * import leaves none): one change_history row (source {@code import}, with the import's run) for
 * every resident and household the import creates or really changes, with the fields in the API's
 * names and their old and new values, as an edit through the API writes them, plus the items only
 * an import changes (a resident's register number, household and registration date, a household's
 * number). Set-based, a chunk of rows per statement: the import snapshots the rows it is about to
 * change ({@link #before}), writes them, then {@link #changed} compares each snapshot with the row
 * as it is now where the version moved; new rows are recorded from what was stored ({@link #created}).
 *
 * <p>It also collects the households whose priority scores and plan checks the import can move
 * (a changed resident's household before and after, a changed or new household), up to a limit:
 * beyond it the caller refreshes everything instead ({@link #tooManyHouseholds}).
 */
public final class ImportHistory {

  /** What {@code change_history.source} says of rows an import wrote. */
  public static final String SOURCE = "import";

  private static final String[] TEMP_TABLES = {
    """
    CREATE TEMP TABLE import_history_before (entity text NOT NULL, id bigint NOT NULL, version integer NOT NULL,
                                             snapshot jsonb NOT NULL, PRIMARY KEY (entity, id)) ON COMMIT DROP""",
    "CREATE TEMP TABLE import_history_households (id bigint PRIMARY KEY) ON COMMIT DROP"
  };

  /**
   * Per entity: its table, its snapshot (over {@code t}), the resident it concerns, and the households
   * a change of it touches (a lateral row source over {@code t} and its snapshot before, {@code b}).
   */
  private record Kind(String entity, String table, String snapshot, String residentSql, String householdsSql) {}

  private static final Kind RESIDENT = new Kind(EditableEntities.RESIDENT, "resident",
      EditableEntities.RESIDENT_SCHEMA.snapshotSql()
          + " || jsonb_build_object('register_no', t.register_no, 'household_id', t.household_id,"
          + " 'registered_on', t.registered_on)",
      "t.id",
      "(VALUES (t.household_id), ((b.snapshot ->> 'household_id')::bigint)) AS hh(id)");

  private static final Kind HOUSEHOLD = new Kind(EditableEntities.HOUSEHOLD, "household",
      EditableEntities.HOUSEHOLD_SCHEMA.snapshotSql() + " || jsonb_build_object('household_no', t.household_no)",
      "NULL::bigint",
      "(VALUES (t.id)) AS hh(id)");

  private static final String COLUMNS =
      "entity, entity_id, resident_id, version, user_id, login, purpose, source, import_run_id, changes";

  /**
   * Parameters: user id, login, purpose, run id, ids (bigint[]). A new row's changes are its
   * non-empty fields (old null), as {@link ChangeHistoryStore#changesSql} gives them for a '{}'
   * before, without comparing two snapshots.
   */
  private static final String CREATED =
      """
      INSERT INTO change_history (%s)
      SELECT '%s', t.id, %s, t.version, ?, ?, ?, 'import', ?,
             (SELECT coalesce(jsonb_agg(jsonb_build_object('field', n.key, 'old', NULL, 'new', n.value) ORDER BY n.key),
                              '[]'::jsonb)
              FROM jsonb_each(%s) AS n
              WHERE n.key NOT IN ('id', 'version') AND n.value NOT IN ('null'::jsonb, '[]'::jsonb))
      FROM %s t JOIN unnest(?::bigint[]) AS f(id) ON f.id = t.id
      """;

  /** Parameter: ids (bigint[]). */
  private static final String CREATED_HOUSEHOLDS =
      """
      INSERT INTO import_history_households (id)
      SELECT DISTINCT hh.id FROM %s t JOIN unnest(?::bigint[]) AS f(id) ON f.id = t.id,
             LATERAL (SELECT NULL::jsonb AS snapshot) AS b, LATERAL %s
      WHERE hh.id IS NOT NULL
      ON CONFLICT DO NOTHING
      """;

  /** Parameter: ids (bigint[]). */
  private static final String BEFORE =
      """
      INSERT INTO import_history_before (entity, id, version, snapshot)
      SELECT '%s', t.id, t.version, %s FROM %s t JOIN unnest(?::bigint[]) AS f(id) ON f.id = t.id
      ON CONFLICT DO NOTHING
      """;

  /** Parameters: user id, login, purpose, run id. Rows whose version moved and whose fields differ. */
  private static final String CHANGED =
      """
      INSERT INTO change_history (%s)
      SELECT * FROM (
        SELECT '%s', t.id, %s, t.version, ?::bigint, ?, ?, 'import', ?::bigint, %s AS changes
        FROM import_history_before b JOIN %s t ON t.id = b.id
        WHERE b.entity = '%s' AND t.version <> b.version) AS c
      WHERE c.changes <> '[]'::jsonb
      """;

  private static final String CHANGED_HOUSEHOLDS =
      """
      INSERT INTO import_history_households (id)
      SELECT DISTINCT hh.id FROM import_history_before b JOIN %s t ON t.id = b.id, LATERAL %s
      WHERE b.entity = '%s' AND t.version <> b.version AND hh.id IS NOT NULL
      ON CONFLICT DO NOTHING
      """;

  private static final String FORGET_BEFORE = "DELETE FROM import_history_before WHERE entity = ?";

  private static final String HOUSEHOLDS = "SELECT id FROM import_history_households ORDER BY id";

  private final Connection c;
  private final Long userId;
  private final String login;
  private final String purpose;
  private final Long runId;
  private final int householdLimit;
  private long touched;

  private ImportHistory(Connection c, Long userId, String login, String purpose, Long runId, int householdLimit) {
    this.c = c;
    this.userId = userId;
    this.login = login;
    this.purpose = purpose;
    this.runId = runId;
    this.householdLimit = householdLimit;
  }

  /**
   * Starts the history of an import in the caller's transaction (auto-commit off): who imports
   * ({@code userId} null for an operating-system user), why, the import's run (null if none was
   * reserved), and how many touched households to collect before giving up on the list.
   */
  public static ImportHistory begin(Connection c, Long userId, String login, String purpose, Long runId,
      int householdLimit) throws SQLException {
    if (c.getAutoCommit()) {
      throw new IllegalStateException("an import's history is written in its transaction: turn auto-commit off");
    }
    try (Statement s = c.createStatement()) {
      for (String sql : TEMP_TABLES) {
        s.execute(sql);
      }
    }
    return new ImportHistory(c, userId, login, purpose, runId, householdLimit);
  }

  /** Records new residents (entity {@code resident}) or households ({@code household}) just inserted. */
  public void created(String entity, Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    Kind k = kind(entity);
    try (PreparedStatement ps = c.prepareStatement(
        CREATED.formatted(COLUMNS, k.entity(), k.residentSql(), k.snapshot(), k.table()))) {
      bindActor(ps);
      ps.setArray(5, c.createArrayOf("bigint", ids.toArray()));
      ps.executeUpdate();
    }
    if (collecting()) {
      try (PreparedStatement ps = c.prepareStatement(CREATED_HOUSEHOLDS.formatted(k.table(), k.householdsSql()))) {
        ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
        touched += ps.executeUpdate();
      }
    }
  }

  /** Snapshots stored rows the import is about to write; {@link #changed} then records those that changed. */
  public void before(String entity, Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    Kind k = kind(entity);
    try (PreparedStatement ps = c.prepareStatement(BEFORE.formatted(k.entity(), k.snapshot(), k.table()))) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      ps.executeUpdate();
    }
  }

  /**
   * Records the rows snapshotted by {@link #before} whose version has moved since and whose fields
   * differ, and forgets the snapshots; returns how many history rows were written.
   */
  public int changed(String entity) throws SQLException {
    Kind k = kind(entity);
    int n;
    try (PreparedStatement ps = c.prepareStatement(CHANGED.formatted(COLUMNS, k.entity(), k.residentSql(),
        ChangeHistoryStore.changesSql("b.snapshot", k.snapshot()), k.table(), k.entity()))) {
      bindActor(ps);
      n = ps.executeUpdate();
    }
    if (collecting()) {
      try (PreparedStatement ps = c.prepareStatement(
          CHANGED_HOUSEHOLDS.formatted(k.table(), k.householdsSql(), k.entity()))) {
        touched += ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(FORGET_BEFORE)) {
      ps.setString(1, k.entity());
      ps.executeUpdate();
    }
    return n;
  }

  /** True when the import touched more households than the limit given to {@link #begin}. */
  public boolean tooManyHouseholds() {
    return touched > householdLimit;
  }

  /** The households the import touched (empty when there were {@link #tooManyHouseholds too many}). */
  public List<Long> households() throws SQLException {
    List<Long> out = new ArrayList<>();
    if (tooManyHouseholds()) {
      return out;
    }
    try (PreparedStatement ps = c.prepareStatement(HOUSEHOLDS); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private boolean collecting() {
    return touched <= householdLimit;
  }

  private void bindActor(PreparedStatement ps) throws SQLException {
    ps.setObject(1, userId, Types.BIGINT);
    ps.setString(2, login);
    ps.setString(3, purpose);
    ps.setObject(4, runId, Types.BIGINT);
  }

  private static Kind kind(String entity) {
    return switch (entity) {
      case EditableEntities.RESIDENT -> RESIDENT;
      case EditableEntities.HOUSEHOLD -> HOUSEHOLD;
      default -> throw new IllegalArgumentException("an import writes residents and households, not " + entity);
    };
  }
}
