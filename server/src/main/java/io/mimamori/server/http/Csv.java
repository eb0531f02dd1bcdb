package io.mimamori.server.http;

/** RFC 4180 fields; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
final class Csv {
  private Csv() {}

  static String field(String s) {
    String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
