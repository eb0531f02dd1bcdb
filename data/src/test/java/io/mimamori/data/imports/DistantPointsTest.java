package io.mimamori.data.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.data.imports.DistantPoints.Located;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistantPointsTest {

  @Test
  void aPointFarFromItsMunicipalityIsNamedAndOneNearItIsNot() {
    List<Located> points = List.of(
        new Located("434281", 1, 131.13, 32.82),
        new Located("434281", 2, 131.15, 32.80),
        new Located("434281", 3, 131.20, 32.78), // about 7 km east: fine
        new Located("434281", 4, 136.77, 35.42), // a namesake town in Gifu, about 590 km away
        new Located("431001", 5, 130.70, 32.80),
        new Located("431001", 6, 136.00, 35.00)); // a group of two is too small to judge
    List<Integer> far = DistantPoints.rowsFarFromTheirGroup(points, 100);
    assertThat(far).containsExactly(4);
    assertThat(DistantPoints.note(far, 100, "shelters"))
        .isEqualTo("1 shelter lies over 100 km from the other shelters of its municipality (row 4): check its coordinates");
    assertThat(DistantPoints.note(List.of(), 100, "shelters")).isNull();
  }
}
