package io.mimamori.data.demo;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Synthetic Japanese names with their kana: common family names (several frequent in Shizuoka) and
 * given names typical of the generation a person was born in. Any resemblance to a real person is
 * chance: names are drawn independently of everything else.
 */
final class NameBook {
  private NameBook() {}

  static final String[][] FAMILY = {
    {"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"}, {"田中", "タナカ"}, {"渡辺", "ワタナベ"},
    {"伊藤", "イトウ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"加藤", "カトウ"},
    {"吉田", "ヨシダ"}, {"山田", "ヤマダ"}, {"佐々木", "ササキ"}, {"山口", "ヤマグチ"}, {"松本", "マツモト"},
    {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"}, {"斎藤", "サイトウ"}, {"清水", "シミズ"},
    {"杉山", "スギヤマ"}, {"望月", "モチヅキ"}, {"勝又", "カツマタ"}, {"大石", "オオイシ"}, {"後藤", "ゴトウ"},
    {"石川", "イシカワ"}, {"長谷川", "ハセガワ"}, {"村松", "ムラマツ"}, {"土屋", "ツチヤ"}, {"芹沢", "セリザワ"},
    {"小野", "オノ"}, {"増田", "マスダ"}, {"池田", "イケダ"}, {"遠藤", "エンドウ"}, {"植松", "ウエマツ"},
    {"岩崎", "イワサキ"}, {"森", "モリ"}, {"山下", "ヤマシタ"}, {"原", "ハラ"}, {"青木", "アオキ"}
  };
  private static final String[][] OLD_WOMEN = {
    {"和子", "カズコ"}, {"幸子", "サチコ"}, {"節子", "セツコ"}, {"洋子", "ヨウコ"}, {"美智子", "ミチコ"},
    {"久子", "ヒサコ"}, {"文子", "フミコ"}, {"京子", "キョウコ"}, {"恵子", "ケイコ"}, {"弘子", "ヒロコ"},
    {"悦子", "エツコ"}, {"静江", "シズエ"}, {"敏子", "トシコ"}, {"千代子", "チヨコ"}, {"昭子", "アキコ"},
    {"ハル", "ハル"}, {"トミ", "トミ"}, {"君子", "キミコ"}
  };
  private static final String[][] OLD_MEN = {
    {"清", "キヨシ"}, {"茂", "シゲル"}, {"実", "ミノル"}, {"博", "ヒロシ"}, {"勇", "イサム"}, {"進", "ススム"},
    {"正男", "マサオ"}, {"武", "タケシ"}, {"勝", "マサル"}, {"昭", "アキラ"}, {"和夫", "カズオ"}, {"隆", "タカシ"},
    {"三郎", "サブロウ"}, {"一郎", "イチロウ"}, {"秀雄", "ヒデオ"}, {"義雄", "ヨシオ"}
  };
  private static final String[][] WOMEN = {
    {"陽子", "ヨウコ"}, {"直美", "ナオミ"}, {"智子", "トモコ"}, {"裕子", "ユウコ"}, {"真由美", "マユミ"},
    {"美香", "ミカ"}, {"愛", "アイ"}, {"彩", "アヤ"}, {"麻衣", "マイ"}, {"恵美", "エミ"}, {"由紀", "ユキ"}
  };
  private static final String[][] MEN = {
    {"誠", "マコト"}, {"大輔", "ダイスケ"}, {"健太", "ケンタ"}, {"拓也", "タクヤ"}, {"翔太", "ショウタ"},
    {"直樹", "ナオキ"}, {"浩二", "コウジ"}, {"剛", "ツヨシ"}, {"哲也", "テツヤ"}, {"亮", "リョウ"}
  };
  private static final String[][] GIRLS = {
    {"陽葵", "ヒマリ"}, {"結菜", "ユイナ"}, {"凛", "リン"}, {"芽依", "メイ"}, {"さくら", "サクラ"}, {"葵", "アオイ"},
    {"結衣", "ユイ"}, {"莉子", "リコ"}
  };
  private static final String[][] BOYS = {
    {"蓮", "レン"}, {"陽翔", "ハルト"}, {"湊", "ミナト"}, {"蒼", "アオイ"}, {"悠真", "ユウマ"}, {"大和", "ヤマト"},
    {"樹", "イツキ"}, {"颯太", "ソウタ"}
  };

  /** Every given name of the book, each {kanji, kana} (the build's test-log scan must list them all). */
  static List<String[]> givenNames() {
    return Stream.of(OLD_WOMEN, OLD_MEN, WOMEN, MEN, GIRLS, BOYS).flatMap(Arrays::stream).toList();
  }

  static String[] family(SplittableRandom r) {
    // a skewed draw: the first names of the list are the most common, as in the real distribution
    int i = (int) (FAMILY.length * Math.pow(r.nextDouble(), 1.6));
    return FAMILY[i];
  }

  /** A given name {kanji, kana} for someone of this sex born in this year. */
  static String[] given(SplittableRandom r, boolean female, int birthYear) {
    String[][] list = birthYear < 1960 ? (female ? OLD_WOMEN : OLD_MEN)
        : birthYear < 2005 ? (female ? WOMEN : MEN) : (female ? GIRLS : BOYS);
    return list[r.nextInt(list.length)];
  }

  static String fullName(SplittableRandom r, int birthYear) {
    boolean female = r.nextBoolean();
    return family(r)[0] + " " + given(r, female, birthYear)[0];
  }

  /** A landline in Numazu's 055 area or a mobile number, made up. */
  static String phone(SplittableRandom r, boolean mobile) {
    if (mobile) {
      return "0" + (7 + r.nextInt(3)) + "0-" + pad(r.nextInt(10_000), 4) + "-" + pad(r.nextInt(10_000), 4);
    }
    return "055-9" + pad(r.nextInt(100), 2) + "-" + pad(r.nextInt(10_000), 4);
  }

  static String pad(long value, int width) {
    String s = Long.toString(value);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
