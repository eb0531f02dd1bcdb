package io.mimamori.data.imports.gsi;

import io.mimamori.layers.shelter.Shelter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a welfare shelter's published 受入対象者 wording into the codes of
 * {@link Shelter#TARGET_GROUPS}, by the words municipalities use: Kobe's 要配慮者とその家族等 →
 * care_needing + families, 高齢者・市が特定した者とその家族等 → elderly + designated_by_city +
 * families, 障害者・市が特定した者とその家族等 → disabled + designated_by_city + families; Sendai's
 * 在校生 → pupils; 要介護高齢者、障害者、妊産婦、乳幼児等 → elderly + disabled + pregnant + infants.
 * Wording with none of these words gives no codes; the text itself is always kept beside them.
 */
public final class TargetGroups {

  private static final Map<String, List<String>> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put("care_needing", List.of("要配慮者", "要援護者", "要支援者", "第49条の10", "第四十九条の十"));
    WORDS.put("elderly", List.of("高齢者", "要介護", "老人"));
    WORDS.put("disabled", List.of("障害者", "障がい者", "障碍者", "障害児", "障がい児", "身体障", "知的障", "精神障"));
    WORDS.put("pupils", List.of("在校生", "在籍", "児童生徒", "生徒"));
    WORDS.put("preschool_disabled", List.of("未就学"));
    WORDS.put("pregnant", List.of("妊産婦", "妊婦"));
    WORDS.put("infants", List.of("乳幼児", "乳児"));
    WORDS.put("designated_by_city",
        List.of("市が特定", "町が特定", "村が特定", "区が特定", "市長が", "町長が", "村長が", "区長が", "特定した者", "指定した者"));
    WORDS.put("families", List.of("家族"));
  }

  private TargetGroups() {}

  /** The codes the wording names; empty when none of the known words occur. */
  public static Set<String> codesFor(String wording) {
    Set<String> codes = new TreeSet<>();
    if (wording == null) {
      return codes;
    }
    String text = wording.strip();
    WORDS.forEach((code, words) -> {
      if (words.stream().anyMatch(text::contains)) {
        codes.add(code);
      }
    });
    return codes;
  }
}
