package io.mimamori.layers.register.edit;

import io.mimamori.layers.geo.LonLat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One field an edit may change: its name in the API, the column it is stored in (null when the
 * entity writes it itself, as a plan's supporters), its kind, and the rules a value must meet.
 * {@link #coerce} turns a value as JSON gave it (String, Number, Boolean, List, Map or null) into
 * the field's Java type, or rejects it naming the field and the rule, never the value.
 *
 * @param readSql the expression that reads the value from the row aliased {@code t}
 * @param jsonSql the expression that shows it in the entity's JSON snapshot
 * @param codes for TEXT and TEXT_LIST: the allowed codes (empty: free text)
 * @param min for INTEGER the least value, for lists the least number of items
 * @param max for INTEGER the greatest value, for lists the greatest number of items
 * @param maxLength for text (and each text item) the greatest length
 * @param pattern for free text: what a value must look like (null: anything)
 */
public record EditableField(String name, String column, FieldKind kind, boolean required, Set<String> codes,
    long min, long max, int maxLength, Pattern pattern, String readSql, String jsonSql) {

  /** Inside Japan, as the importers check it (lon 122-154, lat 20-46). */
  private static final double MIN_LON = 122, MAX_LON = 154, MIN_LAT = 20, MAX_LAT = 46;
  private static final LocalDate EARLIEST = LocalDate.of(1880, 1, 1);
  static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{6,24}");

  public EditableField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    codes = Set.copyOf(codes);
    readSql = readSql != null ? readSql : kind.select("t." + column);
    jsonSql = jsonSql != null ? jsonSql : kind.json("t." + column);
  }

  static EditableField text(String name, boolean required, int maxLength) {
    return new EditableField(name, name, FieldKind.TEXT, required, Set.of(), 0, 0, maxLength, null, null, null);
  }

  static EditableField phone(String name) {
    return new EditableField(name, name, FieldKind.TEXT, false, Set.of(), 0, 0, 24, PHONE, null, null);
  }

  static EditableField code(String name, boolean required, Set<String> codes) {
    return new EditableField(name, name, FieldKind.TEXT, required, codes, 0, 0, 40, null, null, null);
  }

  static EditableField codes(String name, Set<String> codes) {
    return new EditableField(name, name, FieldKind.TEXT_LIST, true, codes, 0, codes.size(), 40, null, null, null);
  }

  static EditableField texts(String name, int maxItems, int maxLength) {
    return new EditableField(name, name, FieldKind.TEXT_LIST, true, Set.of(), 0, maxItems, maxLength, null, null, null);
  }

  static EditableField date(String name, boolean required) {
    return new EditableField(name, name, FieldKind.DATE, required, Set.of(), 0, 0, 0, null, null, null);
  }

  static EditableField integer(String name, boolean required, int min, int max) {
    return new EditableField(name, name, FieldKind.INTEGER, required, Set.of(), min, max, 0, null, null, null);
  }

  static EditableField flag(String name) {
    return new EditableField(name, name, FieldKind.BOOLEAN, true, Set.of(), 0, 0, 0, null, null, null);
  }

  static EditableField point(String name, String column, boolean required) {
    return new EditableField(name, column, FieldKind.POINT, required, Set.of(), 0, 0, 0, null, null, null);
  }

  /** Whether the generic UPDATE writes this field (false: the entity writes it itself). */
  boolean stored() {
    return column != null;
  }

  /**
   * The value as this field stores it. Text is trimmed and blank text is empty (null); dates are
   * ISO (2024-04-01) and never in the future; lists keep their order and lose repeats.
   */
  public Object coerce(Object raw, LocalDate today) {
    Object v = raw instanceof String s && kind != FieldKind.TEXT_LIST ? (s.isBlank() ? null : s.strip()) : raw;
    if (v == null) {
      if (required) {
        throw new EditRejected(name, name + " is required");
      }
      return null;
    }
    return switch (kind) {
      case TEXT -> text(v);
      case DATE -> date(v, today);
      case INTEGER -> Math.toIntExact(whole(v, min, max));
      case BIGINT -> whole(v, 1, Long.MAX_VALUE);
      case BOOLEAN -> {
        if (!(v instanceof Boolean b)) {
          throw new EditRejected(name, name + " must be true or false");
        }
        yield b;
      }
      case TEXT_LIST -> textList(v);
      case BIGINT_LIST -> idList(v);
      case POINT -> point(v);
    };
  }

  private String text(Object v) {
    if (!(v instanceof String s)) {
      throw new EditRejected(name, name + " must be text");
    }
    if (!codes.isEmpty() && !codes.contains(s)) {
      throw new EditRejected(name, name + " must be one of " + codes.stream().sorted().toList());
    }
    if (s.length() > maxLength) {
      throw new EditRejected(name, name + " is longer than " + maxLength + " characters");
    }
    if (pattern != null && !pattern.matcher(s).matches()) {
      throw new EditRejected(name, name + " must be a phone number: digits, with - ( ) + or spaces, 6-24 characters");
    }
    return s;
  }

  private LocalDate date(Object v, LocalDate today) {
    LocalDate d;
    try {
      d = v instanceof String s ? LocalDate.parse(s) : null;
    } catch (DateTimeParseException e) {
      d = null;
    }
    if (d == null) {
      throw new EditRejected(name, name + " must be a date such as 2024-04-01");
    }
    if (d.isAfter(today)) {
      throw new EditRejected(name, name + " must not be in the future");
    }
    if (d.isBefore(EARLIEST)) {
      throw new EditRejected(name, name + " must not be before 1880");
    }
    return d;
  }

  private long whole(Object v, long least, long most) {
    BigDecimal n;
    try {
      n = v instanceof Number num ? new BigDecimal(num.toString()) : null;
    } catch (NumberFormatException e) {
      n = null;
    }
    if (n == null || n.stripTrailingZeros().scale() > 0) {
      throw new EditRejected(name, name + " must be a whole number");
    }
    if (n.compareTo(BigDecimal.valueOf(least)) < 0 || n.compareTo(BigDecimal.valueOf(most)) > 0) {
      throw new EditRejected(name, most == Long.MAX_VALUE ? name + " must be an id (1 or more)"
          : name + " must be " + least + ".." + most);
    }
    return n.longValueExact();
  }

  private List<String> textList(Object v) {
    if (!(v instanceof List<?> items)) {
      throw new EditRejected(name, name + " must be a list");
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object item : items) {
      if (!(item instanceof String s) || s.isBlank()) {
        throw new EditRejected(name, name + " must be a list of non-empty texts");
      }
      out.add(text(s.strip()));
    }
    if (out.size() > max) {
      throw new EditRejected(name, name + " holds at most " + max + " items");
    }
    return List.copyOf(out);
  }

  private List<Long> idList(Object v) {
    if (!(v instanceof List<?> items)) {
      throw new EditRejected(name, name + " must be a list of ids");
    }
    List<Long> out = new ArrayList<>();
    for (Object item : items) {
      long id = whole(item, 1, Long.MAX_VALUE);
      if (out.contains(id)) {
        throw new EditRejected(name, name + " names the same id twice");
      }
      out.add(id);
    }
    if (out.size() > max) {
      throw new EditRejected(name, name + " holds at most " + max + " items");
    }
    return List.copyOf(out);
  }

  private LonLat point(Object v) {
    if (!(v instanceof Map<?, ?> m) || !(m.get("lon") instanceof Number lon) || !(m.get("lat") instanceof Number lat)) {
      throw new EditRejected(name, name + " must be {\"lon\": number, \"lat\": number}");
    }
    double x = lon.doubleValue();
    double y = lat.doubleValue();
    if (!(x >= MIN_LON && x <= MAX_LON && y >= MIN_LAT && y <= MAX_LAT)) {
      throw new EditRejected(name, name + " must lie in Japan (lon 122-154, lat 20-46)");
    }
    return new LonLat(x, y);
  }
}
