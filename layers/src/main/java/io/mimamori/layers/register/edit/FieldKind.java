package io.mimamori.layers.register.edit;

import io.mimamori.layers.geo.LonLat;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

/**
 * The value types of editable fields, with how each is read from a row, bound to a statement and
 * shown in a snapshot. In Java: TEXT String, DATE LocalDate, INTEGER Integer, BIGINT Long, BOOLEAN
 * Boolean, TEXT_LIST List of String, BIGINT_LIST List of Long, POINT {@link LonLat}; null where the
 * field may be empty.
 */
public enum FieldKind {
  TEXT, DATE, INTEGER, BIGINT, BOOLEAN, TEXT_LIST, BIGINT_LIST, POINT;

  /** The expression that reads a column of this kind for {@link #read}. */
  String select(String expression) {
    return this == POINT
        ? "CASE WHEN " + expression + " IS NULL THEN NULL ELSE ARRAY[ST_X(" + expression + "), ST_Y(" + expression + ")] END"
        : expression;
  }

  /** The expression that shows a column of this kind in a JSON snapshot. */
  String json(String expression) {
    return this == POINT
        ? "CASE WHEN " + expression + " IS NULL THEN NULL ELSE jsonb_build_object('lon', ST_X(" + expression
            + "), 'lat', ST_Y(" + expression + ")) END"
        : expression;
  }

  /** The placeholder that takes a value of this kind in an UPDATE. */
  String placeholder() {
    return switch (this) {
      case DATE -> "?::date";
      case TEXT_LIST -> "?::text[]";
      case BIGINT_LIST -> "?::bigint[]";
      case POINT -> "ST_GeomFromEWKT(?)";
      default -> "?";
    };
  }

  Object read(ResultSet rs, int i) throws SQLException {
    switch (this) {
      case TEXT:
        return rs.getString(i);
      case DATE:
        return rs.getObject(i, LocalDate.class);
      case INTEGER: {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
      }
      case BIGINT: {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
      }
      case BOOLEAN: {
        boolean v = rs.getBoolean(i);
        return rs.wasNull() ? null : v;
      }
      case TEXT_LIST: {
        Array a = rs.getArray(i);
        return a == null ? null : List.of((String[]) a.getArray());
      }
      case BIGINT_LIST: {
        Array a = rs.getArray(i);
        return a == null ? null : List.of((Long[]) a.getArray());
      }
      case POINT: {
        Array a = rs.getArray(i);
        if (a == null) {
          return null;
        }
        Double[] xy = (Double[]) a.getArray();
        return new LonLat(xy[0], xy[1]);
      }
      default:
        throw new IllegalStateException(name());
    }
  }

  void bind(Connection c, PreparedStatement ps, int i, Object v) throws SQLException {
    switch (this) {
      case TEXT -> ps.setString(i, (String) v);
      case DATE -> ps.setObject(i, v, Types.DATE);
      case INTEGER -> ps.setObject(i, v, Types.INTEGER);
      case BIGINT -> ps.setObject(i, v, Types.BIGINT);
      case BOOLEAN -> ps.setObject(i, v, Types.BOOLEAN);
      case TEXT_LIST -> ps.setArray(i, v == null ? null : c.createArrayOf("text", ((List<?>) v).toArray()));
      case BIGINT_LIST -> ps.setArray(i, v == null ? null : c.createArrayOf("bigint", ((List<?>) v).toArray()));
      case POINT -> ps.setString(i, v == null ? null : ((LonLat) v).ewkt());
      default -> throw new IllegalStateException(name());
    }
  }
}
