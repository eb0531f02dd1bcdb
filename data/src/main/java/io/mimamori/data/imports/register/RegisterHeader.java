package io.mimamori.data.imports.register;

import io.mimamori.data.imports.UnreadableFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A register file's header line read against the {@link RegisterColumn} dictionary: which column
 * holds which field, under which header (rejections name the header as the file writes it), and
 * which columns mean nothing to mimamori. A file needs 名簿番号, a name (氏名, or 姓 and 名), 生年月日,
 * 性別 and 住所; 緯度 and 経度 come together or not at all. With 異動区分 the file is a delta.
 */
public final class RegisterHeader {

  private static final Map<String, RegisterColumn> EXACT = new HashMap<>();

  static {
    for (RegisterColumn c : RegisterColumn.values()) {
      for (String h : c.accepted()) {
        RegisterColumn earlier = EXACT.put(RegisterColumn.normalise(h), c);
        if (earlier != null && earlier != c) {
          throw new IllegalStateException("header " + h + " is listed for both " + earlier + " and " + c);
        }
      }
    }
  }

  private final Map<RegisterColumn, Integer> index;
  private final List<String> headers;
  private final List<String> unused;

  private RegisterHeader(Map<RegisterColumn, Integer> index, List<String> headers, List<String> unused) {
    this.index = index;
    this.headers = headers;
    this.unused = unused;
  }

  /** The field a header means, if any. */
  public static RegisterColumn fieldOf(String header) {
    String n = RegisterColumn.normalise(header);
    RegisterColumn c = EXACT.get(n);
    if (c == null) {
      String plain = RegisterColumn.withoutNote(n);
      c = plain == null ? null : EXACT.get(plain);
    }
    return c;
  }

  /** True when a first line looks like a register file's header: a register number and a date of birth. */
  public static boolean looksLikeRegister(List<String> header) {
    boolean number = false;
    boolean birth = false;
    for (String h : header) {
      RegisterColumn c = fieldOf(h);
      number |= c == RegisterColumn.REGISTER_NO;
      birth |= c == RegisterColumn.BIRTH_DATE;
    }
    return number && birth;
  }

  /** Reads a header line; a file without the fields every register needs cannot be read. */
  public static RegisterHeader of(String file, List<String> header) throws UnreadableFileException {
    Map<RegisterColumn, Integer> index = new EnumMap<>(RegisterColumn.class);
    List<String> headers = new ArrayList<>();
    List<String> unused = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).strip();
      headers.add(h);
      RegisterColumn c = fieldOf(h);
      if (c == null) {
        unused.add(h.isEmpty() ? "(column " + (i + 1) + ", no header)" : h);
        continue;
      }
      Integer earlier = index.putIfAbsent(c, i);
      if (earlier != null) {
        throw new UnreadableFileException(file, 1, "columns " + (earlier + 1) + " (" + headers.get(earlier) + ") and "
            + (i + 1) + " (" + h + ") both mean " + c.label() + "; keep one");
      }
    }
    // separate name columns win over a combined one, which is then unused
    if (index.containsKey(RegisterColumn.FAMILY_NAME) && index.containsKey(RegisterColumn.FULL_NAME)) {
      unused.add(headers.get(index.remove(RegisterColumn.FULL_NAME)));
    }
    if (index.containsKey(RegisterColumn.FAMILY_NAME_KANA) && index.containsKey(RegisterColumn.FULL_NAME_KANA)) {
      unused.add(headers.get(index.remove(RegisterColumn.FULL_NAME_KANA)));
    }
    require(file, index, RegisterColumn.REGISTER_NO);
    if (!index.containsKey(RegisterColumn.FULL_NAME)) {
      if (!index.containsKey(RegisterColumn.FAMILY_NAME) && !index.containsKey(RegisterColumn.GIVEN_NAME)) {
        throw missing(file, "氏名 (or 姓 and 名)", RegisterColumn.FULL_NAME);
      }
      require(file, index, RegisterColumn.FAMILY_NAME);
      require(file, index, RegisterColumn.GIVEN_NAME);
    }
    if (index.containsKey(RegisterColumn.FAMILY_NAME_KANA) != index.containsKey(RegisterColumn.GIVEN_NAME_KANA)) {
      throw new UnreadableFileException(file, 1, "セイ and メイ (kana of the family and given name) come together");
    }
    require(file, index, RegisterColumn.BIRTH_DATE);
    require(file, index, RegisterColumn.SEX);
    require(file, index, RegisterColumn.ADDRESS);
    if (index.containsKey(RegisterColumn.LATITUDE) != index.containsKey(RegisterColumn.LONGITUDE)) {
      throw new UnreadableFileException(file, 1, "緯度 and 経度 come together (or leave both out to place homes by address)");
    }
    return new RegisterHeader(index, List.copyOf(headers), List.copyOf(unused));
  }

  private static void require(String file, Map<RegisterColumn, Integer> index, RegisterColumn c)
      throws UnreadableFileException {
    if (!index.containsKey(c)) {
      throw missing(file, c.label(), c);
    }
  }

  private static UnreadableFileException missing(String file, String what, RegisterColumn c) {
    return new UnreadableFileException(file, 1, "missing column " + what + " in the header (accepted: "
        + String.join(", ", c.accepted()) + ")");
  }

  public boolean has(RegisterColumn c) {
    return index.containsKey(c);
  }

  /** True when the file carries 異動区分: each row is a change to the stored register. */
  public boolean isDelta() {
    return has(RegisterColumn.CHANGE);
  }

  /** The column index of a field, or -1. */
  public int indexOf(RegisterColumn c) {
    return index.getOrDefault(c, -1);
  }

  /** The header under which the file gives a field (what a rejection names), or the dictionary's label. */
  public String headerOf(RegisterColumn c) {
    Integer i = index.get(c);
    return i == null ? c.label() : headers.get(i);
  }

  public int width() {
    return headers.size();
  }

  /** Headers of the columns that mean nothing to mimamori, in file order. */
  public List<String> unused() {
    return Collections.unmodifiableList(unused);
  }

  /** The raw cell of a field in a row, or null when the file has no such column. */
  public String cell(List<String> row, RegisterColumn c) {
    Integer i = index.get(c);
    return i == null || i >= row.size() ? null : row.get(i);
  }
}
