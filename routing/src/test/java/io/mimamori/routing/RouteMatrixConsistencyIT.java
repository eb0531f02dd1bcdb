package io.mimamori.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import io.mimamori.data.demo.DemoTownLayers;
import io.mimamori.routing.hazard.ActiveHazards;
import io.mimamori.routing.hazard.HazardArea;
import io.mimamori.routing.testing.DemoHazards;
import io.mimamori.routing.testing.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * On the demo town with a heavy-rain blocked set: every matrix entry equals the single route for
 * the same pair (forward and backward matrices alike), routes avoid blocked areas except the ones
 * their ends lie in, and without hazards our times agree with GraphHopper's own router.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteMatrixConsistencyIT {

  private HazardAwareRouter router;
  private List<GeoPoint> homes;
  private List<HazardArea> areas;

  @BeforeAll
  void open() {
    DemoTownLayers town = TestGraphs.demoTown();
    router = new HazardAwareRouter(TestGraphs.demoGraph(), RouterSettings.defaults().withThreads(2));
    homes = new ArrayList<>();
    town.homes(40, 7).forEach(h -> homes.add(GeoPoint.ofLonLat(h.lon(), h.lat())));
    areas = DemoHazards.heavyRain(town.hazards());
  }

  @AfterAll
  void close() {
    if (router != null) {
      router.close();
    }
  }

  @Test
  void matrixEntriesEqualSingleRoutesWithBlocking() {
    ActiveHazards set = router.setHazards(areas);
    assertThat(set.blockedEdgeCount()).isGreaterThan(100);
    List<GeoPoint> from = homes.subList(0, 12);
    List<GeoPoint> to = homes.subList(12, 40);
    int inside = 0;
    for (GeoPoint p : homes) {
      if (set.blockingAreasContaining(p).length > 0) {
        inside++;
      }
    }
    assertThat(inside).as("homes inside blocked areas").isPositive();
    for (TravelProfile profile : TravelProfile.values()) {
      TravelTimeMatrix forward = router.matrix(profile, from, to);
      TravelTimeMatrix backward = router.matrix(profile, to, from);
      int found = 0;
      for (int i = 0; i < from.size(); i++) {
        for (int j = 0; j < to.size(); j++) {
          Route r = router.route(profile, from.get(i), to.get(j));
          String pair = profile.code() + " " + i + "->" + j;
          if (!r.found()) {
            assertThat(forward.seconds(i, j)).as(pair).isInfinite();
            continue;
          }
          found++;
          assertThat(forward.seconds(i, j)).as(pair).isCloseTo(r.seconds(), within(0.01 + r.seconds() * 1e-6));
          assertThat(forward.metres(i, j)).as(pair).isCloseTo(r.metres(), within(0.01 + r.metres() * 1e-6));
          for (CrossedZone z : r.zones()) {
            assertThat(!z.blocking() || z.atStart() || z.atEnd())
                .as(pair + " crosses blocked " + z.id() + " neither start nor end is in").isTrue();
          }
          Route back = router.route(profile, to.get(j), from.get(i));
          assertThat(backward.seconds(j, i)).as("back " + pair).isCloseTo(back.seconds(),
              within(0.01 + Math.max(0, back.seconds()) * 1e-6));
        }
      }
      assertThat(found).as(profile.code() + " routes found").isGreaterThan(from.size() * to.size() / 2);
    }
  }

  @Test
  void withoutHazardsOurTimesAgreeWithGraphHoppersRouter() {
    router.setHazards(List.of());
    int compared = 0;
    for (TravelProfile profile : TravelProfile.values()) {
      for (int i = 0; i + 1 < 20; i += 2) {
        GeoPoint a = homes.get(i), b = homes.get(i + 1);
        Route ours = router.route(profile, a, b);
        GHResponse gh = router.graph().graphHopper().route(
            new GHRequest(a.lat(), a.lon(), b.lat(), b.lon()).setProfile(profile.code()));
        if (gh.hasErrors() || !ours.found()) {
          assertThat(ours.found()).as(profile + " " + i + ": " + gh.getErrors()).isEqualTo(!gh.hasErrors());
          continue;
        }
        compared++;
        double ghSeconds = gh.getBest().getTime() / 1000.0;
        assertThat(ours.seconds()).as(profile + " " + i).isCloseTo(ghSeconds, within(1 + ghSeconds * 0.01));
        assertThat(ours.metres()).as(profile + " " + i).isCloseTo(gh.getBest().getDistance(),
            within(1 + gh.getBest().getDistance() * 0.01));
      }
    }
    assertThat(compared).isGreaterThan(20);
  }
}
