package io.mimamori.routing.optimiser.instances;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmark folders of ../shared/data; tests skip, saying why, when they are absent. */
final class SharedData {

  private SharedData() {}

  static Path dir(String folder) {
    String shared = System.getProperty("mimamori.shared");
    Path base = shared != null ? Path.of(shared, "data") : Path.of("..", "..", "shared", "data");
    if (!Files.isDirectory(base)) {
      base = Path.of("../shared/data");
    }
    Path dir = base.resolve(folder);
    assumeTrue(Files.isDirectory(dir), "shared benchmark data " + dir + " is absent; skipping");
    return dir;
  }
}
