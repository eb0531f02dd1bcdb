package io.mimamori.layers.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A connection pool on one PostGIS database whose schema is migrated to the newest version. */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Opens a pool of at most {@code poolSize} connections and runs the pending migrations. */
  public static Database open(DatabaseConfig config, int poolSize) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.jdbcUrl());
    hc.setUsername(config.user());
    hc.setPassword(config.password());
    hc.setMaximumPoolSize(poolSize);
    hc.setPoolName("mimamori");
    hc.addDataSourceProperty("reWriteBatchedInserts", "true");
    hc.addDataSourceProperty("ApplicationName", "mimamori");
    HikariDataSource ds = new HikariDataSource(hc);
    try {
      migrate(ds);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return new Database(ds);
  }

  /** Applies the Flyway migrations under {@code db/migration}; returns how many ran. */
  public static int migrate(DataSource ds) {
    MigrateResult result =
        Flyway.configure()
            .dataSource(ds)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            // version numbers are handed out to parallel branches: a database already at a later
            // version (V18) still takes a lower one merged afterwards (V15)
            .outOfOrder(true)
            .load()
            .migrate();
    if (result.migrationsExecuted > 0) {
      log.info("Schema migrated to version {} ({} migrations)", result.targetSchemaVersion, result.migrationsExecuted);
    }
    return result.migrationsExecuted;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
