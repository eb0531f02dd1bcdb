package io.mimamori.data.imports.register;

import io.mimamori.data.imports.RowProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The vocabularies of a register file, read (Japanese wording as resident systems write it, full-
 * or half-width) into the schema's codes, and written back in the canonical Japanese an export
 * uses (the first wording of each list below). Every reader throws a {@link RowProblem} that names
 * the field's header and lists what is accepted, never the value it was given.
 */
public final class RegisterValues {

  /** 性別: 男/男性/M/1, 女/女性/F/2, その他, 不明 (1 and 2 as in the resident register's sex codes). */
  static final Vocabulary SEX = Vocabulary.of(
      "male", List.of("男", "男性", "M", "MALE", "1"),
      "female", List.of("女", "女性", "F", "FEMALE", "2"),
      "other", List.of("その他", "他"),
      "unknown", List.of("不明", "未記載", "9", "0"));

  /** 要介護度: なし (or blank), 要支援1-2, 要介護1-5. */
  static final Vocabulary CARE_LEVEL = Vocabulary.of(
      "none", List.of("なし", "無", "非該当", "自立", "-"),
      "support_1", List.of("要支援1"), "support_2", List.of("要支援2"),
      "care_1", List.of("要介護1"), "care_2", List.of("要介護2"), "care_3", List.of("要介護3"),
      "care_4", List.of("要介護4"), "care_5", List.of("要介護5"));

  /** 障害種別 (several, separated by 、 , ・ / or space). */
  static final Vocabulary DISABILITY = Vocabulary.of(
      "physical", List.of("身体", "肢体", "肢体不自由", "身体障害", "内部", "内部障害"),
      "visual", List.of("視覚", "視覚障害"),
      "hearing", List.of("聴覚", "聴覚障害", "聴覚・平衡", "聴覚平衡"),
      "speech", List.of("音声言語", "音声・言語", "言語", "音声言語機能", "音声・言語機能", "言語障害"),
      "intellectual", List.of("知的", "知的障害"),
      "mental", List.of("精神", "精神障害"),
      "developmental", List.of("発達", "発達障害"),
      "intractable_disease", List.of("難病", "特定疾患", "指定難病"));

  /** 医療機器 (several). */
  static final Vocabulary DEVICES = Vocabulary.of(
      "ventilator", List.of("人工呼吸器", "呼吸器", "人工呼吸"),
      "oxygen", List.of("酸素", "在宅酸素", "酸素濃縮器", "在宅酸素療法"),
      "suction", List.of("吸引", "吸引器", "たん吸引", "痰吸引", "喀痰吸引"),
      "dialysis", List.of("透析", "人工透析", "腹膜透析"),
      "feeding_pump", List.of("経管栄養", "栄養ポンプ", "経管栄養ポンプ", "胃ろう"),
      "electric_bed", List.of("電動ベッド", "エアマット"),
      "other_powered", List.of("その他", "その他電源", "その他の電源を要する機器"));

  /** 就学区分: なし, 特別支援学校 (a pupil), 未就学児 (a pre-school child with a disability). */
  static final Vocabulary SCHOOL = Vocabulary.of(
      "none", List.of("なし", "無"),
      "special_needs_pupil", List.of("特別支援学校", "特別支援学校在籍", "支援学校", "在籍"),
      "preschool_child", List.of("未就学児", "未就学", "就学前"));

  /** 世帯構成: 単身, 高齢者のみ, その他. */
  static final Vocabulary COMPOSITION = Vocabulary.of(
      "alone", List.of("単身", "独居", "ひとり暮らし", "一人暮らし", "単身世帯"),
      "elderly_couple", List.of("高齢者のみ", "高齢者世帯", "高齢者のみ世帯", "高齢夫婦", "高齢者夫婦"),
      "with_family", List.of("その他", "同居", "家族同居", "その他世帯"));

  /** 状態 (of the entry): 在籍, 転出, 死亡, 施設入所. */
  static final Vocabulary STATUS = Vocabulary.of(
      "active", List.of("在籍", "登録", "有効"),
      "moved_away", List.of("転出"),
      "deceased", List.of("死亡"),
      "in_care_facility", List.of("施設入所", "入所"));

  static final Set<String> YES = Set.of("はい", "有", "あり", "有り", "要", "必要", "○", "〇", "◯", "●", "✓", "1", "Y", "YES",
      "TRUE", "該当", "24時間", "24H", "常時");
  static final Set<String> NO = Set.of("いいえ", "無", "なし", "無し", "不要", "×", "✕", "-", "0", "N", "NO", "FALSE", "非該当");

  private static final Set<String> NONE = Set.of("なし", "無", "-");
  private static final Pattern SPACES = Pattern.compile("[\\s\u3000]+");
  private static final Pattern SEPARATORS = Pattern.compile("[、,，・/／;；|]+");
  private static final Pattern GRADE_WORDS = Pattern.compile("^第|種?級$");

  private RegisterValues() {}

  /** One value of a vocabulary; a blank cell gives {@code blank} (null when a value is required). */
  static String one(String cell, Vocabulary vocabulary, String field, String blank) throws RowProblem {
    String key = Vocabulary.key(cell);
    if (key.isEmpty()) {
      if (blank == null) {
        throw new RowProblem(field, "missing: expected one of " + vocabulary.expected());
      }
      return blank;
    }
    String code = vocabulary.code(key);
    if (code == null) {
      throw new RowProblem(field, "not a known value: expected one of " + vocabulary.expected());
    }
    return code;
  }

  /** Several values of a vocabulary, in the vocabulary's order, each once; blank or なし gives none. */
  static List<String> several(String cell, Vocabulary vocabulary, String field) throws RowProblem {
    String key = Vocabulary.key(cell == null ? null : SPACES.matcher(cell.strip()).replaceAll("、"));
    if (key.isEmpty() || NONE.contains(key)) {
      return List.of();
    }
    // "音声・言語" is one item although ・ separates items elsewhere
    String joined = key.replace("音声・言語", "音声言語").replace("聴覚・平衡", "聴覚平衡");
    Set<Integer> found = new TreeSet<>();
    List<String> codes = vocabulary.codes();
    for (String part : SEPARATORS.split(joined)) {
      if (part.isEmpty()) {
        continue;
      }
      found.add(codes.indexOf(one(part, vocabulary, field, null)));
    }
    return found.stream().map(codes::get).toList();
  }

  /** はい/いいえ and their kin; blank is no. */
  static boolean yesNo(String cell, String field) throws RowProblem {
    String key = Vocabulary.key(cell);
    if (key.isEmpty() || NO.contains(key)) {
      return false;
    }
    if (YES.contains(key)) {
      return true;
    }
    throw new RowProblem(field, "expected はい or いいえ (also 有/無, ○/×, 1/0)");
  }

  /** 身体障害者手帳 1-6級, 精神障害者保健福祉手帳 1-3級: "1", "１級", "2級"; blank is none. */
  static Integer grade(String cell, int max, String field) throws RowProblem {
    String key = GRADE_WORDS.matcher(Vocabulary.key(cell)).replaceAll("");
    if (key.isEmpty() || NONE.contains(key)) {
      return null;
    }
    if (key.matches("[1-9]") && Integer.parseInt(key) <= max) {
      return Integer.parseInt(key);
    }
    throw new RowProblem(field, "expected a grade from 1 to " + max + " (1級 ... " + max + "級) or blank");
  }

  /** 療育手帳: A (A, A1, A2, Ⓐ, 重度) or B (B, B1, B2, 中度, 軽度); blank is none. */
  static String intellectualGrade(String cell, String field) throws RowProblem {
    String key = Vocabulary.key(cell);
    if (key.isEmpty() || NONE.contains(key)) {
      return null;
    }
    if (key.matches("A[12]?|マルA|最重度|重度")) {
      return "A";
    }
    if (key.matches("B[12]?|中度|軽度")) {
      return "B";
    }
    throw new RowProblem(field, "expected A or B (A1, A2, B1, B2 are read as A and B) or blank");
  }

  /** Several codes written in the export's wording, separated by 、. */
  static String wordings(Vocabulary vocabulary, List<String> codes) {
    List<String> out = new ArrayList<>();
    for (String c : codes) {
      out.add(vocabulary.wording(c));
    }
    return String.join("、", out);
  }
}
