package io.mimamori.data.imports.register;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The column dictionary of a register file (避難行動要支援者名簿 CSV): each field, the Japanese header
 * an export writes, and the other headers an import accepts for it. Headers are compared after
 * NFKC (full-width letters and brackets to half-width), without whitespace, ※ or *, and ignoring
 * ASCII case; a header that matches nothing is tried again without a trailing bracketed note, so
 * 「緯度（世界測地系）」 is 緯度 and 「生年月日(和暦)」 is 生年月日. Columns that match nothing are
 * ignored and listed in the import's report. The order here is the export's column order.
 */
public enum RegisterColumn {
  REGISTER_NO("名簿番号", "登録番号", "名簿No", "名簿No.", "台帳番号", "要支援者番号", "宛名番号"),
  MUNICIPALITY_CODE("市区町村コード", "団体コード", "自治体コード", "地方公共団体コード", "市町村コード"),
  FAMILY_NAME("姓", "氏", "姓(漢字)", "氏(漢字)"),
  GIVEN_NAME("名", "名(漢字)"),
  FULL_NAME(null, "氏名", "名前", "氏名(漢字)", "対象者氏名", "要支援者氏名"),
  FAMILY_NAME_KANA("セイ", "姓カナ", "姓(カナ)", "カナ姓", "フリガナ(姓)", "姓フリガナ", "氏カナ"),
  GIVEN_NAME_KANA("メイ", "名カナ", "名(カナ)", "カナ名", "フリガナ(名)", "名フリガナ"),
  FULL_NAME_KANA(null, "フリガナ", "カナ", "ふりがな", "カナ氏名", "氏名カナ", "氏名(カナ)", "氏名フリガナ", "よみがな",
      "ヨミガナ", "氏名(フリガナ)"),
  BIRTH_DATE("生年月日", "誕生日", "生年月日(和暦)", "生年月日(西暦)"),
  SEX("性別", "性別コード"),
  ADDRESS("住所", "現住所", "住所地", "所在地", "住所(方書含む)"),
  PHONE("電話番号", "電話", "連絡先", "連絡先電話番号", "TEL", "電話番号(自宅)"),
  LATITUDE("緯度", "lat", "latitude", "緯度(10進)"),
  LONGITUDE("経度", "lon", "lng", "longitude", "経度(10進)"),
  CARE_LEVEL("要介護度", "要介護状態区分", "介護度", "要介護認定", "要介護区分"),
  DISABILITY_TYPES("障害種別", "障害の種類", "障がい種別", "障碍種別", "障害区分"),
  PHYSICAL_GRADE("身体障害者手帳等級", "身体障害者手帳", "身障手帳等級", "身体障害等級", "身体障がい者手帳等級", "身体手帳等級"),
  INTELLECTUAL_GRADE("療育手帳", "療育手帳等級", "療育手帳判定", "療育手帳区分", "療育手帳程度"),
  MENTAL_GRADE("精神障害者保健福祉手帳等級", "精神障害者保健福祉手帳", "精神手帳等級", "精神障がい者保健福祉手帳等級",
      "精神保健福祉手帳等級"),
  SEVERE_MOTOR_INTELLECTUAL("重症心身障害", "重症心身障害児者", "重症心身障害児・者", "重心"),
  MEDICAL_DEVICES("医療機器", "医療的ケア", "使用医療機器", "在宅医療機器", "医療機器等"),
  VENTILATOR_24H("人工呼吸器24時間", "人工呼吸器(24時間)", "24時間人工呼吸器", "人工呼吸器常時使用"),
  INFO_SUPPORT("情報支援", "情報伝達支援", "情報取得支援", "情報支援の要否"),
  DECISION_SUPPORT("判断支援", "避難判断支援", "判断支援の要否"),
  SCHOOL_STATUS("就学区分", "就学状況", "在籍区分"),
  HOUSEHOLD_NO("世帯番号", "世帯コード", "世帯No", "世帯No."),
  COMPOSITION("世帯構成", "世帯状況", "世帯区分", "世帯類型"),
  MEMBER_COUNT("世帯人数", "世帯員数", "世帯人員"),
  FAMILY_FRAIL("同居家族要配慮", "家族要配慮", "同居家族も要配慮"),
  ALONE_DAYTIME("日中独居", "日中独居世帯"),
  REGISTER_STATUS("状態", "名簿状態", "登録状態", "在籍状態"),
  REGISTERED_ON("登録日", "名簿登録日", "登録年月日"),
  VERSION("更新回数"),
  CHANGE("異動区分", "異動事由", "異動種別", "異動");

  private final String header;
  private final List<String> accepted;

  RegisterColumn(String header, String... synonyms) {
    this.header = header;
    java.util.ArrayList<String> all = new java.util.ArrayList<>();
    if (header != null) {
      all.add(header);
    }
    all.addAll(List.of(synonyms));
    this.accepted = List.copyOf(all);
  }

  /** The header an export writes; null for the combined name columns, which an export splits. */
  public String header() {
    return header;
  }

  /** Every header accepted for the field, the export's first. */
  public List<String> accepted() {
    return accepted;
  }

  /** The header of this field as a person reads it: the export's, or the first accepted. */
  public String label() {
    return accepted.get(0);
  }

  /** The columns an export writes, in order. */
  public static List<RegisterColumn> exported() {
    return java.util.Arrays.stream(values()).filter(c -> c.header != null && c != CHANGE).toList();
  }

  /** A header as compared: NFKC, no whitespace, ※ or *, ASCII lower case. */
  static String normalise(String header) {
    String s = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC);
    return s.replaceAll("[\\s※*\uFEFF]", "").toLowerCase(Locale.ROOT);
  }

  /** A normalised header without a trailing bracketed note ("緯度(世界測地系)" → "緯度"), or null if none. */
  static String withoutNote(String normalised) {
    int open = Math.max(normalised.lastIndexOf('('), normalised.lastIndexOf('['));
    if (open <= 0 || !(normalised.endsWith(")") || normalised.endsWith("]"))) {
      return null;
    }
    return normalised.substring(0, open);
  }
}
