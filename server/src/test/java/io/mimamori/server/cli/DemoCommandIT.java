package io.mimamori.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.layers.testing.TestPostgis;
import io.mimamori.layers.town.TownStore;
import io.mimamori.layers.town.TownSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ./mimamori demo} does before it serves, on a small town. */
class DemoCommandIT {

  @TempDir Path out;

  @Test
  void aGeneratedTownIsLoadedScoredCheckedAndGetsOneAccountPerRole() throws Exception {
    try (Database db = Database.open(TestPostgis.freshDatabase("demo_generated"), 4)) {
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      boolean loaded = DemoCommand.prepare(db.dataSource(), DemoTownSpec.of(7, 2_000, 0.5), List.of(), List.of(),
          out, () -> false, new PrintStream(console, true, StandardCharsets.UTF_8));
      assertThat(loaded).isTrue();
      TownSummary town = new TownStore(db.dataSource()).summary();
      assertThat(town.activeResidents()).isBetween(1_800L, 2_000L);
      assertThat(town.sheltersByKind()).containsKeys("evacuation_site", "designated_shelter", "welfare_shelter",
          "child_welfare_shelter");
      assertThat(town.hazardZonesByType()).containsKeys("flood", "tsunami", "landslide");
      assertThat(new PriorityStore(db.dataSource()).bandCounts(PriorityProfile.NATIONAL)).containsKeys("A", "D");
      assertThat(new AccountStore(db.dataSource()).count()).isEqualTo(7);
      String printed = console.toString(StandardCharsets.UTF_8);
      assertThat(printed).contains("demo.hq", "Scored", "Checked every plan");
      assertThat(Files.exists(out.resolve("town.osm"))).isTrue();
      io.mimamori.server.config.ServerConfig plain = new io.mimamori.server.config.ServerConfig("127.0.0.1", 0,
          out.resolve("home"), java.util.Optional.empty(), java.util.Optional.empty(), "", "町", 4, 64_000_000L, 3, 10);
      assertThat(plain.routing().osmFile()).isEmpty();
      assertThat(DemoCommand.withDemoRoads(plain, db.dataSource(), new PrintStream(console, true, StandardCharsets.UTF_8))
          .routing().osmFile()).as("the demo routes on its own roads").contains(out.resolve("town.osm").toAbsolutePath());

      boolean again = DemoCommand.prepare(db.dataSource(), DemoTownSpec.of(7, 2_000, 0.5), List.of(), List.of(),
          out, () -> false, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(again).as("a second start reuses the town").isFalse();
      assertThat(new AccountStore(db.dataSource()).count()).isEqualTo(7);
    }
  }

  @Test
  void numazusRealSheltersAndHazardsAreUsedWhenTheSharedDataIsThere() throws Exception {
    Path shared = TestPostgis.sharedData();
    List<Path> shelters = DemoCommand.files(null, shared, DemoCommand.NUMAZU_SHELTERS);
    List<Path> hazards = DemoCommand.files(null, shared, DemoCommand.NUMAZU_HAZARDS);
    Assumptions.assumeTrue(!shelters.isEmpty() && !hazards.isEmpty(),
        "../shared/data with Numazu's GSI and PLATEAU files is absent: the real-data demo is not checked here");
    try (Database db = Database.open(TestPostgis.freshDatabase("demo_real"), 4)) {
      DemoCommand.prepare(db.dataSource(), DemoTownSpec.of(7, 2_000, 1.0), shelters, hazards, out, () -> false,
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      TownSummary town = new TownStore(db.dataSource()).summary();
      assertThat(town.sheltersByKind().get("evacuation_site")).isGreaterThanOrEqualTo(105);
      assertThat(town.sheltersByKind().get("child_welfare_shelter")).isEqualTo(6);
      assertThat(town.hazardZonesByType().get("tsunami")).isGreaterThanOrEqualTo(230);
      assertThat(town.hazardZonesByType().get("landslide")).isGreaterThanOrEqualTo(234);
      assertThat(town.activeResidents()).isPositive();
    }
  }
}
