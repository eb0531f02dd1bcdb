package io.mimamori.layers.register.edit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * The change history of the register (table change_history): one row per applied edit with the
 * fields it changed, old and new values, who and when. Rows are written in the edit's transaction
 * from the record's snapshots before and after; they are personal data, read only by callers that
 * have decided the reader may see the register and have audited the read. A register file import
 * writes its rows through {@link ImportHistory} (source {@code import}, with the import's run).
 */
public final class ChangeHistoryStore {

  /**
   * The changes between two snapshots (jsonb expressions): the keys whose values differ, in field
   * name order, as [{"field", "old", "new"}, ...]; a new record's ({@code '{}'} before) empty fields
   * left out, and never the id or version.
   */
  static String changesSql(String before, String after) {
    return """
        (SELECT coalesce(jsonb_agg(jsonb_build_object('field', coalesce(o.key, n.key), 'old', o.value, 'new', n.value)
                                   ORDER BY coalesce(o.key, n.key)), '[]'::jsonb)
         FROM jsonb_each(%s) AS o FULL JOIN jsonb_each(%s) AS n ON n.key = o.key
         WHERE coalesce(o.key, n.key) NOT IN ('id', 'version') AND o.value IS DISTINCT FROM n.value
           AND NOT (o.key IS NULL AND n.value IN ('null'::jsonb, '[]'::jsonb)))""".formatted(before, after);
  }

  /**
   * Parameters: entity, entity id, resident id, version, login's user id, login, purpose, the
   * snapshot before ('{}' for a new record) and after ({@link #changesSql}).
   */
  private static final String RECORD =
      """
      INSERT INTO change_history (entity, entity_id, resident_id, version, user_id, login, purpose, changes)
      SELECT ?, ?, ?, ?, ?, ?, ?, %s
      """.formatted(changesSql("?::jsonb", "?::jsonb"));

  /**
   * Parameters: resident id (three times), limit. The resident's own changes (entry, plan, consent),
   * their household's, and those of the supporters on their plan now; newest first.
   */
  private static final String FOR_RESIDENT =
      """
      SELECT coalesce(json_agg(json_build_object('id', h.id, 'entity', h.entity, 'entity_id', h.entity_id,
                                                 'version', h.version, 'changes', h.changes, 'login', h.login,
                                                 'purpose', h.purpose, 'source', h.source,
                                                 'import_run_id', h.import_run_id, 'changed_at', h.changed_at)
                               ORDER BY h.id DESC), '[]'::json)::text
      FROM (
        SELECT * FROM (
          SELECT * FROM change_history WHERE resident_id = ?
          UNION ALL
          SELECT ch.* FROM change_history ch JOIN resident r ON r.household_id = ch.entity_id
          WHERE ch.entity = 'household' AND r.id = ?
          UNION ALL
          SELECT ch.* FROM change_history ch
          JOIN plan_supporter ps ON ps.supporter_id = ch.entity_id
          JOIN evacuation_plan ep ON ep.id = ps.plan_id
          WHERE ch.entity = 'supporter' AND ep.resident_id = ?
        ) AS all_rows ORDER BY id DESC LIMIT ?
      ) AS h
      """;

  private final DataSource dataSource;

  public ChangeHistoryStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Writes the history row of one applied edit, in the caller's transaction. */
  static void record(Connection c, String entity, long entityId, Long residentId, int version, Actor actor,
      String before, String after) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RECORD)) {
      ps.setString(1, entity);
      ps.setLong(2, entityId);
      ps.setObject(3, residentId, Types.BIGINT);
      ps.setInt(4, version);
      ps.setLong(5, actor.userId());
      ps.setString(6, actor.login());
      ps.setString(7, actor.purpose());
      ps.setString(8, before);
      ps.setString(9, after);
      ps.executeUpdate();
    }
  }

  /** The changes that concern a resident, newest first, as a JSON array (up to {@code limit} rows). */
  public String forResidentJson(long residentId, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FOR_RESIDENT)) {
      ps.setLong(1, residentId);
      ps.setLong(2, residentId);
      ps.setLong(3, residentId);
      ps.setInt(4, limit);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
