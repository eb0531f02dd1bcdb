package io.mimamori.layers.tiles;

import io.mimamori.layers.notify.PgNotificationListener;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Map changes from the {@code map_change} channel (filled by the triggers of migration V5), handed
 * to a consumer. After a lost connection every layer is reported changed everywhere, since the
 * notifications sent meanwhile are gone.
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

  private final PgNotificationListener listener;

  /** Holds one connection of {@code dataSource} for as long as it runs. */
  public MapChangeListener(DataSource dataSource, Consumer<MapChange> consumer) {
    this.listener = new PgNotificationListener(dataSource, List.of("map_change"),
        (channel, payload) -> parse(payload).ifPresent(consumer),
        () -> List.of("shelters", "hazards", "residents").forEach(l -> consumer.accept(MapChange.everything(l))));
  }

  public MapChangeListener start() {
    listener.start();
    return this;
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

  @Override
  public void close() {
    listener.close();
  }
}
