package io.mimamori.layers.tiles;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the {@code map_change} channel (filled by the triggers of migration V5) on a
 * connection it holds and hands each change to a consumer. If the connection drops it reconnects
 * and reports a change of everything, since notifications sent meanwhile are lost.
 */
public final class MapChangeListener implements AutoCloseable {

  /** A change of one map layer's data within a lon/lat box. */
  public record MapChange(String layer, double minLon, double minLat, double maxLon, double maxLat) {
    public static MapChange everything(String layer) {
      return new MapChange(layer, -180, -90, 180, 90);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(MapChangeListener.class);
  private static final Pattern PAYLOAD =
      Pattern.compile("([a-z_]+) ([-0-9.eE+]+) ([-0-9.eE+]+) ([-0-9.eE+]+) ([-0-9.eE+]+)");

  private final DataSource dataSource;
  private final Consumer<MapChange> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  /** Holds one connection of {@code dataSource} for as long as it runs. */
  public MapChangeListener(DataSource dataSource, Consumer<MapChange> consumer) {
    this.dataSource = dataSource;
    this.consumer = consumer;
    this.thread = new Thread(this::loop, "map-change-listener");
    this.thread.setDaemon(true);
  }

  public MapChangeListener start() {
    thread.start();
    return this;
  }

  private void loop() {
    boolean first = true;
    while (running) {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("LISTEN map_change");
        if (!first) {
          for (String layer : new String[] {"shelters", "hazards", "residents"}) {
            consumer.accept(MapChange.everything(layer));
          }
        }
        first = false;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] batch = pg.getNotifications(500);
          if (batch == null) {
            continue;
          }
          for (PGNotification n : batch) {
            parse(n.getParameter()).ifPresent(consumer);
          }
        }
      } catch (SQLException e) {
        if (running) {
          log.warn("Map change listener lost its connection ({}); reconnecting", e.getSQLState());
          sleepQuietly(1000);
        }
      }
    }
  }

  static Optional<MapChange> parse(String payload) {
    Matcher m = PAYLOAD.matcher(payload);
    if (!m.matches()) {
      log.warn("Ignoring a map_change notification of unexpected form");
      return Optional.empty();
    }
    return Optional.of(new MapChange(m.group(1), Double.parseDouble(m.group(2)),
        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))));
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
