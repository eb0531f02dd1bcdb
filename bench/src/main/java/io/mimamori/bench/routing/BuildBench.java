package io.mimamori.bench.routing;

import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownLayers;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.graph.RoadGraph;
import java.nio.file.Files;
import java.nio.file.Path;

/** Graph build (first start) and load (cached start) for the demo town and one of ten times its road length. */
final class BuildBench {

  private BuildBench() {}

  static void run(DemoTownLayers town, Path work) throws Exception {
    DemoTownLayers big = DemoTownGenerator.generateLayers(DemoTownSpec.of(RoutingBench.SEED, 1000, 10.0),
        work.resolve("town-10"), (p, f) -> {}, () -> false);
    System.out.println("\n### Road graph build and cached start\n");
    System.out.println("| town | OSM MiB | nodes | edges | build s | cached start s | heap held MiB | search arrays MiB | cache on disk MiB |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    row("demo town (scale 1)", town.osmFile(), work.resolve("build-cache-1"));
    row("10x road length (scale 10)", big.osmFile(), work.resolve("build-cache-10"));
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (Files.exists(root)) {
      try (var all = Files.walk(root)) {
        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static void row(String name, Path osm, Path cache) throws Exception {
    deleteTree(cache);
    long before = Measure.usedHeapAfterGc();
    RoadGraph g;
    long t0 = System.nanoTime();
    g = RoadGraph.open(osm, cache, ProgressListener.none(), () -> false);
    double build = (System.nanoTime() - t0) / 1e9;
    int nodes = g.network().nodes(), edges = g.network().edges();
    g.close();
    t0 = System.nanoTime();
    g = RoadGraph.open(osm, cache, ProgressListener.none(), () -> false);
    double load = (System.nanoTime() - t0) / 1e9;
    long held = Measure.usedHeapAfterGc() - before;
    long arrays = g.searchArrayBytes();
    long disk = Measure.folderBytes(g.folder());
    System.out.println(Measure.f("| %s | %.1f | %,d | %,d | %.1f | %.2f | %d | %.1f | %.1f |", name,
        Files.size(osm) / 1048576.0, nodes, edges, build, load, held >> 20, arrays / 1048576.0, disk / 1048576.0));
    g.close();
  }
}
