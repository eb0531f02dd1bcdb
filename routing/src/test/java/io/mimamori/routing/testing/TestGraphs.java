package io.mimamori.routing.testing;

import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownLayers;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.data.demo.ProgressListener;
import io.mimamori.routing.graph.RoadGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Road graphs for tests, each built once per test JVM and cached under target/: the generated demo
 * town (a small one: 1,000 residents, default extent) and the real OSM extracts of ../shared/data.
 */
public final class TestGraphs {

  private static final Map<String, RoadGraph> graphs = new HashMap<>();
  private static DemoTownLayers demoTown;

  private TestGraphs() {}

  /** The project root (where the reactor pom is), as Maven passes it, or the working folder's parent. */
  public static Path projectRoot() {
    String root = System.getProperty("mimamori.root");
    if (root != null && !root.isBlank()) {
      return Path.of(root);
    }
    Path here = Path.of("").toAbsolutePath();
    return here.getParent() != null && here.resolve("../pom.xml").toFile().exists() ? here.getParent() : here;
  }

  /** ../shared/data beside the project root. */
  public static Path sharedData() {
    String shared = System.getProperty("mimamori.shared");
    Path base = shared != null && !shared.isBlank() ? Path.of(shared) : projectRoot().resolve("../shared");
    return base.resolve("data").normalize();
  }

  /** A file of ../shared/data; skips the test with a message when it is absent. */
  public static Path sharedFile(String relative) {
    Path p = sharedData().resolve(relative);
    Assumptions.assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is absent (the real data sets live in ../shared/data)");
    return p;
  }

  /** A fresh folder under routing/target. */
  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path cacheRoot() {
    return Path.of("target", "graph-cache");
  }

  /** The small demo town: 1,000 residents at the default extent (same roads as the default town). */
  public static synchronized DemoTownLayers demoTown() {
    if (demoTown == null) {
      try {
        demoTown = DemoTownGenerator.generateLayers(DemoTownSpec.of(DemoTownSpec.DEFAULT_SEED, 1000, 1.0),
            Path.of("target", "demo-town"), ProgressListener.none(), () -> false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return demoTown;
  }

  public static synchronized RoadGraph demoGraph() {
    return graph(demoTown().osmFile());
  }

  /** Andorra (graphhopper-osm/andorra.osm.pbf); skips when absent. */
  public static synchronized RoadGraph andorra() {
    return graph(sharedFile("graphhopper-osm/andorra.osm.pbf"));
  }

  public static synchronized RoadGraph graph(Path osm) {
    return graphs.computeIfAbsent(osm.toAbsolutePath().toString(), k -> {
      try {
        return RoadGraph.open(osm, cacheRoot(), io.mimamori.routing.ProgressListener.none(), () -> false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
