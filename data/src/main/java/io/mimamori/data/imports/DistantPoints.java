package io.mimamori.data.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds rows placed far from the others of their group (a municipality): a point inside Japan can
 * still be wrong, as a geocoder that put a Kumamoto town's shelter at a namesake town 500 km away.
 * Each group's centre is the median longitude and latitude of its points, so a few wrong points do
 * not move it. Used for notes in the import report, never to reject.
 */
public final class DistantPoints {

  /** One row's point and the group it belongs to. */
  public record Located(String group, int row, double lon, double lat) {}

  private static final double KM_PER_DEGREE_LAT = 110.95;
  private static final double KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;
  private static final int MIN_GROUP = 3;

  private DistantPoints() {}

  /** The rows lying more than {@code km} from their group's centre, in row order; groups under three points are skipped. */
  public static List<Integer> rowsFarFromTheirGroup(Collection<Located> points, double km) {
    Map<String, List<Located>> groups = new LinkedHashMap<>();
    for (Located p : points) {
      if (p.group() != null) {
        groups.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
      }
    }
    List<Integer> far = new ArrayList<>();
    for (List<Located> group : groups.values()) {
      if (group.size() < MIN_GROUP) {
        continue;
      }
      double lon = median(group.stream().mapToDouble(Located::lon).toArray());
      double lat = median(group.stream().mapToDouble(Located::lat).toArray());
      double kmPerLon = KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat));
      for (Located p : group) {
        double dx = (p.lon() - lon) * kmPerLon;
        double dy = (p.lat() - lat) * KM_PER_DEGREE_LAT;
        if (Math.hypot(dx, dy) > km) {
          far.add(p.row());
        }
      }
    }
    far.sort(null);
    return far;
  }

  /** A report note naming the rows, or null when there are none. */
  public static String note(List<Integer> rows, double km, String what) {
    Objects.requireNonNull(what);
    if (rows.isEmpty()) {
      return null;
    }
    List<Integer> shown = rows.size() > 20 ? rows.subList(0, 20) : rows;
    boolean one = rows.size() == 1;
    String singular = what.endsWith("s") ? what.substring(0, what.length() - 1) : what;
    return rows.size() + " " + (one ? singular + " lies" : what + " lie") + " over " + (int) km + " km from the other "
        + what + " of " + (one ? "its" : "their") + " municipality (" + (one ? "row " : "rows ")
        + shown.toString().replaceAll("[\\[\\]]", "") + (rows.size() > shown.size() ? ", …" : "")
        + "): check " + (one ? "its" : "their") + " coordinates";
  }

  private static double median(double[] values) {
    java.util.Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
