package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

class HazardGeneratorTest {

  private static final TownGeography GEO = new TownGeography(TownFrame.NUMAZU, DemoTownSpec.DEFAULT_SEED, List.of());

  @Test
  void zonesAreValidAndCoverARealisticShareOfHomes() {
    List<HazardZone> zones = HazardGenerator.generate(GEO, DemoTownSpec.DEFAULT_SEED, 1.0, List.of());
    assertThat(zones).allMatch(z -> z.geometry().isValid() && z.source().equals("demo"));
    RoadNetworkBuilder b = new RoadNetworkBuilder(GEO, DemoTownSpec.DEFAULT_SEED);
    b.build();
    HazardIndex idx = new HazardIndex(zones);
    Map<HazardType, Integer> homes = new EnumMap<>(HazardType.class);
    SplittableRandom r = new SplittableRandom(3);
    int n = 4000;
    for (int i = 0; i < n; i++) {
      double[] p = b.homes().sample(r);
      idx.at(GEO.frame.lon(p[0]), GEO.frame.lat(p[1])).forEach(t -> homes.merge(t, 1, Integer::sum));
    }
    // Numazu: much of the low centre floods, a coastal band is in the tsunami zone, few homes on slopes
    assertThat(homes.get(HazardType.FLOOD) / (double) n).isBetween(0.15, 0.45);
    assertThat(homes.get(HazardType.TSUNAMI) / (double) n).isBetween(0.05, 0.30);
    assertThat(homes.get(HazardType.LANDSLIDE) / (double) n).isBetween(0.01, 0.08);
  }

  @Test
  void realZonesAreKeptAndGeneratedOnesOfTheirTypeStayOutOfTheirReach() {
    Geometry box = TownGeography.GF.toGeometry(new Envelope(138.80, 138.86, 35.08, 35.12));
    HazardZone real = new HazardZone(HazardType.TSUNAMI, 2, null, "real", "scenario", "plateau", "x", box);
    List<HazardZone> zones = HazardGenerator.generate(GEO, DemoTownSpec.DEFAULT_SEED, 1.0, List.of(real));
    assertThat(zones.get(0)).isSameAs(real);
    Geometry inside = box.buffer(-1e-6);
    assertThat(zones).filteredOn(z -> z.type() == HazardType.TSUNAMI && z.source().equals("demo"))
        .isNotEmpty().noneMatch(z -> z.geometry().intersects(inside));
    assertThat(zones).filteredOn(z -> z.type() == HazardType.FLOOD && z.source().equals("demo"))
        .anyMatch(z -> z.geometry().intersects(inside));
  }
}
