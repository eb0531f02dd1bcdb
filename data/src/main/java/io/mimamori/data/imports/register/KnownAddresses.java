package io.mimamori.data.imports.register;

import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.register.RegisterImportStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places a home from an address alone, without any network: the address is matched, exactly after
 * {@link JapaneseText#addressKey normalisation}, against the rows of the same file that give 緯度/経度
 * and then against every household already stored. Households of one address more than
 * {@value #SAME_PLACE_METRES} m apart make the address ambiguous, and it is not placed.
 */
final class KnownAddresses {

  static final double SAME_PLACE_METRES = 50;

  /** Keys placed, and keys known at several places. */
  record Placed(Map<String, LonLat> points, Set<String> ambiguous) {}

  private KnownAddresses() {}

  /** Places the needed address keys from the file's own located rows, then from stored households. */
  static Placed place(Connection c, Set<String> needed, List<RegisterEntry> entries) throws SQLException {
    Map<String, LonLat> points = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    if (needed.isEmpty()) {
      return new Placed(points, ambiguous);
    }
    for (RegisterEntry e : entries) {
      if (e.home() != null && e.home().location() != null && needed.contains(e.home().addressKey())) {
        points.putIfAbsent(e.home().addressKey(), e.home().location());
      }
    }
    Set<String> fromFile = Set.copyOf(points.keySet());
    RegisterImportStore.forEachHouseholdAddress(c, (address, home) -> {
      String key = JapaneseText.addressKey(address);
      if (key == null || !needed.contains(key) || fromFile.contains(key)) {
        return;
      }
      LonLat earlier = points.putIfAbsent(key, home);
      if (earlier != null && metres(earlier, home) > SAME_PLACE_METRES) {
        ambiguous.add(key);
      }
    });
    ambiguous.forEach(points::remove);
    return new Placed(points, ambiguous);
  }

  /** Distance on a sphere, good enough to tell one building from another street. */
  static double metres(LonLat a, LonLat b) {
    double r = 6_371_000;
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon()) * Math.cos(Math.toRadians((a.lat() + b.lat()) / 2));
    return r * Math.sqrt(dLat * dLat + dLon * dLon);
  }
}
