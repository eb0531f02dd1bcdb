package io.mimamori.layers.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The system's PostgreSQL server binaries ({@code initdb}, {@code pg_ctl}), version 15 or newer.
 *
 * <p>Looked up, in order: the directory named by {@code MIMAMORI_PG_BIN}, then the newest
 * {@code /usr/lib/postgresql/NN/bin} (Debian and Ubuntu), then {@code /usr/pgsql-NN/bin} (RPM
 * layouts).
 */
public record PostgresBinaries(Path binDir, int majorVersion) {

  public static final int MINIMUM_MAJOR_VERSION = 15;

  public PostgresBinaries {
    if (majorVersion < MINIMUM_MAJOR_VERSION) {
      throw new IllegalArgumentException(
          "PostgreSQL " + majorVersion + " in " + binDir + " is too old: 15 or newer is needed");
    }
  }

  public Path initdb() {
    return binDir.resolve("initdb");
  }

  public Path pgCtl() {
    return binDir.resolve("pg_ctl");
  }

  /** The share directory that holds the extensions' control files, as Debian lays it out. */
  public Path extensionDir() {
    return Path.of("/usr/share/postgresql", Integer.toString(majorVersion), "extension");
  }

  public boolean hasExtension(String name) {
    return Files.exists(extensionDir().resolve(name + ".control"));
  }

  /** Finds the binaries, or throws with the command that installs them. */
  public static PostgresBinaries locate() {
    String override = System.getenv("MIMAMORI_PG_BIN");
    if (override != null && !override.isBlank()) {
      Path dir = Path.of(override);
      if (!Files.isExecutable(dir.resolve("initdb"))) {
        throw new IllegalStateException("MIMAMORI_PG_BIN=" + override + " has no executable initdb");
      }
      return new PostgresBinaries(dir, versionFromPath(dir).orElse(MINIMUM_MAJOR_VERSION));
    }
    for (Path root : new Path[] {Path.of("/usr/lib/postgresql"), Path.of("/usr")}) {
      Optional<PostgresBinaries> found = newestUnder(root);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new IllegalStateException(
        "No PostgreSQL server binaries (15 or newer) were found under /usr/lib/postgresql. "
            + "Install them with: sudo apt-get install postgresql postgresql-15-postgis-3 "
            + "(or set MIMAMORI_PG_BIN to the directory holding initdb and pg_ctl, "
            + "or MIMAMORI_DB_URL to use an existing database)");
  }

  private static Optional<PostgresBinaries> newestUnder(Path root) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isExecutable(d.resolve("bin/initdb")))
          .flatMap(
              d ->
                  versionFromPath(d).stream()
                      .filter(v -> v >= MINIMUM_MAJOR_VERSION)
                      .map(v -> new PostgresBinaries(d.resolve("bin"), v)))
          .max(Comparator.comparingInt(PostgresBinaries::majorVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> versionFromPath(Path dir) {
    for (Path p = dir; p != null; p = p.getParent()) {
      String name = p.getFileName() == null ? "" : p.getFileName().toString();
      String digits = name.startsWith("pgsql-") ? name.substring(6) : name;
      if (digits.matches("\\d{2,3}")) {
        return Optional.of(Integer.parseInt(digits));
      }
    }
    return Optional.empty();
  }
}
