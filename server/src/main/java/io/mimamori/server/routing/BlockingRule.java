package io.mimamori.server.routing;

import io.mimamori.layers.hazard.ActiveZone;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.routing.hazard.HazardArea;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which roads are closed during an emergency: the one rule, applied to every route, matrix,
 * destination, pre-assignment and optimisation the server computes.
 *
 * <p>A stored hazard zone blocks the roads inside or crossing it when an <em>active</em> (declared,
 * not ended) emergency names its hazard type, inside that emergency's area only, and when it is
 * deep or steep enough that nobody should be sent through it:
 *
 * <ul>
 *   <li>tsunami inundation zones of every depth rank: a tsunami zone is to be left, never entered;
 *   <li>flood, storm surge and inland flood zones of depth rank 3 and above (PLATEAU's 浸水ランク 3:
 *       3 m and deeper), where water stands above a person's head;
 *   <li>landslide special warning zones (土砂災害特別警戒区域, rank 2), where buildings and roads are
 *       expected to be destroyed; plain warning zones (rank 1) are not blocked.
 * </ul>
 *
 * Every other zone, and the part of a blocking zone outside the emergency's area, is reported when
 * a route crosses it but closes nothing. With no active emergency nothing is blocked.
 */
public final class BlockingRule {

  /** What the server knows of the area behind a routing hazard area's id. */
  public record ZoneInfo(long zoneId, HazardType type, int rank, String name, boolean blocks) {

    public String labelJa() {
      return switch (type) {
        case FLOOD -> "洪水浸水想定区域（ランク" + rank + "）";
        case TSUNAMI -> "津波浸水想定区域（ランク" + rank + "）";
        case STORM_SURGE -> "高潮浸水想定区域（ランク" + rank + "）";
        case INLAND_FLOOD -> "内水浸水想定区域（ランク" + rank + "）";
        case LANDSLIDE -> rank == 2 ? "土砂災害特別警戒区域" : "土砂災害警戒区域";
        default -> type.japanese();
      };
    }

    public String labelEn() {
      return switch (type) {
        case LANDSLIDE -> rank == 2 ? "landslide special warning zone" : "landslide warning zone";
        default -> type.code().replace('_', ' ') + " zone, depth rank " + rank;
      };
    }
  }

  /** The areas to set on the router, and what each area id stands for. */
  public record Areas(List<HazardArea> areas, Map<String, ZoneInfo> zones) {}

  private BlockingRule() {}

  /** Whether a zone of this type and rank blocks roads while an emergency for its hazard is active there. */
  public static boolean blocks(HazardType type, int rank) {
    return switch (type) {
      case TSUNAMI -> true;
      case FLOOD, STORM_SURGE, INLAND_FLOOD -> rank >= 3;
      case LANDSLIDE -> rank == 2;
      default -> false;
    };
  }

  /**
   * The routing areas for the stored zones: per zone, the part inside the active emergencies' areas
   * as a blocking area (id: the zone's id) and the rest as a reported one (id: the zone's id and
   * {@code -outside}); a zone that does not block is one reported area with the zone's id.
   */
  public static Areas areas(List<ActiveZone> zones) {
    List<HazardArea> out = new ArrayList<>();
    Map<String, ZoneInfo> info = new LinkedHashMap<>();
    for (ActiveZone z : zones) {
      String id = Long.toString(z.id());
      boolean blocking = z.active() && blocks(z.type(), z.rank());
      ZoneInfo meta = new ZoneInfo(z.id(), z.type(), z.rank(), z.name(), blocking);
      if (blocking) {
        out.add(HazardArea.blocking(id, meta.labelJa(), z.inActiveArea()));
        info.put(id, meta);
        if (z.outsideActiveArea() != null) {
          String outside = id + "-outside";
          out.add(HazardArea.warning(outside, meta.labelJa(), z.outsideActiveArea()));
          info.put(outside, new ZoneInfo(z.id(), z.type(), z.rank(), z.name(), false));
        }
      } else {
        out.add(HazardArea.warning(id, meta.labelJa(), z.zone()));
        info.put(id, meta);
      }
    }
    return new Areas(out, info);
  }
}
