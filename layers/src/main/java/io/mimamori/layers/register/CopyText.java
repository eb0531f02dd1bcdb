package io.mimamori.layers.register;

import io.mimamori.layers.geo.LonLat;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows in PostgreSQL's COPY text format: columns separated by tabs, rows by newlines, {@code \N} for
 * null, backslash escapes for backslash, tab, newline and carriage return. Arrays are written as
 * quoted array literals; points as EWKT with 7 decimals (about 1 cm), which PostGIS parses on input.
 */
final class CopyText {

  private final StringBuilder sb = new StringBuilder(1 << 16);
  private boolean rowStarted;
  private int rows;

  CopyText text(String value) {
    sep();
    if (value == null) {
      sb.append("\\N");
    } else {
      escape(value);
    }
    return this;
  }

  CopyText number(long value) {
    sep();
    sb.append(value);
    return this;
  }

  CopyText number(Number value) {
    sep();
    if (value == null) {
      sb.append("\\N");
    } else {
      sb.append(value.longValue());
    }
    return this;
  }

  CopyText bool(boolean value) {
    sep();
    sb.append(value ? 't' : 'f');
    return this;
  }

  CopyText date(LocalDate value) {
    sep();
    if (value == null) {
      sb.append("\\N");
    } else {
      sb.append(value);
    }
    return this;
  }

  CopyText array(List<String> values) {
    StringBuilder lit = new StringBuilder(16 + values.size() * 12).append('{');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        lit.append(',');
      }
      lit.append('"');
      String v = values.get(i);
      for (int k = 0; k < v.length(); k++) {
        char ch = v.charAt(k);
        if (ch == '"' || ch == '\\') {
          lit.append('\\');
        }
        lit.append(ch);
      }
      lit.append('"');
    }
    return text(lit.append('}').toString());
  }

  CopyText point(LonLat p) {
    sep();
    if (p == null) {
      sb.append("\\N");
      return this;
    }
    sb.append("SRID=4326;POINT(");
    fixed7(p.lon());
    sb.append(' ');
    fixed7(p.lat());
    sb.append(')');
    return this;
  }

  void endRow() {
    sb.append('\n');
    rowStarted = false;
    rows++;
  }

  int rows() {
    return rows;
  }

  boolean isEmpty() {
    return rows == 0;
  }

  String take() {
    String out = sb.toString();
    sb.setLength(0);
    rows = 0;
    return out;
  }

  private void sep() {
    if (rowStarted) {
      sb.append('\t');
    }
    rowStarted = true;
  }

  private void fixed7(double v) {
    long scaled = Math.round(v * 1e7);
    if (scaled < 0) {
      sb.append('-');
      scaled = -scaled;
    }
    sb.append(scaled / 10_000_000L).append('.');
    String frac = Long.toString(scaled % 10_000_000L);
    for (int i = frac.length(); i < 7; i++) {
      sb.append('0');
    }
    sb.append(frac);
  }

  private void escape(String v) {
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
  }
}
