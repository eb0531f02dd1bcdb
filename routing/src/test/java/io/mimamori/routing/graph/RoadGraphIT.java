package io.mimamori.routing.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.testing.TestGraphs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The road graph is built once per OSM content, loaded from its cache folder, rebuilt when the file changes. */
class RoadGraphIT {

  @Test
  void buildsOnceThenLoadsFromTheCacheAndRebuildsWhenTheFileChanges() throws Exception {
    Path dir = TestGraphs.tempDir("graph-cache-it");
    Path osm = dir.resolve("town.osm");
    Files.copy(TestGraphs.demoTown().osmFile(), osm);
    Path cache = dir.resolve("cache");
    List<String> phases = new ArrayList<>();
    List<Double> fractions = new ArrayList<>();
    ProgressListener listener = (phase, f) -> {
      phases.add(phase);
      fractions.add(f);
    };

    Path firstFolder;
    int nodes;
    double buildSeconds;
    try (RoadGraph g = RoadGraph.open(osm, cache, listener, () -> false)) {
      assertThat(g.builtNow()).isTrue();
      nodes = g.network().nodes();
      assertThat(nodes).isGreaterThan(3000);
      assertThat(g.network().edges()).isGreaterThan(4000);
      firstFolder = g.folder();
      buildSeconds = g.openSeconds();
      for (TravelProfile p : TravelProfile.values()) {
        assertThat(g.costs(p)).as(p.code()).isNotNull();
      }
    }
    assertThat(phases).contains("reading OSM", "removing small subnetworks", "building the location index", "road graph ready");
    assertThat(fractions).isSorted();
    assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
    assertThat(GraphCache.isComplete(firstFolder)).isTrue();

    try (RoadGraph g = RoadGraph.open(osm, cache, ProgressListener.none(), () -> false)) {
      assertThat(g.builtNow()).isFalse();
      assertThat(g.folder()).isEqualTo(firstFolder);
      assertThat(g.network().nodes()).isEqualTo(nodes);
      assertThat(g.openSeconds()).isLessThan(buildSeconds);
    }

    Files.writeString(osm, "<!-- changed -->\n", StandardOpenOption.APPEND);
    try (RoadGraph g = RoadGraph.open(osm, cache, ProgressListener.none(), () -> false)) {
      assertThat(g.builtNow()).isTrue();
      assertThat(g.folder()).isNotEqualTo(firstFolder);
      assertThat(g.network().nodes()).isEqualTo(nodes);
    }
    assertThat(firstFolder).doesNotExist();
  }

  @Test
  void aCancelledBuildLeavesNothingBehind() throws Exception {
    Path dir = TestGraphs.tempDir("graph-cancel-it");
    Path cache = dir.resolve("cache");
    AtomicInteger asked = new AtomicInteger();
    // the third question comes while ways are being read
    assertThatThrownBy(() -> RoadGraph.open(TestGraphs.demoTown().osmFile(), cache, ProgressListener.none(),
        () -> asked.incrementAndGet() >= 3))
        .isInstanceOf(CancellationException.class);
    assertThat(asked.get()).isEqualTo(3);
    try (Stream<Path> left = Files.list(cache)) {
      assertThat(left.toList()).isEmpty();
    }
  }

  @Test
  void aMissingFileSaysSo() {
    Path missing = Path.of("target", "no-such-town.osm");
    assertThatThrownBy(() -> RoadGraph.open(missing, TestGraphs.cacheRoot(), ProgressListener.none(), () -> false))
        .isInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessageContaining("no-such-town.osm");
  }

  @Test
  void readsTheRealExtracts() {
    RoadGraph andorra = TestGraphs.andorra();
    assertThat(andorra.network().nodes()).isGreaterThan(2000);
    RoadGraph monaco = TestGraphs.graph(TestGraphs.sharedFile("graphhopper-osm/monaco.osm.gz"));
    assertThat(monaco.network().nodes()).isGreaterThan(1000);
    RoadGraph tsukuba = TestGraphs.graph(TestGraphs.sharedFile("citygen-osm-japan/tsukuba_neighbourhood.osm"));
    assertThat(tsukuba.network().nodes()).isGreaterThan(50);
  }
}
