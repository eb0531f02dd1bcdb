package io.mimamori.data.imports.register;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Japanese resident systems write them, read and written.
 *
 * <p>Read: wareki with the era in full or abbreviated, 元年 for year 1, in full-width or
 * half-width digits — 令和6年4月1日, 令和元年5月1日, R6.4.1, R06/04/01, H31-4-30, 平6.4.1, ㍻31年4月30日,
 * S20年8月15日 — for 明治 (M), 大正 (T), 昭和 (S), 平成 (H) and 令和 (R); and western dates 2024/04/01,
 * 2024-4-1, 2024.04.01, 2024年4月1日, 20240401, optionally followed by a time of day (as Excel
 * writes 2024/04/01 0:00:00), which is ignored. A wareki date must fall inside its era: 平成31年4月30日
 * is the last day of 平成 and 令和元年5月1日 the first of 令和, so 平成31年5月1日 and 令和元年4月30日 are
 * refused. The eras begin on 1868-01-01 (明治, counted from its first year), 1912-07-30 (大正),
 * 1926-12-25 (昭和), 1989-01-08 (平成) and 2019-05-01 (令和). A western date before 明治 is written
 * in western form even in {@link Style#WAREKI}.
 *
 * <p>Written: {@link Style#WAREKI} as 令和6年4月1日 (令和元年5月1日 for year 1) or
 * {@link Style#WESTERN} as 2024/04/01.
 */
public final class JapaneseDates {

  /** How dates are written in an export. */
  public enum Style {
    /** 令和6年4月1日; year 1 as 元年. */
    WAREKI,
    /** 2024/04/01. */
    WESTERN
  }

  /** A text that is not a date, with what was expected (never the text itself). */
  public static final class DateProblem extends Exception {
    DateProblem(String reason) {
      super(reason, null, false, false);
    }
  }

  static final String EXPECTED = "expected a date such as 令和6年4月1日, R6.4.1, 2024/04/01 or 2024-04-01";

  /** An era: its names (full, one kanji, one letter), first and last day (null while it lasts). */
  private record Era(String name, String kanji, String letter, LocalDate first, LocalDate last) {
    boolean holds(LocalDate d) {
      return !d.isBefore(first) && (last == null || !d.isAfter(last));
    }
  }

  private static final List<Era> ERAS = List.of(
      new Era("明治", "明", "M", LocalDate.of(1868, 1, 1), LocalDate.of(1912, 7, 29)),
      new Era("大正", "大", "T", LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 24)),
      new Era("昭和", "昭", "S", LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 7)),
      new Era("平成", "平", "H", LocalDate.of(1989, 1, 8), LocalDate.of(2019, 4, 30)),
      new Era("令和", "令", "R", LocalDate.of(2019, 5, 1), null));

  private static final String TIME = "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?";
  private static final Pattern WAREKI = Pattern.compile(
      "(明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHR])\\s*(元|\\d{1,2})\\s*(?:年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?"
          + "|[./\\-](\\d{1,2})[./\\-](\\d{1,2}))" + TIME);
  private static final Pattern WESTERN = Pattern.compile(
      "(\\d{4})(?:\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?|([./\\-])(\\d{1,2})\\4(\\d{1,2}))" + TIME);
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

  private JapaneseDates() {}

  /** The date a text means; throws with what was expected when it means none. */
  public static LocalDate parse(String text) throws DateProblem {
    if (text == null || text.isBlank()) {
      throw new DateProblem("missing: " + EXPECTED);
    }
    // NFKC: full-width digits and letters to half-width, ㍻ to 平成, ㋿ to 令和
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    Matcher m = WAREKI.matcher(s);
    if (m.matches()) {
      Era era = era(m.group(1));
      int year = m.group(2).equals("元") ? 1 : Integer.parseInt(m.group(2));
      int month = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(5));
      int day = Integer.parseInt(m.group(4) != null ? m.group(4) : m.group(6));
      return wareki(era, year, month, day);
    }
    m = WESTERN.matcher(s);
    if (m.matches()) {
      int month = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(5));
      int day = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(6));
      return western(Integer.parseInt(m.group(1)), month, day);
    }
    m = COMPACT.matcher(s);
    if (m.matches()) {
      return western(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    throw new DateProblem(EXPECTED);
  }

  /** The date written in the given style. */
  public static String format(LocalDate date, Style style) {
    Era era = style == Style.WAREKI ? ERAS.stream().filter(e -> e.holds(date)).findFirst().orElse(null) : null;
    if (era == null) {
      return String.format(Locale.ROOT, "%04d/%02d/%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }
    int year = date.getYear() - era.first().getYear() + 1;
    return era.name() + (year == 1 ? "元" : Integer.toString(year)) + "年" + date.getMonthValue() + "月"
        + date.getDayOfMonth() + "日";
  }

  private static Era era(String name) {
    for (Era e : ERAS) {
      if (name.equals(e.name()) || name.equals(e.kanji()) || name.equals(e.letter())) {
        return e;
      }
    }
    throw new IllegalStateException("the pattern admits only known eras");
  }

  private static LocalDate wareki(Era era, int year, int month, int day) throws DateProblem {
    if (year < 1) {
      throw new DateProblem("year 0 of an era does not exist (year 1 is written 1 or 元): " + EXPECTED);
    }
    LocalDate date = western(era.first().getYear() + year - 1, month, day);
    if (!era.holds(date)) {
      throw new DateProblem("the day lies outside the era " + era.name() + " (" + era.first() + " to "
          + (era.last() == null ? "today" : era.last()) + ")");
    }
    return date;
  }

  private static LocalDate western(int year, int month, int day) throws DateProblem {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new DateProblem("no such day: " + EXPECTED);
    }
  }
}
