package io.mimamori.layers.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL channels on a connection it holds and hands each notification (channel,
 * payload) to a consumer, on its own daemon thread. If the connection drops it reconnects and calls
 * {@code onReconnect}, since notifications sent in between are lost: the caller refreshes whatever
 * it keeps (a cache, a client's event stream) from the tables.
 */
public final class PgNotificationListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PgNotificationListener.class);

  private final DataSource dataSource;
  private final List<String> channels;
  private final BiConsumer<String, String> consumer;
  private final Runnable onReconnect;
  private final Thread thread;
  private volatile boolean running = true;

  public PgNotificationListener(DataSource dataSource, List<String> channels, BiConsumer<String, String> consumer,
      Runnable onReconnect) {
    for (String ch : channels) {
      if (!ch.matches("[a-z_]{1,40}")) {
        throw new IllegalArgumentException("channel names are lower-case words: " + ch);
      }
    }
    this.dataSource = dataSource;
    this.channels = List.copyOf(channels);
    this.consumer = consumer;
    this.onReconnect = onReconnect;
    this.thread = new Thread(this::loop, "pg-listen-" + String.join("-", channels));
    this.thread.setDaemon(true);
  }

  public PgNotificationListener start() {
    thread.start();
    return this;
  }

  private void loop() {
    boolean first = true;
    while (running) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        for (String ch : channels) {
          s.execute("LISTEN " + ch);
        }
        if (!first) {
          onReconnect.run();
        }
        first = false;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] batch = pg.getNotifications(500);
          if (batch != null) {
            for (PGNotification n : batch) {
              try {
                consumer.accept(n.getName(), n.getParameter());
              } catch (RuntimeException e) {
                log.warn("A {} notification handler failed: {}", n.getName(), e.getClass().getSimpleName());
              }
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          log.warn("Listener on {} lost its connection ({}); reconnecting", channels, e.getSQLState());
          try {
            Thread.sleep(1000);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
