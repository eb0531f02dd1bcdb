package io.mimamori.data.imports.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.data.imports.UnreadableFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterHeaderTest {

  @Test
  void synonymsAndWidthsAndNotesMapToOneField() {
    assertThat(RegisterHeader.fieldOf("名簿番号")).isEqualTo(RegisterColumn.REGISTER_NO);
    assertThat(RegisterHeader.fieldOf("名簿ＮＯ")).isEqualTo(RegisterColumn.REGISTER_NO);
    assertThat(RegisterHeader.fieldOf(" 氏名（漢字） ")).isEqualTo(RegisterColumn.FULL_NAME);
    assertThat(RegisterHeader.fieldOf("氏名（カナ）")).isEqualTo(RegisterColumn.FULL_NAME_KANA);
    assertThat(RegisterHeader.fieldOf("フリガナ")).isEqualTo(RegisterColumn.FULL_NAME_KANA);
    assertThat(RegisterHeader.fieldOf("フリガナ(姓)")).isEqualTo(RegisterColumn.FAMILY_NAME_KANA);
    assertThat(RegisterHeader.fieldOf("生年月日（西暦）")).isEqualTo(RegisterColumn.BIRTH_DATE);
    assertThat(RegisterHeader.fieldOf("※生年月日")).isEqualTo(RegisterColumn.BIRTH_DATE);
    assertThat(RegisterHeader.fieldOf("緯度（世界測地系）")).isEqualTo(RegisterColumn.LATITUDE);
    assertThat(RegisterHeader.fieldOf("Longitude")).isEqualTo(RegisterColumn.LONGITUDE);
    assertThat(RegisterHeader.fieldOf("ＴＥＬ")).isEqualTo(RegisterColumn.PHONE);
    assertThat(RegisterHeader.fieldOf("要介護状態区分")).isEqualTo(RegisterColumn.CARE_LEVEL);
    assertThat(RegisterHeader.fieldOf("療育手帳判定")).isEqualTo(RegisterColumn.INTELLECTUAL_GRADE);
    assertThat(RegisterHeader.fieldOf("人工呼吸器（24時間）")).isEqualTo(RegisterColumn.VENTILATOR_24H);
    assertThat(RegisterHeader.fieldOf("異動事由")).isEqualTo(RegisterColumn.CHANGE);
    assertThat(RegisterHeader.fieldOf("備考")).isNull();
    assertThat(RegisterHeader.fieldOf("")).isNull();
  }

  @Test
  void everyExportedHeaderReadsBackAsItsField() {
    for (RegisterColumn c : RegisterColumn.exported()) {
      assertThat(RegisterHeader.fieldOf(c.header())).as(c.header()).isEqualTo(c);
    }
    assertThat(RegisterColumn.exported()).doesNotContain(RegisterColumn.CHANGE, RegisterColumn.FULL_NAME);
  }

  @Test
  void unknownColumnsAreListedAndADeltaIsToldByItsChangeColumn() throws Exception {
    RegisterHeader h = RegisterHeader.of("a.csv",
        List.of("名簿番号", "氏名", "フリガナ", "生年月日", "性別", "住所", "備考", "", "異動区分"));
    assertThat(h.unused()).containsExactly("備考", "(column 8, no header)");
    assertThat(h.isDelta()).isTrue();
    assertThat(h.indexOf(RegisterColumn.BIRTH_DATE)).isEqualTo(3);
    assertThat(h.headerOf(RegisterColumn.FULL_NAME)).isEqualTo("氏名");
    assertThat(h.headerOf(RegisterColumn.CARE_LEVEL)).isEqualTo("要介護度");
  }

  @Test
  void separateNameColumnsWinOverACombinedOne() throws Exception {
    RegisterHeader h = RegisterHeader.of("a.csv", List.of("名簿番号", "氏名", "姓", "名", "生年月日", "性別", "住所"));
    assertThat(h.has(RegisterColumn.FULL_NAME)).isFalse();
    assertThat(h.unused()).containsExactly("氏名");
    assertThat(h.isDelta()).isFalse();
  }

  @Test
  void aFileWithoutTheRegisterItemsCannotBeRead() {
    assertThatThrownBy(() -> RegisterHeader.of("a.csv", List.of("名簿番号", "氏名", "性別", "住所")))
        .isInstanceOf(UnreadableFileException.class).hasMessageContaining("line 1").hasMessageContaining("生年月日");
    assertThatThrownBy(() -> RegisterHeader.of("a.csv", List.of("名簿番号", "生年月日", "性別", "住所")))
        .hasMessageContaining("氏名 (or 姓 and 名)");
    assertThatThrownBy(() -> RegisterHeader.of("a.csv", List.of("名簿番号", "姓", "生年月日", "性別", "住所")))
        .hasMessageContaining("missing column 名");
    assertThatThrownBy(() -> RegisterHeader.of("a.csv", List.of("名簿番号", "氏名", "生年月日", "性別", "住所", "緯度")))
        .hasMessageContaining("緯度 and 経度 come together");
    assertThatThrownBy(() -> RegisterHeader.of("a.csv", List.of("名簿番号", "登録番号", "氏名", "生年月日", "性別", "住所")))
        .hasMessageContaining("columns 1 (名簿番号) and 2 (登録番号) both mean 名簿番号");
  }

  @Test
  void aRegisterHeaderIsToldFromOtherCsv() {
    assertThat(RegisterHeader.looksLikeRegister(List.of("宛名番号", "氏名", "生年月日（和暦）"))).isTrue();
    assertThat(RegisterHeader.looksLikeRegister(List.of("portal_shelter_id", "address"))).isFalse();
    assertThat(RegisterHeader.looksLikeRegister(List.of("名簿番号", "氏名"))).isFalse();
  }
}
