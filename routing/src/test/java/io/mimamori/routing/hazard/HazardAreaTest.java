package io.mimamori.routing.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

class HazardAreaTest {

  @Test
  void takesPolygonsOnlyAndNeedsAnId() throws Exception {
    WKTReader wkt = new WKTReader(ActiveHazards.GEOMETRY);
    HazardArea a = HazardArea.blocking("z1", null, wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 0))"));
    assertThat(a.label()).isEqualTo("z1");
    assertThatThrownBy(() -> HazardArea.blocking("z2", "x", wkt.read("LINESTRING (0 0, 1 1)")))
        .hasMessageContaining("z2").hasMessageContaining("LineString");
    assertThatThrownBy(() -> HazardArea.blocking(" ", "x", wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 0))")))
        .hasMessageContaining("id");
    assertThatThrownBy(() -> HazardArea.warning("z3", "x", wkt.read("POLYGON EMPTY"))).hasMessageContaining("empty");
  }
}
