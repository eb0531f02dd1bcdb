package io.mimamori.data.imports.register;

import java.util.List;

/**
 * 異動区分: what one row of a delta file does to the stored register. 新規 inserts a resident (the
 * number must be new); 転出, 死亡 and 施設入所 set the entry's status (the number must be stored; the
 * row's other cells may be blank); 変更 replaces the entry's items with the row's (a whole row).
 */
public enum RegisterChange {
  NEW("active", "新規", "新規登録", "追加", "転入"),
  MOVED_AWAY("moved_away", "転出"),
  DECEASED("deceased", "死亡"),
  IN_CARE_FACILITY("in_care_facility", "施設入所", "入所"),
  CHANGED(null, "変更", "修正", "更新");

  private final String status;
  private final List<String> wordings;

  RegisterChange(String status, String... wordings) {
    this.status = status;
    this.wordings = List.of(wordings);
  }

  /** The register status the change sets; null for 変更, which keeps it. */
  public String status() {
    return status;
  }

  /** True for 転出, 死亡 and 施設入所: only the status changes. */
  public boolean statusOnly() {
    return this == MOVED_AWAY || this == DECEASED || this == IN_CARE_FACILITY;
  }

  /** The wording a person reads (the first accepted). */
  public String wording() {
    return wordings.get(0);
  }

  private static final Vocabulary VOCABULARY = vocabularyOf();

  static Vocabulary vocabulary() {
    return VOCABULARY;
  }

  private static Vocabulary vocabularyOf() {
    Object[] pairs = new Object[values().length * 2];
    for (RegisterChange c : values()) {
      pairs[2 * c.ordinal()] = c.name();
      pairs[2 * c.ordinal() + 1] = c.wordings;
    }
    return Vocabulary.of(pairs);
  }
}
