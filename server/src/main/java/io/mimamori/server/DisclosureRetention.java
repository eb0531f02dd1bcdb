package io.mimamori.server;

import io.mimamori.layers.disclosure.RetentionStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention purge of emergency disclosures ({@link RetentionStore}): at start-up, then
 * every six hours while the server runs, and on demand ({@code mimamori retention purge}). Logs
 * counts only.
 */
public final class DisclosureRetention implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DisclosureRetention.class);
  static final Duration EVERY = Duration.ofHours(6);

  private final RetentionStore store;
  private final Duration retention;
  private ScheduledExecutorService timer;

  public DisclosureRetention(RetentionStore store, Duration retention) {
    this.store = store;
    this.retention = retention;
  }

  /** Purges what is due now; {@code operator} names who asked (null: the server). */
  public List<RetentionStore.Purge> purgeNow(String operator) throws SQLException {
    List<RetentionStore.Purge> purged = store.purge(retention, operator == null ? "system" : operator, null);
    if (!purged.isEmpty()) {
      log.atInfo().setMessage("Retention purge of emergency disclosures")
          .addKeyValue("emergencies", purged.size())
          .addKeyValue("grants", purged.stream().mapToInt(RetentionStore.Purge::grants).sum())
          .addKeyValue("routes", purged.stream().mapToInt(RetentionStore.Purge::routes).sum())
          .addKeyValue("retention_days", retention.toDays())
          .log();
    }
    return purged;
  }

  /** Purges now, then every {@link #EVERY} until closed; a failed run is logged and retried next time. */
  public DisclosureRetention start() {
    run();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "disclosure-retention");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::run, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    return this;
  }

  private void run() {
    try {
      purgeNow(null);
    } catch (SQLException | RuntimeException e) {
      log.atWarn().setMessage("Retention purge failed; it runs again later")
          .addKeyValue("exception", e.getClass().getName())
          .addKeyValue("sqlstate", e instanceof SQLException s ? s.getSQLState() : "-")
          .log();
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
