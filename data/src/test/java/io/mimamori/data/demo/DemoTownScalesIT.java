package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The town grows and shrinks with the scale: road length follows the area, and nothing breaks at the ends. */
class DemoTownScalesIT {

  private static GeneratedTown town(double scale) throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "scale-" + scale);
    return DemoTownGenerator.generate(DemoTownSpec.of(11, 1_000, scale), dir, ProgressListener.none(), () -> false);
  }

  @Test
  void roadLengthFollowsTheArea() throws Exception {
    GeneratedTown small = town(0.25), normal = town(1.0), large = town(4.0);
    double s = small.roads().roadLengthMetres(), n = normal.roads().roadLengthMetres(), l = large.roads().roadLengthMetres();
    // four times the area, about four times the road; a small town has relatively more hill and shore
    assertThat(n / s).isBetween(3.0, 6.5);
    assertThat(l / n).isBetween(3.0, 6.5);
    for (GeneratedTown t : new GeneratedTown[] {small, normal, large}) {
      assertThat(t.districts()).hasSizeBetween(10, 30);
      assertThat(Files.size(t.osmFile())).isPositive();
      assertThat(Arrays.stream(ShelterKind.values()))
          .allMatch(k -> t.shelters().stream().map(Shelter::kind).anyMatch(k::equals));
    }
  }

  @Test
  void aTinyTownStillHasEverything() throws Exception {
    GeneratedTown tiny = town(DemoTownSpec.MIN_SCALE);
    assertThat(tiny.roads().wayCount("waterway", "river")).isEqualTo(3);
    assertThat(tiny.roads().roadLengthMetres()).isPositive();
    assertThat(tiny.hazards()).isNotEmpty();
  }
}
