package io.mimamori.data.imports.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.data.imports.register.JapaneseDates.DateProblem;
import io.mimamori.data.imports.register.JapaneseDates.Style;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseDatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      令和6年4月1日        | 2024-04-01
      令和６年４月１日      | 2024-04-01
      R6.4.1              | 2024-04-01
      r06/04/01           | 2024-04-01
      Ｒ６．４．１          | 2024-04-01
      令6.4.1             | 2024-04-01
      R6年4月1日           | 2024-04-01
      令和 6 年 4 月 1 日   | 2024-04-01
      令和元年5月1日        | 2019-05-01
      R元.5.1             | 2019-05-01
      令和1年5月1日         | 2019-05-01
      平成31年4月30日       | 2019-04-30
      H31.4.30            | 2019-04-30
      ㍻31年4月30日         | 2019-04-30
      平成元年1月8日        | 1989-01-08
      昭和64年1月7日        | 1989-01-07
      S64-1-7             | 1989-01-07
      昭和元年12月25日       | 1926-12-25
      大正15年12月24日      | 1926-12-24
      大正元年7月30日        | 1912-07-30
      T1.7.30             | 1912-07-30
      明治45年7月29日       | 1912-07-29
      昭和20年8月15日       | 1945-08-15
      2024/04/01          | 2024-04-01
      2024-04-01          | 2024-04-01
      2024-4-1            | 2024-04-01
      2024.04.01          | 2024-04-01
      ２０２４／０４／０１    | 2024-04-01
      2024年4月1日         | 2024-04-01
      20240401            | 2024-04-01
      2024/04/01 0:00:00  | 2024-04-01
      2024/4/1 0:00       | 2024-04-01
      2000/02/29          | 2000-02-29
      """)
  void readsWarekiAndWesternDates(String text, String expected) throws DateProblem {
    assertThat(JapaneseDates.parse(text)).isEqualTo(LocalDate.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      平成31年5月1日   | outside the era 平成
      令和元年4月30日   | outside the era 令和
      昭和64年1月8日   | outside the era 昭和
      平成元年1月7日   | outside the era 平成
      大正15年12月25日 | outside the era 大正
      令和0年5月1日    | year 0
      令和6年2月30日   | no such day
      2023/02/29      | no such day
      2024/13/01      | no such day
      2024/04/01x     | expected a date
      24/4/1          | expected a date
      45383           | expected a date
      X6.4.1          | expected a date
      2024/04-01      | expected a date
      """)
  void refusesDaysOutsideTheirEraAndNonDates(String text, String reason) {
    assertThatThrownBy(() -> JapaneseDates.parse(text)).isInstanceOf(DateProblem.class).hasMessageContaining(reason)
        .hasMessageNotContaining(text);
  }

  @Test
  void aBlankDateIsMissing() {
    assertThatThrownBy(() -> JapaneseDates.parse("　")).hasMessageStartingWith("missing");
    assertThatThrownBy(() -> JapaneseDates.parse(null)).hasMessageStartingWith("missing");
  }

  @Test
  void writesWarekiWithGannenAndWesternWithSlashes() {
    assertThat(JapaneseDates.format(LocalDate.of(2024, 4, 1), Style.WAREKI)).isEqualTo("令和6年4月1日");
    assertThat(JapaneseDates.format(LocalDate.of(2019, 5, 1), Style.WAREKI)).isEqualTo("令和元年5月1日");
    assertThat(JapaneseDates.format(LocalDate.of(2019, 4, 30), Style.WAREKI)).isEqualTo("平成31年4月30日");
    assertThat(JapaneseDates.format(LocalDate.of(1989, 1, 7), Style.WAREKI)).isEqualTo("昭和64年1月7日");
    assertThat(JapaneseDates.format(LocalDate.of(1989, 1, 8), Style.WAREKI)).isEqualTo("平成元年1月8日");
    assertThat(JapaneseDates.format(LocalDate.of(1926, 12, 24), Style.WAREKI)).isEqualTo("大正15年12月24日");
    assertThat(JapaneseDates.format(LocalDate.of(1850, 1, 2), Style.WAREKI)).isEqualTo("1850/01/02");
    assertThat(JapaneseDates.format(LocalDate.of(2024, 4, 1), Style.WESTERN)).isEqualTo("2024/04/01");
  }

  @Test
  void everyDayOfAHundredYearsSurvivesBothStyles() throws DateProblem {
    for (LocalDate d = LocalDate.of(1920, 1, 1); d.isBefore(LocalDate.of(2030, 1, 1)); d = d.plusDays(1)) {
      assertThat(JapaneseDates.parse(JapaneseDates.format(d, Style.WAREKI))).isEqualTo(d);
      assertThat(JapaneseDates.parse(JapaneseDates.format(d, Style.WESTERN))).isEqualTo(d);
    }
  }
}
