package io.mimamori.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.routing.graph.RoadGraph;
import io.mimamori.routing.hazard.ActiveHazards;
import io.mimamori.routing.hazard.HazardArea;
import io.mimamori.routing.testing.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * On Andorra: a blocked polygon across the road a route takes changes the route and the matrix
 * entry; removing it restores both. Points inside a blocked polygon still leave or reach it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HazardBlockingIT {

  // Andorra la Vella, by the Valira, to Encamp up the valley
  private static final GeoPoint LA_VELLA = GeoPoint.ofLonLat(1.5209, 42.5068);
  private static final GeoPoint ENCAMP = GeoPoint.ofLonLat(1.5807, 42.5346);

  private HazardAwareRouter router;

  @BeforeAll
  void open() {
    RoadGraph g = TestGraphs.andorra();
    router = new HazardAwareRouter(g, RouterSettings.defaults().withThreads(2));
  }

  @AfterAll
  void close() {
    if (router != null) {
      router.close();
    }
  }

  @BeforeEach
  void clear() {
    router.setHazards(List.of());
  }

  @Test
  void aBlockAcrossTheRoadChangesRouteAndMatrixAndItsRemovalRestoresThem() {
    for (TravelProfile profile : List.of(TravelProfile.CAR, TravelProfile.FOOT)) {
      Route free = router.route(profile, LA_VELLA, ENCAMP);
      assertThat(free.found()).as(profile + " " + free.status()).isTrue();
      assertThat(free.metres()).as(profile.code()).isGreaterThan(5000).isLessThan(20_000);
      TravelTimeMatrix freeMatrix = router.matrix(profile, List.of(LA_VELLA), List.of(ENCAMP, LA_VELLA));
      assertThat(freeMatrix.seconds(0, 0)).isCloseTo(free.seconds(), org.assertj.core.data.Offset.offset(0.05));
      assertThat(freeMatrix.seconds(0, 1)).isZero();

      HazardArea block = HazardArea.blocking("flood-1", "flood rank 4", square(midpoint(free), 40));
      ActiveHazards set = router.setHazards(List.of(block));
      assertThat(set.blockedEdgeCount()).as(profile.code()).isPositive();
      Route detour = router.route(profile, LA_VELLA, ENCAMP);
      TravelTimeMatrix blockedMatrix = router.matrix(profile, List.of(LA_VELLA), List.of(ENCAMP));
      if (detour.found()) {
        // weight (what is minimised) is not time on foot, whose priorities prefer some ways: the
        // detour differs, and is not necessarily slower
        assertThat(detour.points()).as(profile.code()).isNotEqualTo(free.points());
        assertThat(detour.lineString().intersects(block.geometry())).as("detour touches the block").isFalse();
        assertThat(detour.zones()).isEmpty();
        assertThat(blockedMatrix.seconds(0, 0)).isCloseTo(detour.seconds(), org.assertj.core.data.Offset.offset(0.05));
      } else {
        assertThat(detour.status()).isEqualTo(Route.Status.UNREACHABLE);
        assertThat(blockedMatrix.seconds(0, 0)).isInfinite();
      }
      assertThat(blockedMatrix.seconds(0, 0)).isNotEqualTo(freeMatrix.seconds(0, 0));

      router.setHazards(List.of());
      Route again = router.route(profile, LA_VELLA, ENCAMP);
      assertThat(again.seconds()).isEqualTo(free.seconds());
      assertThat(again.points()).isEqualTo(free.points());
      assertThat(router.matrix(profile, List.of(LA_VELLA), List.of(ENCAMP)).seconds(0, 0))
          .isEqualTo(freeMatrix.seconds(0, 0));
    }
  }

  @Test
  void aWarningAreaIsReportedButNotAvoided() {
    Route free = router.route(TravelProfile.CAR, LA_VELLA, ENCAMP);
    HazardArea warning = HazardArea.warning("flood-2", "flood rank 1", square(midpoint(free), 40));
    router.setHazards(List.of(warning));
    Route same = router.route(TravelProfile.CAR, LA_VELLA, ENCAMP);
    assertThat(same.seconds()).isEqualTo(free.seconds());
    assertThat(same.zones()).containsExactly(new CrossedZone("flood-2", "flood rank 1", false, false, false));
  }

  @Test
  void aRouteStartingInsideABlockedAreaLeavesItAndOneEndingInsideReachesIt() {
    Route free = router.route(TravelProfile.FOOT, LA_VELLA, ENCAMP);
    GeoPoint mid = midpoint(free);
    HazardArea block = HazardArea.blocking("landslide-1", "landslide special warning", square(mid, 150));
    router.setHazards(List.of(block));

    Route out = router.route(TravelProfile.FOOT, mid, LA_VELLA);
    assertThat(out.found()).as(out.status().toString()).isTrue();
    assertThat(out.zones()).containsExactly(new CrossedZone("landslide-1", "landslide special warning", true, true, false));
    Route in = router.route(TravelProfile.FOOT, LA_VELLA, mid);
    assertThat(in.found()).isTrue();
    assertThat(in.zones()).containsExactly(new CrossedZone("landslide-1", "landslide special warning", true, false, true));

    TravelTimeMatrix m = router.matrix(TravelProfile.FOOT, List.of(mid, LA_VELLA), List.of(LA_VELLA, mid));
    assertThat(m.seconds(0, 0)).isCloseTo(out.seconds(), org.assertj.core.data.Offset.offset(0.05));
    assertThat(m.seconds(1, 1)).isCloseTo(in.seconds(), org.assertj.core.data.Offset.offset(0.05));
    assertThat(m.seconds(0, 1)).isZero();
  }

  @Test
  void touchingBandsFormOneZoneThatAPointInTheInnerBandLeavesThrough() {
    Route free = router.route(TravelProfile.FOOT, LA_VELLA, ENCAMP);
    GeoPoint mid = midpoint(free);
    // depth bands: an inner square and the ring around it, as separate polygons touching each other
    org.locationtech.jts.geom.Geometry inner = square(mid, 80);
    org.locationtech.jts.geom.Geometry ring = square(mid, 250).difference(inner);
    HazardArea deep = HazardArea.blocking("flood-deep", "flood rank 5", inner);
    HazardArea band = HazardArea.blocking("flood-band", "flood rank 3", ring);
    HazardArea far = HazardArea.blocking("landslide-far", "landslide", square(LA_VELLA, 30));
    ActiveHazards set = router.setHazards(List.of(deep, band, far));
    assertThat(set.zoneCount()).isEqualTo(2);
    assertThat(set.zoneOfArea(0)).isEqualTo(set.zoneOfArea(1)).isNotEqualTo(set.zoneOfArea(2));
    assertThat(set.zoneContaining(mid)).isEqualTo(set.zoneOfArea(0));

    Route out = router.route(TravelProfile.FOOT, mid, ENCAMP);
    assertThat(out.found()).as(out.status().toString()).isTrue();
    assertThat(out.zones()).extracting(CrossedZone::id).containsExactly("flood-deep", "flood-band");
    TravelTimeMatrix m = router.matrix(TravelProfile.FOOT, List.of(mid), List.of(ENCAMP));
    assertThat(m.seconds(0, 0)).isCloseTo(out.seconds(), org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void aPointFarFromAnyRoadIsOffTheNetworkAndItsMatrixRowUnreachable() {
    GeoPoint sea = GeoPoint.ofLonLat(1.0, 42.0);
    Route r = router.route(TravelProfile.FOOT, sea, LA_VELLA);
    assertThat(r.status()).isEqualTo(Route.Status.FROM_OFF_NETWORK);
    TravelTimeMatrix m = router.matrix(TravelProfile.FOOT, List.of(sea, LA_VELLA), List.of(LA_VELLA));
    assertThat(m.originOnNetwork(0)).isFalse();
    assertThat(m.seconds(0, 0)).isInfinite();
    assertThat(m.seconds(1, 0)).isZero();
    assertThat(m.unreachableCount()).isEqualTo(1);
  }

  static GeoPoint midpoint(Route r) {
    return r.points().get(r.points().size() / 2);
  }

  /** A square of {@code halfMetres} around {@code c}, lon/lat. */
  static Polygon square(GeoPoint c, double halfMetres) {
    double dLat = halfMetres / 111_320.0;
    double dLon = halfMetres / (111_320.0 * Math.cos(Math.toRadians(c.lat())));
    return ActiveHazards.GEOMETRY.createPolygon(new Coordinate[] {
      new Coordinate(c.lon() - dLon, c.lat() - dLat), new Coordinate(c.lon() + dLon, c.lat() - dLat),
      new Coordinate(c.lon() + dLon, c.lat() + dLat), new Coordinate(c.lon() - dLon, c.lat() + dLat),
      new Coordinate(c.lon() - dLon, c.lat() - dLat)});
  }
}
