package io.mimamori.data.imports.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.data.imports.RowProblem;
import org.junit.jupiter.api.Test;

class RegisterValuesTest {

  @Test
  void sexInEveryUsualWording() throws RowProblem {
    for (String male : new String[] {"男", "男性", "M", "m", "Ｍ", "1", "１"}) {
      assertThat(RegisterValues.one(male, RegisterValues.SEX, "性別", null)).as(male).isEqualTo("male");
    }
    for (String female : new String[] {"女", "女性", "F", "ｆ", "2"}) {
      assertThat(RegisterValues.one(female, RegisterValues.SEX, "性別", null)).as(female).isEqualTo("female");
    }
    assertThat(RegisterValues.one("その他", RegisterValues.SEX, "性別", null)).isEqualTo("other");
    assertThat(RegisterValues.one("不明", RegisterValues.SEX, "性別", null)).isEqualTo("unknown");
    assertThatThrownBy(() -> RegisterValues.one("X", RegisterValues.SEX, "性別", null))
        .isInstanceOfSatisfying(RowProblem.class, p -> {
          assertThat(p.field()).isEqualTo("性別");
          assertThat(p.reason()).contains("男, 女, その他, 不明");
        });
    assertThatThrownBy(() -> RegisterValues.one(" ", RegisterValues.SEX, "性別", null)).hasMessageStartingWith("missing");
  }

  @Test
  void careLevels() throws RowProblem {
    assertThat(RegisterValues.one("要介護３", RegisterValues.CARE_LEVEL, "要介護度", "none")).isEqualTo("care_3");
    assertThat(RegisterValues.one("要支援 1", RegisterValues.CARE_LEVEL, "要介護度", "none")).isEqualTo("support_1");
    assertThat(RegisterValues.one("なし", RegisterValues.CARE_LEVEL, "要介護度", "none")).isEqualTo("none");
    assertThat(RegisterValues.one("", RegisterValues.CARE_LEVEL, "要介護度", "none")).isEqualTo("none");
    assertThatThrownBy(() -> RegisterValues.one("要介護6", RegisterValues.CARE_LEVEL, "要介護度", "none"))
        .hasMessageContaining("要支援1").hasMessageNotContaining("要介護6");
  }

  @Test
  void severalValuesInAnyOrderAndSeparator() throws RowProblem {
    assertThat(RegisterValues.several("知的、身体", RegisterValues.DISABILITY, "障害種別"))
        .containsExactly("physical", "intellectual");
    assertThat(RegisterValues.several("音声・言語・視覚", RegisterValues.DISABILITY, "障害種別"))
        .containsExactly("visual", "speech");
    assertThat(RegisterValues.several("精神　発達 難病", RegisterValues.DISABILITY, "障害種別"))
        .containsExactly("mental", "developmental", "intractable_disease");
    assertThat(RegisterValues.several("在宅酸素,人工呼吸器/たん吸引", RegisterValues.DEVICES, "医療機器"))
        .containsExactly("ventilator", "oxygen", "suction");
    assertThat(RegisterValues.several("なし", RegisterValues.DEVICES, "医療機器")).isEmpty();
    assertThat(RegisterValues.several("", RegisterValues.DEVICES, "医療機器")).isEmpty();
    assertThatThrownBy(() -> RegisterValues.several("酸素、ペースメーカー", RegisterValues.DEVICES, "医療機器"))
        .hasMessageContaining("人工呼吸器");
  }

  @Test
  void gradesAndCertificates() throws RowProblem {
    assertThat(RegisterValues.grade("１級", 6, "身体障害者手帳等級")).isEqualTo(1);
    assertThat(RegisterValues.grade("2", 6, "身体障害者手帳等級")).isEqualTo(2);
    assertThat(RegisterValues.grade("", 6, "身体障害者手帳等級")).isNull();
    assertThatThrownBy(() -> RegisterValues.grade("7級", 6, "身体障害者手帳等級")).hasMessageContaining("1 to 6");
    assertThatThrownBy(() -> RegisterValues.grade("4", 3, "精神障害者保健福祉手帳等級")).hasMessageContaining("1 to 3");
    assertThat(RegisterValues.intellectualGrade("A1", "療育手帳")).isEqualTo("A");
    assertThat(RegisterValues.intellectualGrade("Ａ２", "療育手帳")).isEqualTo("A");
    assertThat(RegisterValues.intellectualGrade("Ⓐ", "療育手帳")).isEqualTo("A");
    assertThat(RegisterValues.intellectualGrade("b1", "療育手帳")).isEqualTo("B");
    assertThat(RegisterValues.intellectualGrade("B2", "療育手帳")).isEqualTo("B");
    assertThat(RegisterValues.intellectualGrade("", "療育手帳")).isNull();
    assertThatThrownBy(() -> RegisterValues.intellectualGrade("C", "療育手帳")).hasMessageContaining("A or B");
  }

  @Test
  void yesAndNo() throws RowProblem {
    for (String yes : new String[] {"はい", "有", "○", "〇", "1", "Y", "true", "24時間"}) {
      assertThat(RegisterValues.yesNo(yes, "情報支援")).as(yes).isTrue();
    }
    for (String no : new String[] {"いいえ", "無", "×", "0", "", "N", "なし"}) {
      assertThat(RegisterValues.yesNo(no, "情報支援")).as(no).isFalse();
    }
    assertThatThrownBy(() -> RegisterValues.yesNo("たぶん", "情報支援")).hasMessageContaining("はい or いいえ");
  }

  @Test
  void canonicalWordingReadsBack() throws RowProblem {
    for (String code : RegisterValues.CARE_LEVEL.codes()) {
      assertThat(RegisterValues.one(RegisterValues.CARE_LEVEL.wording(code), RegisterValues.CARE_LEVEL, "f", null))
          .isEqualTo(code);
    }
    var all = RegisterValues.DISABILITY.codes();
    assertThat(RegisterValues.several(RegisterValues.wordings(RegisterValues.DISABILITY, all), RegisterValues.DISABILITY,
        "f")).isEqualTo(all);
    var devices = RegisterValues.DEVICES.codes();
    assertThat(RegisterValues.several(RegisterValues.wordings(RegisterValues.DEVICES, devices), RegisterValues.DEVICES,
        "f")).isEqualTo(devices);
  }

  @Test
  void phones() throws RowProblem {
    assertThat(RegisterRowParser.phone("０５５－９１２－３４５６", "電話番号")).isEqualTo("055-912-3456");
    assertThat(RegisterRowParser.phone("055(912)3456", "電話番号")).isEqualTo("055-912-3456");
    assertThat(RegisterRowParser.phone("09012345678", "電話番号")).isEqualTo("09012345678");
    assertThat(RegisterRowParser.phone("", "電話番号")).isNull();
    assertThatThrownBy(() -> RegisterRowParser.phone("123", "電話番号")).hasMessageContaining("10 or 11 digits");
  }
}
