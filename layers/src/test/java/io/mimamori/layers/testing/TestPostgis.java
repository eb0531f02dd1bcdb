package io.mimamori.layers.testing;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.db.DatabaseConfig;
import io.mimamori.layers.db.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One private PostgreSQL + PostGIS cluster for the whole test JVM (started on first use, stopped at
 * exit), and a fresh, fully migrated database per caller, cloned from a migrated template in a few
 * milliseconds. Integration tests call {@link #freshDatabase(String)} in their {@code @BeforeAll}.
 */
public final class TestPostgis {

  private static final String TEMPLATE = "mimamori_template";
  private static final AtomicInteger counter = new AtomicInteger();
  private static EmbeddedPostgres cluster;

  private TestPostgis() {}

  /** The project root (where the reactor pom is), as Maven passes it, or the working folder. */
  public static Path projectRoot() {
    String root = System.getProperty("mimamori.root");
    if (root != null && !root.isBlank()) {
      return Path.of(root);
    }
    Path here = Path.of("").toAbsolutePath();
    return here.getParent() != null && here.resolve("../pom.xml").toFile().exists() ? here.getParent() : here;
  }

  /** ../shared/data beside the project root, where CI keeps the real data sets. */
  public static Path sharedData() {
    String shared = System.getProperty("mimamori.shared");
    Path base = shared != null && !shared.isBlank() ? Path.of(shared) : projectRoot().resolve("../shared");
    return base.resolve("data").normalize();
  }

  public static synchronized EmbeddedPostgres cluster() {
    if (cluster == null) {
      cluster = EmbeddedPostgres.start(projectRoot().resolve("target/pg-test"), "postgres").stopOnClose();
      EmbeddedPostgres started = cluster;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-postgres"));
      dropEarlierRuns(cluster);
      cluster.ensureDatabase(TEMPLATE);
      try (Database db = Database.open(cluster.config(TEMPLATE), 2)) {
        // migrated once; every fresh database is a copy of this one
      }
    }
    return cluster;
  }

  /** Each test JVM starts from a template migrated by its own code, not by an earlier build's. */
  private static void dropEarlierRuns(EmbeddedPostgres pg) {
    try (Connection c = pg.connect("postgres");
        Statement s = c.createStatement()) {
      java.util.List<String> names = new java.util.ArrayList<>();
      try (var rs = s.executeQuery(
          "SELECT datname FROM pg_database WHERE datname = '" + TEMPLATE + "' OR datname LIKE 't\\_%'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not clear the test databases of an earlier run", e);
    }
  }

  /** A new database, named after {@code purpose}, holding the migrated schema and nothing else. */
  public static DatabaseConfig freshDatabase(String purpose) {
    EmbeddedPostgres pg = cluster();
    String name =
        ("t_" + purpose.toLowerCase().replaceAll("[^a-z0-9]+", "_") + "_" + ProcessHandle.current().pid()
                + "_" + counter.incrementAndGet())
            .replaceAll("_+", "_");
    if (name.length() > 60) {
      name = name.substring(name.length() - 60).replaceFirst("^[^a-z]+", "t");
    }
    try (Connection c = pg.connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return pg.config(name);
  }
}
