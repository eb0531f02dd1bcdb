package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoTownSpecTest {

  @Test
  void defaultsAreNumazuSized() {
    DemoTownSpec d = DemoTownSpec.defaults();
    assertThat(d.seed()).isEqualTo(20260101L);
    assertThat(d.residents()).isEqualTo(20_000);
    assertThat(d.scale()).isEqualTo(1.0);
    assertThat(d.realShelters()).isEmpty();
    assertThat(d.realHazards()).isEmpty();
    assertThat(DemoTownSpec.of(1, 1_000_000, 10).residents()).isEqualTo(1_000_000);
  }

  @Test
  void rejectsSizesOutOfRange() {
    assertThatThrownBy(() -> DemoTownSpec.of(1, 999, 1)).hasMessageContaining("residents");
    assertThatThrownBy(() -> DemoTownSpec.of(1, 5_000_001, 1)).hasMessageContaining("residents");
    assertThatThrownBy(() -> DemoTownSpec.of(1, 1000, 0)).hasMessageContaining("scale");
    assertThatThrownBy(() -> DemoTownSpec.of(1, 1000, Double.NaN)).hasMessageContaining("scale");
  }

  @Test
  void scaleGrowsTheAreaNotTheShape() {
    TownFrame one = TownFrame.of(1, java.util.List.of());
    TownFrame ten = TownFrame.of(10, java.util.List.of());
    assertThat(one).isEqualTo(TownFrame.NUMAZU);
    double a1 = one.widthMetres() * one.heightMetres(), a10 = ten.widthMetres() * ten.heightMetres();
    assertThat(a10 / a1).isCloseTo(10, org.assertj.core.data.Offset.offset(0.2));
    assertThat(ten.centre().lon()).isCloseTo(one.centre().lon(), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void registerNumbersAreFixedWidth() {
    assertThat(ResidentFactory.registerNo(42)).isEqualTo("R0000042");
    assertThat(ResidentFactory.registerNo(12_345_678)).isEqualTo("R12345678");
  }
}
