package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoadNetworkBuilderTest {

  @Test
  void buildsAHierarchyWithBridgesOverEveryRiverAndNoRoadInTheSea() throws Exception {
    long t0 = System.nanoTime();
    TownGeography geo = new TownGeography(TownFrame.NUMAZU, DemoTownSpec.DEFAULT_SEED, List.of());
    RoadNetworkBuilder b = new RoadNetworkBuilder(geo, DemoTownSpec.DEFAULT_SEED);
    RoadNetwork net = b.build();
    System.out.printf("built in %d ms: %d nodes, %d ways, %.0f km of road%n", (System.nanoTime() - t0) / 1_000_000,
        net.nodeCount(), net.ways.size(), net.roadLengthMetres() / 1000);
    for (String hw : List.of("trunk", "primary", "secondary", "tertiary", "residential", "service", "footway", "steps")) {
      System.out.println(hw + " " + net.wayCount("highway", hw));
      assertThat(net.wayCount("highway", hw)).as(hw).isPositive();
    }
    assertThat(net.wayCount("bridge", "yes")).isGreaterThan(5);
    assertThat(net.wayCount("waterway", "river")).isEqualTo(3);
    assertThat(net.wayCount("natural", "coastline")).isEqualTo(1);
    assertThat(net.wayCount("oneway", "yes")).isPositive();
    for (RoadNetwork.Way w : net.ways) {
      if (w.tag("highway") != null) {
        for (int n : w.nodes()) {
          assertThat(geo.isLand(net.x(n), net.y(n))).isTrue();
        }
      }
    }
    Path dir = Path.of("target");
    Files.createDirectories(dir);
    long t1 = System.nanoTime();
    var zones = HazardGenerator.generate(geo, DemoTownSpec.DEFAULT_SEED, 1.0, List.of());
    System.out.printf("hazards in %d ms: %d zones%n", (System.nanoTime() - t1) / 1_000_000, zones.size());
    for (var z : zones) {
      System.out.println("  " + z.type() + " " + z.rank() + " " + z.phenomenon() + " " + z.name() + " valid=" + z.geometry().isValid());
    }
    HazardIndex idx = new HazardIndex(zones);
    java.util.Map<Object, Integer> counts = new java.util.TreeMap<>();
    var rnd = new java.util.SplittableRandom(3);
    for (int i = 0; i < 5000; i++) {
      double[] p = b.homes().sample(rnd);
      for (var t : idx.at(geo.frame.lon(p[0]), geo.frame.lat(p[1]))) {
        counts.merge(t.code(), 1, Integer::sum);
      }
    }
    System.out.println("homes of 5000 in zones: " + counts);
    TownPreview.draw(geo, net, b.homes(), zones.stream().filter(z -> z.type().code().equals(System.getProperty("zone", "flood")))
        .map(z -> geo.frame.toLocal(z.geometry())).toList(), dir.resolve("town-preview.png"));
  }
}
