package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoadNetworkBuilderTest {

  private TownGeography geo;
  private RoadNetwork net;
  private RoadNetworkBuilder builder;

  @BeforeAll
  void build() {
    geo = new TownGeography(TownFrame.NUMAZU, DemoTownSpec.DEFAULT_SEED, List.of());
    builder = new RoadNetworkBuilder(geo, DemoTownSpec.DEFAULT_SEED);
    net = builder.build();
  }

  @Test
  void hasTheWholeHierarchy() {
    for (String hw : List.of("trunk", "primary", "secondary", "tertiary", "residential", "service", "footway", "steps")) {
      assertThat(net.wayCount("highway", hw)).as(hw).isPositive();
    }
    assertThat(net.wayCount("oneway", "yes")).isPositive();
    assertThat(net.wayCount("name", "国道1号")).isPositive();
    // a city of Numazu's extent has on the order of a thousand kilometres of road
    assertThat(net.roadLengthMetres() / 1000).isBetween(600.0, 2000.0);
  }

  @Test
  void hasRiversACoastlineAndBridges() {
    assertThat(net.wayCount("waterway", "river")).isEqualTo(3);
    assertThat(net.wayCount("natural", "coastline")).isEqualTo(1);
    assertThat(net.wayCount("bridge", "yes")).isGreaterThan(5);
    assertThat(net.ways).filteredOn(w -> "yes".equals(w.tag("bridge"))).allMatch(w -> "1".equals(w.tag("layer")));
  }

  @Test
  void noRoadNodeLiesInTheSeaOrARiverBed() {
    for (RoadNetwork.Way w : net.ways) {
      if (w.tag("highway") == null) {
        continue;
      }
      for (int n : w.nodes()) {
        assertThat(geo.isLand(net.x(n), net.y(n))).isTrue();
        assertThat(geo.inRiver(net.x(n), net.y(n), 0)).isFalse();
      }
    }
  }

  @Test
  void stepsAndSteepFootwaysCarryTheirIncline() {
    assertThat(net.ways).filteredOn(w -> "steps".equals(w.tag("highway")))
        .allMatch(w -> "up".equals(w.tag("incline")) || "down".equals(w.tag("incline")));
    assertThat(net.ways).filteredOn(w -> "footway".equals(w.tag("highway")) && w.tag("incline") != null)
        .isNotEmpty().allMatch(w -> w.tag("incline").matches("-?\\d+%"));
  }

  @Test
  void homesStandOnDryLand() {
    var r = new java.util.SplittableRandom(1);
    for (int i = 0; i < 2000; i++) {
      double[] p = builder.homes().sample(r);
      assertThat(geo.isDryLand(p[0], p[1], 0)).isTrue();
    }
  }
}
