package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.db.DatabaseConfig;
import io.mimamori.layers.testing.TestPostgis;
import io.mimamori.server.config.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With MIMAMORI_DB_URL the server uses that database, migrates it and starts no cluster of its own. */
class DatabaseRuntimeIT {

  @Test
  void aConfiguredDatabaseIsMigratedAndUsed() throws Exception {
    DatabaseConfig external = TestPostgis.freshDatabase("external");
    Path home = Path.of("target/external-home-" + ProcessHandle.current().pid());
    ServerConfig config = new ServerConfig("127.0.0.1", 0, home, Optional.of(external), Optional.empty(), "", "町", 4,
        2_000_000L, 3, 20);
    try (DatabaseRuntime db = DatabaseRuntime.open(config);
        Connection c = db.dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT max(version::int) FROM flyway_schema_history")) {
      rs.next();
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(11);
    }
    assertThat(home.resolve("pg")).doesNotExist();
  }
}
