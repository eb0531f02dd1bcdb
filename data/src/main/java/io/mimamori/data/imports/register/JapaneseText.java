package io.mimamori.data.imports.register;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Japanese text from a resident system is made comparable. Full-width ASCII (１２３, ＡＢ, －)
 * becomes half-width and the ideographic space (U+3000) an ordinary one; kana are written in
 * full-width katakana; an address becomes a key that ignores the prefecture, whitespace, 大字, the
 * many hyphens, and how 丁目・番地・号 are written, so that 「静岡県沼津市大手町一丁目２番地の３」 and
 * 「沼津市大手町1-2-3」 give the same key. Names are never rewritten beyond trimming: a compatibility
 * ideograph in a name is the person's name.
 */
public final class JapaneseText {

  private static final List<String> PREFECTURES = List.of(
      "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県",
      "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県",
      "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県",
      "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県",
      "宮崎県", "鹿児島県", "沖縄県");

  /** Dashes people and systems put between address numbers (after NFKC). */
  private static final Pattern DASHES = Pattern.compile("[\\-‐‑‒–—―−ｰ－─━]");
  private static final Pattern KANJI_NUMBER_BEFORE_UNIT = Pattern.compile("([〇一二三四五六七八九十百千]+)(?=丁目|番地|番|号|地割)");
  private static final Pattern CHOME = Pattern.compile("(\\d+)丁目");
  private static final Pattern BANCHI = Pattern.compile("(\\d+)番地?(?:の(?=\\d))?");
  private static final Pattern GO = Pattern.compile("(\\d+)号");
  private static final Pattern NO_BETWEEN_NUMBERS = Pattern.compile("(?<=\\d)の(?=\\d)");
  private static final Pattern LONG_MARK_BETWEEN_NUMBERS = Pattern.compile("(?<=\\d)ー(?=\\d)");
  private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
  private static final Pattern REPEATED_DASHES = Pattern.compile("-{2,}");
  private static final Pattern TRAILING_DASH = Pattern.compile("-$");

  private JapaneseText() {}

  /** Full-width ASCII to half-width, U+3000 to a space; everything else as it is. Null stays null. */
  public static String halfWidth(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        out.append((char) (c - 0xFEE0));
      } else if (c == '\u3000') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Trimmed (ideographic spaces too), null when nothing is left. */
  public static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** Half-width, trimmed, null when blank: for codes, numbers, grades and dates. */
  public static String token(String s) {
    return blankToNull(halfWidth(s));
  }

  /**
   * Kana as stored: full-width katakana (half-width katakana and hiragana are converted), words
   * separated by one full-width space. Null when blank.
   */
  public static String katakana(String s) {
    String t = blankToNull(s);
    if (t == null) {
      return null;
    }
    String n = Normalizer.normalize(t, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(n.length());
    boolean space = false;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append('\u3000');
      }
      space = false;
      out.append(c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c);
    }
    return out.toString();
  }

  /**
   * A full name split at its first run of spaces (full- or half-width) into family and given name;
   * null when there is no space between two parts.
   */
  public static String[] splitName(String fullName) {
    String t = blankToNull(fullName);
    if (t == null) {
      return null;
    }
    int i = 0;
    while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
      i++;
    }
    if (i == t.length()) {
      return null;
    }
    return new String[] {t.substring(0, i), t.substring(i).strip()};
  }

  /** A name for comparing people: no whitespace at all. */
  public static String nameKey(String family, String given) {
    return WHITESPACE.matcher(family + given).replaceAll("");
  }

  /**
   * The key two addresses are matched by: NFKC (full-width digits and letters to half-width,
   * half-width kana to full-width), no whitespace, no prefecture, no 大字, kanji numbers before
   * 丁目/番/号 as digits, and 「1丁目2番地3号」「1丁目2番3」「1-2-3」「1の2の3」 all as {@code 1-2-3}.
   */
  public static String addressKey(String address) {
    String t = blankToNull(address);
    if (t == null) {
      return null;
    }
    String s = WHITESPACE.matcher(Normalizer.normalize(t, Normalizer.Form.NFKC)).replaceAll("");
    for (String p : PREFECTURES) {
      if (s.startsWith(p)) {
        s = s.substring(p.length());
        break;
      }
    }
    s = s.replace("大字", "");
    s = DASHES.matcher(s).replaceAll("-");
    s = LONG_MARK_BETWEEN_NUMBERS.matcher(s).replaceAll("-");
    s = replaceKanjiNumbers(s);
    s = CHOME.matcher(s).replaceAll("$1-");
    s = BANCHI.matcher(s).replaceAll("$1-");
    s = GO.matcher(s).replaceAll("$1");
    s = NO_BETWEEN_NUMBERS.matcher(s).replaceAll("-");
    s = TRAILING_DASH.matcher(REPEATED_DASHES.matcher(s).replaceAll("-")).replaceAll("");
    return s;
  }

  private static String replaceKanjiNumbers(String s) {
    Matcher m = KANJI_NUMBER_BEFORE_UNIT.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Integer.toString(kanjiNumber(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** 三 → 3, 十二 → 12, 二十 → 20, 百五 → 105, 一〇 → 10 (digit by digit when there is no 十/百/千). */
  static int kanjiNumber(String k) {
    String digits = "〇一二三四五六七八九";
    if (k.chars().noneMatch(c -> c == '十' || c == '百' || c == '千')) {
      int v = 0;
      for (char c : k.toCharArray()) {
        v = v * 10 + digits.indexOf(c);
      }
      return v;
    }
    int total = 0;
    int current = 0;
    for (char c : k.toCharArray()) {
      int d = digits.indexOf(c);
      if (d >= 0) {
        current = d;
      } else {
        int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
        total += (current == 0 ? 1 : current) * unit;
        current = 0;
      }
    }
    return total + current;
  }
}
