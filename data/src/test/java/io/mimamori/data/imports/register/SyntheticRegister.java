package io.mimamori.data.imports.register;

import io.mimamori.data.imports.TextEncoding;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Register files of made-up people (見守町, 試験町 and 仮名町 of 沼津市 do not exist; the names are
 * invented), written in the encodings municipalities use, and a look at what got stored.
 */
final class SyntheticRegister {

  static final String MUNICIPALITY = "222038";

  /** A municipal-style header: combined name and kana, synonyms, one column mimamori does not use (備考). */
  static final String HEADER = "名簿番号,氏名,フリガナ,生年月日,性別,住所,電話番号,緯度,経度,要介護度,障害種別,身体障害者手帳等級,"
      + "療育手帳,精神障害者保健福祉手帳等級,医療機器,人工呼吸器24時間,情報支援,判断支援,世帯番号,世帯構成,備考";

  /** Five residents in three households: wareki and western dates, full-width digits and spaces, half-width kana. */
  static final List<String> ROWS = List.of(
      "1001,見守　太郎,ミマモリ　タロウ,昭和15年4月1日,男,静岡県沼津市見守町１丁目２番３号,055-000-0001,35.0956,138.8634,"
          + "要介護３,身体,１級,,,人工呼吸器、吸引,はい,はい,いいえ,H-1,高齢者のみ,",
      "1002,見守　花子,ミマモリ　ハナコ,S18.7.7,女,静岡県沼津市見守町1-2-3,,35.0956,138.8634,要支援1,,,,,,いいえ,いいえ,はい,"
          + "H-1,高齢者のみ,\"メモ, 引継ぎ\"",
      "1003,試験　一郎,シケン　イチロウ,平成元年1月8日,M,沼津市試験町二丁目5番地,０９０－０００－０００３,35.1000,138.8700,なし,"
          + "知的・発達,,Ａ１,,,,はい,はい,H-2,その他,",
      "1004,試験　桜,ｼｹﾝ ｻｸﾗ,２０１９／０５／０１,F,沼津市試験町2-5,,,,,知的,,B2,,経管栄養,,,,H-2,その他,",
      "1005,仮名　次郎,カメイ　ジロウ,平成31年4月30日,１,沼津市仮名町3-1-1,,35.1100,138.8800,,精神,,,２級,,,,,,単身,");

  private SyntheticRegister() {}

  static String csv(String header, List<String> rows) {
    StringBuilder b = new StringBuilder(header).append("\r\n");
    for (String r : rows) {
      b.append(r).append("\r\n");
    }
    return b.toString();
  }

  static Path utf8(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "\uFEFF" + text, StandardCharsets.UTF_8);
    return file;
  }

  static Path shiftJis(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, text.getBytes(TextEncoding.SHIFT_JIS));
    return file;
  }

  static Path write(Path dir, String name, String text, Charset charset) throws IOException {
    return charset.equals(StandardCharsets.UTF_8) ? utf8(dir, name, text) : shiftJis(dir, name, text);
  }

  /** One line per stored resident, by register number: every register item, the household and the version. */
  static List<String> stored(DataSource ds) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("""
            SELECT r.register_no, r.municipality_code, r.family_name, r.given_name, r.family_name_kana, r.given_name_kana,
                   r.birth_date, r.sex, r.phone, r.care_level, r.disability_types, r.physical_disability_grade,
                   r.intellectual_disability_grade, r.mental_disability_grade, r.medical_devices, r.ventilator_24h,
                   r.needs_info_support, r.needs_decision_support, r.register_status, r.version,
                   h.household_no, h.address, round(ST_X(h.geom)::numeric, 6), round(ST_Y(h.geom)::numeric, 6),
                   h.composition, h.member_count
            FROM resident r JOIN household h ON h.id = r.household_id ORDER BY r.register_no""")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cells.add(String.valueOf(rs.getObject(i)));
        }
        out.add(String.join("|", cells));
      }
    }
    return out;
  }

  /** One column of one resident, as text. */
  static String column(DataSource ds, String registerNo, String expression) throws SQLException {
    try (Connection c = ds.getConnection();
        var ps = c.prepareStatement("SELECT (" + expression + ")::text FROM resident r JOIN household h"
            + " ON h.id = r.household_id WHERE r.register_no = ?")) {
      ps.setString(1, registerNo);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static long count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
