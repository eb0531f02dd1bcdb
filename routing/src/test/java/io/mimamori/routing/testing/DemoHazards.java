package io.mimamori.routing.testing;

import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.routing.hazard.HazardArea;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo town's hazard zones as routing areas, the way an HQ would set them for a heavy-rain
 * event: flood zones of depth rank 3 and above and landslide special warning zones block roads;
 * every other zone is only reported.
 */
public final class DemoHazards {

  private DemoHazards() {}

  public static List<HazardArea> heavyRain(List<HazardZone> zones) {
    List<HazardArea> out = new ArrayList<>();
    int i = 0;
    for (HazardZone z : zones) {
      boolean blocks = (z.type() == HazardType.FLOOD && z.rank() >= 3)
          || (z.type() == HazardType.LANDSLIDE && z.rank() == 2);
      out.add(new HazardArea(z.type().code() + "-" + (i++), z.type().code() + " rank " + z.rank(), z.geometry(), blocks));
    }
    return out;
  }
}
