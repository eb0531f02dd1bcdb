package io.mimamori.data.imports.register;

import static io.mimamori.data.imports.register.RegisterColumn.*;

import io.mimamori.data.imports.RowProblem;
import io.mimamori.data.imports.register.JapaneseDates.DateProblem;
import io.mimamori.data.imports.register.RegisterEntry.Person;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the person's register items from one row: names, kana, date of birth, sex, phone, and the
 * reasons support is needed. Each problem names the file's header for the field.
 */
final class RegisterRowParser {

  private static final int MAX_NAME = 100;
  private static final Pattern PHONE_SEPARATORS = Pattern.compile("[‐‑‒–—―−ー－()]");
  private static final Pattern PHONE_DASHES = Pattern.compile("-{2,}");
  private static final Pattern PHONE_EDGES = Pattern.compile("^-|-$");

  private RegisterRowParser() {}

  static Person person(RegisterHeader h, List<String> cells, RegisterChange change, LocalDate today,
      LocalDate earliestBirth) throws RowProblem {
    String[] name = names(h, cells);
    String[] kana = kana(h, cells);
    LocalDate birth = date(h, cells, BIRTH_DATE, today);
    if (birth.isBefore(earliestBirth)) {
      throw new RowProblem(h.headerOf(BIRTH_DATE), "before " + earliestBirth.getYear() + ": check the era (明治/大正/昭和/平成/令和)");
    }
    String sex = RegisterValues.one(h.cell(cells, SEX), RegisterValues.SEX, h.headerOf(SEX), null);
    String phone = phone(h.cell(cells, PHONE), h.headerOf(PHONE));
    String care = RegisterValues.one(h.cell(cells, CARE_LEVEL), RegisterValues.CARE_LEVEL, h.headerOf(CARE_LEVEL), "none");
    List<String> disabilities = RegisterValues.several(h.cell(cells, DISABILITY_TYPES), RegisterValues.DISABILITY,
        h.headerOf(DISABILITY_TYPES));
    Integer physical = RegisterValues.grade(h.cell(cells, PHYSICAL_GRADE), 6, h.headerOf(PHYSICAL_GRADE));
    String intellectual = RegisterValues.intellectualGrade(h.cell(cells, INTELLECTUAL_GRADE), h.headerOf(INTELLECTUAL_GRADE));
    Integer mental = RegisterValues.grade(h.cell(cells, MENTAL_GRADE), 3, h.headerOf(MENTAL_GRADE));
    boolean severe = RegisterValues.yesNo(h.cell(cells, SEVERE_MOTOR_INTELLECTUAL), h.headerOf(SEVERE_MOTOR_INTELLECTUAL));
    List<String> devices = RegisterValues.several(h.cell(cells, MEDICAL_DEVICES), RegisterValues.DEVICES,
        h.headerOf(MEDICAL_DEVICES));
    boolean vent24 = RegisterValues.yesNo(h.cell(cells, VENTILATOR_24H), h.headerOf(VENTILATOR_24H));
    if (vent24 && !devices.contains("ventilator")) {
      throw new RowProblem(h.headerOf(VENTILATOR_24H), "はい needs 人工呼吸器 among the " + h.headerOf(MEDICAL_DEVICES));
    }
    boolean info = RegisterValues.yesNo(h.cell(cells, INFO_SUPPORT), h.headerOf(INFO_SUPPORT));
    boolean decision = RegisterValues.yesNo(h.cell(cells, DECISION_SUPPORT), h.headerOf(DECISION_SUPPORT));
    String school = RegisterValues.one(h.cell(cells, SCHOOL_STATUS), RegisterValues.SCHOOL, h.headerOf(SCHOOL_STATUS),
        "none");
    String status = null;
    if (change == RegisterChange.NEW) {
      status = "active";
    } else {
      String s = RegisterValues.one(h.cell(cells, REGISTER_STATUS), RegisterValues.STATUS, h.headerOf(REGISTER_STATUS), "");
      status = s.isEmpty() ? null : s;
    }
    LocalDate registered = h.has(REGISTERED_ON) && JapaneseText.blankToNull(h.cell(cells, REGISTERED_ON)) != null
        ? date(h, cells, REGISTERED_ON, today) : null;
    return new Person(name[0], name[1], kana == null ? null : kana[0], kana == null ? null : kana[1], birth, sex, phone,
        care, disabilities, physical, intellectual, mental, severe, devices, vent24, info, decision, school, status,
        registered);
  }

  private static String[] names(RegisterHeader h, List<String> cells) throws RowProblem {
    if (h.has(FULL_NAME)) {
      String field = h.headerOf(FULL_NAME);
      String full = JapaneseText.blankToNull(h.cell(cells, FULL_NAME));
      if (full == null) {
        throw new RowProblem(field, "missing: every entry needs the resident's name");
      }
      String[] split = JapaneseText.splitName(full);
      if (split == null) {
        throw new RowProblem(field, "expected the family and the given name separated by a space (or give 姓 and 名 columns)");
      }
      return checkLength(split, field);
    }
    String family = JapaneseText.blankToNull(h.cell(cells, FAMILY_NAME));
    String given = JapaneseText.blankToNull(h.cell(cells, GIVEN_NAME));
    if (family == null) {
      throw new RowProblem(h.headerOf(FAMILY_NAME), "missing: every entry needs the resident's family name");
    }
    if (given == null) {
      throw new RowProblem(h.headerOf(GIVEN_NAME), "missing: every entry needs the resident's given name");
    }
    return checkLength(new String[] {family, given}, h.headerOf(FAMILY_NAME) + "/" + h.headerOf(GIVEN_NAME));
  }

  private static String[] checkLength(String[] name, String field) throws RowProblem {
    if (name[0].length() > MAX_NAME || name[1].length() > MAX_NAME) {
      throw new RowProblem(field, "longer than " + MAX_NAME + " characters");
    }
    return name;
  }

  /** Kana of family and given name, or null when the file gives none for this row. */
  private static String[] kana(RegisterHeader h, List<String> cells) throws RowProblem {
    if (h.has(FAMILY_NAME_KANA)) {
      String family = JapaneseText.katakana(h.cell(cells, FAMILY_NAME_KANA));
      String given = JapaneseText.katakana(h.cell(cells, GIVEN_NAME_KANA));
      return family == null && given == null ? null : new String[] {family, given};
    }
    if (h.has(FULL_NAME_KANA)) {
      String full = JapaneseText.blankToNull(h.cell(cells, FULL_NAME_KANA));
      if (full == null) {
        return null;
      }
      String[] split = JapaneseText.splitName(full);
      if (split == null) {
        throw new RowProblem(h.headerOf(FULL_NAME_KANA), "expected the family and the given name in kana separated by a space");
      }
      return new String[] {JapaneseText.katakana(split[0]), JapaneseText.katakana(split[1])};
    }
    return null;
  }

  private static LocalDate date(RegisterHeader h, List<String> cells, RegisterColumn c, LocalDate today)
      throws RowProblem {
    String field = h.headerOf(c);
    LocalDate d;
    try {
      d = JapaneseDates.parse(h.cell(cells, c));
    } catch (DateProblem e) {
      throw new RowProblem(field, e.getMessage());
    }
    if (d.isAfter(today)) {
      throw new RowProblem(field, "a day in the future: check the era and the year");
    }
    return d;
  }

  /** Half-width digits and hyphens; brackets around an area code become hyphens; 10 or 11 digits. */
  static String phone(String cell, String field) throws RowProblem {
    String t = JapaneseText.token(cell);
    if (t == null) {
      return null;
    }
    String p = PHONE_DASHES.matcher(PHONE_SEPARATORS.matcher(t.replace(" ", "")).replaceAll("-")).replaceAll("-");
    p = PHONE_EDGES.matcher(p).replaceAll("");
    String digits = p.replace("-", "");
    if (!p.matches("[0-9-]+") || digits.length() < 10 || digits.length() > 11) {
      throw new RowProblem(field, "expected a phone number of 10 or 11 digits (hyphens allowed)");
    }
    return p;
  }
}
