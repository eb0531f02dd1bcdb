package io.mimamori.layers.tiles;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change of one map layer's data within a lon/lat box, as the triggers of migration V5 announce
 * it on the {@code map_change} channel: {@code "<layer> <minLon> <minLat> <maxLon> <maxLat>"}.
 */
public record MapChange(String layer, double minLon, double minLat, double maxLon, double maxLat) {

  public static final String CHANNEL = "map_change";

  private static final Pattern PAYLOAD =
      Pattern.compile("([a-z_]+) ([-0-9.eE+]+) ([-0-9.eE+]+) ([-0-9.eE+]+) ([-0-9.eE+]+)");

  /** The change a notification describes; empty for a payload of another form. */
  public static Optional<MapChange> parse(String payload) {
    Matcher m = PAYLOAD.matcher(payload);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new MapChange(m.group(1), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
        Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))));
  }
}
