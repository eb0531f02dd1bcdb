package io.mimamori.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MvtReaderTest {

  // MoveTo(1) = 9, LineTo(3) = 26, ClosePath = 15; parameters zigzag-encoded (10 -> 20, -10 -> 19)
  private static final int[] SQUARE_10 = {9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15};

  @Test
  void aPolygonsAreaIsCountedInTileUnitsAndHolesSubtract() {
    assertThat(new MvtReader.Feature(1, 3, Map.of(), SQUARE_10).area()).isEqualTo(100.0);
    // the square, then a 2 x 2 hole drawn the other way round, starting at (4, 4) relative to (0, 10)
    int[] withHole = {9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15,
        9, 8, 7, 26, 0, 4, 4, 0, 0, 3, 15};
    assertThat(new MvtReader.Feature(1, 3, Map.of(), withHole).area()).isEqualTo(96.0);
  }

  @Test
  void aPolygonCollapsedOntoTheGridHasNoAreaAndPointsHaveNone() {
    int[] sliver = {9, 0, 0, 18, 20, 0, 19, 0, 15}; // there and back along one line
    assertThat(new MvtReader.Feature(1, 3, Map.of(), sliver).area()).isZero();
    assertThat(new MvtReader.Feature(1, 1, Map.of(), new int[] {9, 4, 4}).area()).isZero();
  }

  @Test
  void onlyThePartInsideTheSquareCounts() {
    MvtReader.Feature square = new MvtReader.Feature(1, 3, Map.of(), SQUARE_10);
    assertThat(square.areaWithin(5, 100, false)).isEqualTo(25.0);
    assertThat(square.areaWithin(-1, 2.5, false)).isEqualTo(6.25);
    assertThat(square.areaWithin(-1, 2.5, true)).as("2.5 rounds to 2 (half to even)").isEqualTo(4.0);
    assertThat(square.areaWithin(9.7, 20, false)).isCloseTo(0.3 * 0.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(square.areaWithin(9.7, 20, true)).as("a sliver collapses on the grid").isZero();
    assertThat(square.areaWithin(20, 30, false)).isZero();
  }
}
