package io.mimamori.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.hazard.ActiveZone;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.routing.hazard.HazardArea;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class BlockingRuleTest {

  @Test
  void theRuleByHazardAndRank() {
    assertThat(BlockingRule.blocks(HazardType.TSUNAMI, 1)).isTrue();
    assertThat(BlockingRule.blocks(HazardType.FLOOD, 2)).isFalse();
    assertThat(BlockingRule.blocks(HazardType.FLOOD, 3)).isTrue();
    assertThat(BlockingRule.blocks(HazardType.STORM_SURGE, 5)).isTrue();
    assertThat(BlockingRule.blocks(HazardType.INLAND_FLOOD, 1)).isFalse();
    assertThat(BlockingRule.blocks(HazardType.LANDSLIDE, 1)).isFalse();
    assertThat(BlockingRule.blocks(HazardType.LANDSLIDE, 2)).isTrue();
  }

  @Test
  void onlyThePartInsideAnActiveEmergencyBlocks() throws Exception {
    Geometry zone = wkt("POLYGON((0 0, 2 0, 2 1, 0 1, 0 0))");
    Geometry inside = wkt("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))");
    Geometry outside = wkt("POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))");
    List<ActiveZone> zones = List.of(
        new ActiveZone(1, HazardType.FLOOD, 4, null, "deep", zone, inside, outside),
        new ActiveZone(2, HazardType.FLOOD, 1, null, "shallow", zone, inside, outside),
        new ActiveZone(3, HazardType.TSUNAMI, 2, null, "no emergency", zone, null, null),
        new ActiveZone(4, HazardType.LANDSLIDE, 2, "steep_slope", "covered", zone, zone, null));
    BlockingRule.Areas areas = BlockingRule.areas(zones);
    assertThat(areas.areas()).extracting(HazardArea::id).containsExactly("1", "1-outside", "2", "3", "4");
    assertThat(areas.areas()).extracting(HazardArea::blocks).containsExactly(true, false, false, false, true);
    assertThat(areas.areas().get(0).geometry().equalsExact(inside)).isTrue();
    assertThat(areas.areas().get(2).geometry().equalsExact(zone)).as("a shallow zone is reported whole").isTrue();
    assertThat(areas.zones().get("1-outside").zoneId()).isEqualTo(1);
    assertThat(areas.zones().get("1").labelJa()).isEqualTo("洪水浸水想定区域（ランク4）");
    assertThat(areas.zones().get("4").labelEn()).isEqualTo("landslide special warning zone");
  }

  private static Geometry wkt(String s) throws Exception {
    return new WKTReader().read(s);
  }
}
