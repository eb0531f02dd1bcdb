package io.mimamori.layers.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An md5 over the rows of each table of the public schema, in a fixed order, leaving out the columns
 * that record when a row was written (timestamps) and any columns named by the caller. Two databases
 * loaded with the same content have the same digests.
 */
public final class TableDigest {

  private static final String TABLES =
      """
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('spatial_ref_sys', 'flyway_schema_history')
      ORDER BY table_name
      """;

  private static final String COLUMNS =
      """
      SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = ?
      ORDER BY ordinal_position
      """;

  private TableDigest() {}

  /** Table name to "rows:md5" for every table. {@code ignoredColumns} are "table.column". */
  public static Map<String, String> of(Connection c, Set<String> ignoredColumns) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(TABLES)) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String table : tables) {
      List<String> cols = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String col = rs.getString(1);
            if (!rs.getString(2).startsWith("timestamp") && !ignoredColumns.contains(table + "." + col)) {
              cols.add("t.\"" + col + "\"");
            }
          }
        }
      }
      String sql = "SELECT count(*), coalesce(md5(string_agg(r, E'\\n' ORDER BY r)), '') FROM (SELECT ROW("
          + String.join(", ", cols) + ")::text AS r FROM \"" + table + "\" t) AS rows";
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        out.put(table, rs.getLong(1) + ":" + rs.getString(2));
      }
    }
    return out;
  }
}
