package io.mimamori.data.imports.register;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One vocabulary of a register file: codes of the schema, each with the wordings accepted for it,
 * the first being the one an export writes. Cells are matched after NFKC (full-width to
 * half-width), without whitespace, ASCII in upper case.
 */
final class Vocabulary {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final Map<String, List<String>> wordings;
  private final Map<String, String> codeByKey = new HashMap<>();

  private Vocabulary(Map<String, List<String>> wordings) {
    this.wordings = wordings;
    wordings.forEach((code, words) -> words.forEach(w -> codeByKey.putIfAbsent(key(w), code)));
  }

  /** Codes and their wordings, alternating: {@code of("male", List.of("男", "M"), "female", ...)}. */
  @SuppressWarnings("unchecked")
  static Vocabulary of(Object... codeThenWordings) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < codeThenWordings.length; i += 2) {
      m.put((String) codeThenWordings[i], List.copyOf((List<String>) codeThenWordings[i + 1]));
    }
    return new Vocabulary(m);
  }

  /** The code a cell's key means, or null. */
  String code(String key) {
    return codeByKey.get(key);
  }

  /** The codes in order. */
  List<String> codes() {
    return new ArrayList<>(wordings.keySet());
  }

  /** The wording an export writes for a code. */
  String wording(String code) {
    List<String> w = wordings.get(code);
    if (w == null) {
      throw new IllegalArgumentException("no wording for " + code);
    }
    return w.get(0);
  }

  /** The export's wordings, for a reason that lists what is accepted. */
  String expected() {
    List<String> first = new ArrayList<>();
    for (List<String> w : wordings.values()) {
      first.add(w.get(0));
    }
    return String.join(", ", first);
  }

  /** A cell as compared: NFKC, no whitespace, ASCII in upper case; "" for null. */
  static String key(String cell) {
    if (cell == null) {
      return "";
    }
    return WHITESPACE.matcher(Normalizer.normalize(cell, Normalizer.Form.NFKC)).replaceAll("").toUpperCase(Locale.ROOT);
  }
}
