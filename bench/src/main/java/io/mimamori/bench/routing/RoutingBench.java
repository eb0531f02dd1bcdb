package io.mimamori.bench.routing;

import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownLayers;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.Route;
import io.mimamori.routing.RouterSettings;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.TravelTimeMatrix;
import io.mimamori.routing.graph.RoadGraph;
import io.mimamori.routing.hazard.HazardArea;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The routing benchmark: graph build and load, matrices with a realistic blocked set against
 * GraphHopper single routes and pgRouting, single-route latency, and the welfare pre-assignment
 * against an exact reference. Prints markdown tables.
 *
 * <pre>
 * java -Xmx3g -cp 'bench/target/classes:bench/target/lib/*' io.mimamori.bench.routing.RoutingBench \
 *     [sections=build,matrix,routes,pgrouting,preassign] [work folder=bench/target/routing-bench]
 * </pre>
 */
public final class RoutingBench {

  static final long SEED = DemoTownSpec.DEFAULT_SEED;
  /** 40,000 residents give the town about 50 welfare shelters; roads do not depend on it. */
  static final int RESIDENTS = 40_000;

  private RoutingBench() {}

  public static void main(String[] args) throws Exception {
    Set<String> sections = Set.of((args.length > 0 ? args[0] : "build,matrix,routes,pgrouting,preassign").split(","));
    Path work = Path.of(args.length > 1 ? args[1] : "bench/target/routing-bench").toAbsolutePath();
    Files.createDirectories(work);
    System.out.println(Measure.f("machine: %d processors, load average %.1f at start, max heap %d MiB",
        Runtime.getRuntime().availableProcessors(), Measure.loadAverage(), Runtime.getRuntime().maxMemory() >> 20));
    DemoTownLayers town = DemoTownGenerator.generateLayers(DemoTownSpec.of(SEED, RESIDENTS, 1.0), work.resolve("town-1"),
        (p, f) -> {}, () -> false);
    if (sections.contains("build")) {
      BuildBench.run(town, work);
    }
    try (RoadGraph graph = RoadGraph.open(town.osmFile(), work.resolve("cache"), ProgressListener.none(), () -> false);
        HazardAwareRouter router = new HazardAwareRouter(graph, RouterSettings.defaults())) {
      List<HazardArea> areas = heavyRain(town.hazards());
      router.setHazards(areas);
      System.out.println(Measure.f("%nheavy-rain blocked set: %d areas (%d blocking) in %d zones, %d of %d road segments blocked",
          areas.size(), areas.stream().filter(HazardArea::blocks).count(), router.hazards().zoneCount(),
          router.hazards().blockedEdgeCount(), graph.network().edges()));
      GraphHopperPeer gh = new GraphHopperPeer(graph.graphHopper(), areas);
      if (sections.contains("matrix")) {
        MatrixBench.run(town, router, gh);
      }
      if (sections.contains("routes")) {
        routes(town, router, gh, areas);
      }
      if (sections.contains("pgrouting")) {
        MatrixBench.pgRouting(router, work);
      }
      if (sections.contains("preassign")) {
        PreAssignBench.run(town, router);
      }
    }
    System.out.println(Measure.f("%nload average at the end %.1f", Measure.loadAverage()));
  }

  /** Flood zones of depth rank 3 and above and landslide special warning zones block; the rest warn. */
  static List<HazardArea> heavyRain(List<HazardZone> zones) {
    List<HazardArea> out = new ArrayList<>();
    int i = 0;
    for (HazardZone z : zones) {
      boolean blocks = (z.type() == HazardType.FLOOD && z.rank() >= 3)
          || (z.type() == HazardType.LANDSLIDE && z.rank() == 2);
      out.add(new HazardArea(z.type().code() + "-" + i++, z.type().code() + " rank " + z.rank(), z.geometry(), blocks));
    }
    return out;
  }

  static List<GeoPoint> homes(DemoTownLayers town, int n, long seed) {
    return town.homes(n, seed).stream().map(h -> GeoPoint.ofLonLat(h.lon(), h.lat())).toList();
  }

  private static void routes(DemoTownLayers town, HazardAwareRouter router, GraphHopperPeer gh, List<HazardArea> areas) {
    int pairs = 2000;
    List<GeoPoint> from = homes(town, pairs, 101), to = homes(town, pairs, 102);
    System.out.println("\n### Single routes, demo town, 2,000 random home pairs (geometry included)\n");
    System.out.println("| profile | blocking | ours p50 ms | ours p99 ms | GraphHopper p50 ms | GraphHopper p99 ms | found ours / GH |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    for (TravelProfile p : List.of(TravelProfile.FOOT, TravelProfile.CAR)) {
      for (boolean blocking : new boolean[] {false, true}) {
        router.setHazards(blocking ? areas : List.of());
        for (int i = 0; i < 300; i++) { // warm up both
          router.route(p, from.get(i), to.get(i));
          gh.seconds(p, from.get(i), to.get(i), blocking, true);
        }
        double[] ours = new double[pairs], theirs = new double[pairs];
        int foundOurs = 0, foundGh = 0;
        for (int i = 0; i < pairs; i++) {
          long t0 = System.nanoTime();
          Route r = router.route(p, from.get(i), to.get(i));
          ours[i] = (System.nanoTime() - t0) / 1e6;
          foundOurs += r.found() ? 1 : 0;
          t0 = System.nanoTime();
          double s = gh.seconds(p, from.get(i), to.get(i), blocking, true);
          theirs[i] = (System.nanoTime() - t0) / 1e6;
          foundGh += Double.isFinite(s) ? 1 : 0;
        }
        Arrays.sort(ours);
        Arrays.sort(theirs);
        System.out.println(Measure.f("| %s | %s | %.2f | %.2f | %.2f | %.2f | %d / %d |", p.code(), blocking ? "heavy rain" : "none",
            Measure.percentile(ours, 50), Measure.percentile(ours, 99), Measure.percentile(theirs, 50),
            Measure.percentile(theirs, 99), foundOurs, foundGh));
      }
    }
    router.setHazards(areas);
  }

  /** Random pairs for sampling N² single routes: {from indices, to indices}. */
  static int[][] samplePairs(int rows, int cols, int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[][] out = new int[2][count];
    for (int i = 0; i < count; i++) {
      out[0][i] = r.nextInt(rows);
      out[1][i] = r.nextInt(cols);
    }
    return out;
  }

  /** "a of b" sampled pairs (those marked comparable and found by both) whose times match within 1 s + 1%. */
  static String checkAgainst(TravelTimeMatrix m, double[] ghSeconds, int[][] pairs, boolean[] comparable) {
    int agree = 0, compared = 0;
    for (int k = 0; k < ghSeconds.length; k++) {
      double ours = m.seconds(pairs[0][k], pairs[1][k]);
      if (comparable[k] && Double.isFinite(ours) && Double.isFinite(ghSeconds[k])) {
        compared++;
        if (Math.abs(ours - ghSeconds[k]) <= 1 + 0.01 * ghSeconds[k]) {
          agree++;
        }
      }
    }
    return Measure.f("%,d of %,d", agree, compared);
  }
}
