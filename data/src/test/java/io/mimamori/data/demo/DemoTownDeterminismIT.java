package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.testing.TableDigest;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The same seed gives the same OSM bytes and the same rows in two fresh databases; another seed does not. */
class DemoTownDeterminismIT {

  private record Load(byte[] osm, Map<String, String> digests) {}

  private static Load load(long seed, String name) throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "determinism-" + name);
    try (Database db = Database.open(TestPostgis.freshDatabase("determinism_" + name), 2)) {
      DemoTownSummary s = DemoTownGenerator.generateAndLoad(db.dataSource(), DemoTownSpec.of(seed, 2_000, 0.5), dir,
          ProgressListener.none(), () -> false);
      try (Connection c = db.dataSource().getConnection()) {
        // the OSM file's path differs between the two folders; everything else must match
        return new Load(Files.readAllBytes(s.osmFile()), TableDigest.of(c, Set.of("demo_dataset.osm_file")));
      }
    }
  }

  @Test
  void sameSeedSameTownOtherSeedOtherTown() throws Exception {
    Load a = load(42, "a");
    Load b = load(42, "b");
    Load c = load(43, "c");
    assertThat(a.osm()).isEqualTo(b.osm());
    assertThat(a.digests()).containsKeys("resident", "household", "supporter", "evacuation_plan", "plan_supporter",
        "consent", "shelter", "hazard_zone", "district", "demo_dataset");
    assertThat(a.digests().get("resident")).startsWith("2000:");
    assertThat(a.digests()).isEqualTo(b.digests());
    assertThat(c.osm()).isNotEqualTo(a.osm());
    for (String table : new String[] {"resident", "household", "shelter", "hazard_zone", "district"}) {
      assertThat(c.digests().get(table)).as(table).isNotEqualTo(a.digests().get(table));
    }
  }
}
