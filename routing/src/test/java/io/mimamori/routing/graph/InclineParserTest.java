package io.mimamori.routing.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InclineParserTest {

  @Test
  void percentInEitherDirection() {
    assertThat(InclineParser.percent("12%")).isEqualTo(12);
    assertThat(InclineParser.percent("-9%")).isEqualTo(9);
    assertThat(InclineParser.percent(" 7.5 % ")).isEqualTo(7.5);
    assertThat(InclineParser.percent("8")).isEqualTo(8);
    assertThat(InclineParser.percent("4,5%")).isEqualTo(4.5);
  }

  @Test
  void rangesTakeTheSteeperEnd() {
    assertThat(InclineParser.percent("4-6%")).isEqualTo(6);
    assertThat(InclineParser.percent("-5%;-10%")).isEqualTo(10);
  }

  @Test
  void degreesBecomePercent() {
    assertThat(InclineParser.percent("5°")).isCloseTo(8.75, within(0.01));
    assertThat(InclineParser.percent("45deg")).isCloseTo(100, within(0.01));
  }

  @Test
  void wordsAndNothingStateNoSteepness() {
    assertThat(InclineParser.percent(null)).isZero();
    assertThat(InclineParser.percent("")).isZero();
    assertThat(InclineParser.percent("up")).isZero();
    assertThat(InclineParser.percent("down")).isZero();
    assertThat(InclineParser.percent("yes")).isZero();
  }
}
