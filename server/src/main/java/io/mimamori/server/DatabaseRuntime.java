package io.mimamori.server;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.db.DatabaseConfig;
import io.mimamori.layers.db.EmbeddedPostgres;
import io.mimamori.server.config.ServerConfig;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database the server runs on: the configured one, or else the embedded PostGIS cluster under
 * {@code <home>/pg}, started here and stopped on {@link #close}. Either way the schema is migrated.
 */
public final class DatabaseRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseRuntime.class);
  private static final String EMBEDDED_DATABASE = "mimamori";

  private final Optional<EmbeddedPostgres> embedded;
  private final Database database;

  private DatabaseRuntime(Optional<EmbeddedPostgres> embedded, Database database) {
    this.embedded = embedded;
    this.database = database;
  }

  public static DatabaseRuntime open(ServerConfig config) {
    if (config.database().isPresent()) {
      DatabaseConfig db = config.database().get();
      log.info("Using the configured database {}", db.jdbcUrl());
      return new DatabaseRuntime(Optional.empty(), Database.open(db, config.dbPoolSize()));
    }
    EmbeddedPostgres pg = EmbeddedPostgres.start(config.home().resolve("pg"), EMBEDDED_DATABASE);
    try {
      return new DatabaseRuntime(Optional.of(pg), Database.open(pg.config(EMBEDDED_DATABASE), config.dbPoolSize()));
    } catch (RuntimeException e) {
      pg.close();
      throw e;
    }
  }

  public DataSource dataSource() {
    return database.dataSource();
  }

  @Override
  public void close() {
    database.close();
    embedded.ifPresent(EmbeddedPostgres::close);
  }
}
