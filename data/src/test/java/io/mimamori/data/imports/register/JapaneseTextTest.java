package io.mimamori.data.imports.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JapaneseTextTest {

  @Test
  void fullWidthAsciiAndIdeographicSpacesBecomeHalfWidth() {
    assertThat(JapaneseText.halfWidth("１２３　ＡＢｃ－（）")).isEqualTo("123 ABc-()");
    assertThat(JapaneseText.halfWidth("見守　太郎")).isEqualTo("見守 太郎");
    assertThat(JapaneseText.token("　０５５－９１２－３４５６　")).isEqualTo("055-912-3456");
    assertThat(JapaneseText.token("　　")).isNull();
    assertThat(JapaneseText.halfWidth(null)).isNull();
  }

  @Test
  void kanaBecomeFullWidthKatakanaWithOneIdeographicSpace() {
    assertThat(JapaneseText.katakana("ﾐﾏﾓﾘ ﾀﾛｳ")).isEqualTo("ミマモリ　タロウ");
    assertThat(JapaneseText.katakana("みまもり　　はなこ")).isEqualTo("ミマモリ　ハナコ");
    assertThat(JapaneseText.katakana("ミマモリ")).isEqualTo("ミマモリ");
    assertThat(JapaneseText.katakana("")).isNull();
  }

  @Test
  void aFullNameSplitsAtTheFirstSpaceOfEitherWidth() {
    assertThat(JapaneseText.splitName("見守　太郎")).containsExactly("見守", "太郎");
    assertThat(JapaneseText.splitName(" 見守 太郎 ")).containsExactly("見守", "太郎");
    assertThat(JapaneseText.splitName("スミス　ジョン　ポール")).containsExactly("スミス", "ジョン　ポール");
    assertThat(JapaneseText.splitName("見守太郎")).isNull();
    assertThat(JapaneseText.splitName("")).isNull();
  }

  @Test
  void namesAreNotRewritten() {
    // 髙 and 﨑 are people's names: trimming only
    assertThat(JapaneseText.splitName("髙﨑　一")).containsExactly("髙﨑", "一");
    assertThat(JapaneseText.nameKey("髙﨑", "　一")).isEqualTo("髙﨑一");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "静岡県沼津市見守町1丁目2番3号",
      "静岡県沼津市見守町一丁目２番地３",
      "沼津市見守町1-2-3",
      "沼津市見守町１－２－３",
      "静岡県 沼津市 見守町 1丁目2番地の3",
      "沼津市見守町1の2の3",
      "沼津市見守町1ー2ー3",
      "沼津市大字見守町1‐2‐3",
      "静岡県沼津市見守町1丁目2-3",
      "沼津市見守町１丁目２番３号",
  })
  void addressFormsOfOnePlaceShareAKey(String address) {
    assertThat(JapaneseText.addressKey(address)).isEqualTo("沼津市見守町1-2-3");
  }

  @Test
  void differentPlacesKeepDifferentKeys() {
    assertThat(JapaneseText.addressKey("沼津市見守町1-2-3")).isNotEqualTo(JapaneseText.addressKey("沼津市見守町1-2-4"));
    assertThat(JapaneseText.addressKey("沼津市見守町1-2-3")).isNotEqualTo(JapaneseText.addressKey("三島市見守町1-2-3"));
    assertThat(JapaneseText.addressKey("沼津市見守町12-3")).isNotEqualTo(JapaneseText.addressKey("沼津市見守町1-23"));
    assertThat(JapaneseText.addressKey("沼津市見守町十二丁目3番")).isEqualTo("沼津市見守町12-3");
    assertThat(JapaneseText.addressKey("京都府京都市左京区見守町3番地")).isEqualTo("京都市左京区見守町3");
    assertThat(JapaneseText.addressKey(" ")).isNull();
  }

  @Test
  void kanjiNumbers() {
    assertThat(JapaneseText.kanjiNumber("三")).isEqualTo(3);
    assertThat(JapaneseText.kanjiNumber("十")).isEqualTo(10);
    assertThat(JapaneseText.kanjiNumber("十二")).isEqualTo(12);
    assertThat(JapaneseText.kanjiNumber("二十")).isEqualTo(20);
    assertThat(JapaneseText.kanjiNumber("百五")).isEqualTo(105);
    assertThat(JapaneseText.kanjiNumber("一〇")).isEqualTo(10);
  }
}
