package io.mimamori.server.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and {@code --flag} options, checked against the names a command accepts. */
final class CliOptions {

  private CliOptions() {}

  /** Parses options; a name in {@code known} without a following value (or followed by another option) is a flag ("true"). */
  static Map<String, String> parse(List<String> args, List<String> known) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + a + "'");
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; options: --" + String.join(", --", known));
      }
      if (value == null) {
        value = i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(++i) : "true";
      }
      out.put(name, value);
    }
    return out;
  }

  static int integer(Map<String, String> opts, String name) {
    try {
      return Integer.parseInt(opts.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + opts.get(name) + "'");
    }
  }
}
