package io.mimamori.routing.graph;

import com.graphhopper.reader.ReaderWay;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.DecimalEncodedValue;
import com.graphhopper.routing.ev.EdgeIntAccess;
import com.graphhopper.routing.util.parsers.TagParser;
import com.graphhopper.storage.IntsRef;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what GraphHopper 11 does not encode but a wheelchair needs: the steepness of a way from its
 * OSM {@code incline} tag (absolute percent, either direction: {@code 12%}, {@code -9%}, {@code 5°},
 * {@code 4-6%}; {@code up}, {@code down} and other words give 0, unknown) and {@code wheelchair=no}.
 * It also counts the road segments read, for the build's progress, and stops the import when
 * cancelled (GraphHopper calls it for every segment, so this is where an import can be stopped).
 */
final class InclineParser implements TagParser {

  static final String INCLINE = "incline_percent";
  static final String WHEELCHAIR_BARRIER = "wheelchair_barrier";
  /** Percent steepness is stored in whole percent, 0 to 31 (5 bits). */
  static final int MAX_STORED = 31;

  private static final Pattern NUMBER = Pattern.compile("(\\d+(?:[.,]\\d+)?)");

  private final DecimalEncodedValue incline;
  private final BooleanEncodedValue barrier;
  private final ImportWatch watch;

  InclineParser(DecimalEncodedValue incline, BooleanEncodedValue barrier, ImportWatch watch) {
    this.incline = incline;
    this.barrier = barrier;
    this.watch = watch;
  }

  @Override
  public void handleWayTags(int edgeId, EdgeIntAccess access, ReaderWay way, IntsRef relationFlags) {
    watch.segmentRead();
    double pct = percent(way.getTag("incline"));
    incline.setDecimal(false, edgeId, access, Math.min(MAX_STORED, Math.round(pct)));
    if (barrier != null) {
      barrier.setBool(false, edgeId, access, "no".equals(way.getTag("wheelchair")));
    }
  }

  /** The absolute steepness in percent an OSM incline value states, or 0 when it states none. */
  static double percent(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    boolean degrees = v.contains("°") || v.contains("deg");
    Matcher m = NUMBER.matcher(v);
    double max = 0;
    while (m.find()) {
      double x;
      try {
        x = Double.parseDouble(m.group(1).replace(',', '.'));
      } catch (NumberFormatException e) {
        continue;
      }
      max = Math.max(max, x);
    }
    if (degrees) {
      max = max >= 89 ? 1000 : Math.tan(Math.toRadians(max)) * 100;
    }
    return max;
  }
}
