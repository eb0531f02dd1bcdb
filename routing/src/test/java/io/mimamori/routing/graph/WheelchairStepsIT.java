package io.mimamori.routing.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.util.details.PathDetail;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.testing.OsmWays;
import io.mimamori.routing.testing.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo town has flights of steps on its hills. Through GraphHopper's own router on our graph:
 * on foot, the way from the bottom of a flight to its top uses the steps; the wheelchair profile
 * never does (it goes round, or starts from the nearest road it may use).
 */
class WheelchairStepsIT {

  @Test
  void footUsesTheStepsAndWheelchairNever() {
    RoadGraph g = TestGraphs.demoGraph();
    List<OsmWays.Way> steps = OsmWays.read(TestGraphs.demoTown().osmFile()).stream()
        .filter(w -> "steps".equals(w.tag("highway"))).toList();
    assertThat(steps).as("the demo town has steps").isNotEmpty();
    int footOnSteps = 0;
    for (OsmWays.Way w : steps) {
      GeoPoint a = w.points().get(0), b = w.points().get(w.points().size() - 1);
      GHResponse foot = route(g, "foot", a, b);
      GHResponse chair = route(g, "wheelchair", a, b);
      if (!foot.hasErrors() && usesSteps(foot)) {
        footOnSteps++;
      }
      if (!chair.hasErrors()) {
        assertThat(usesSteps(chair)).as("wheelchair on the steps of way " + w.id()).isFalse();
      }
    }
    assertThat(footOnSteps).as("flights of steps used on foot, of " + steps.size()).isGreaterThan(steps.size() / 2);
  }

  @Test
  void wheelchairAvoidsWaysTaggedSteeperThanTwelvePercentOurRouterToo() {
    RoadGraph g = TestGraphs.demoGraph();
    List<OsmWays.Way> steep = OsmWays.read(TestGraphs.demoTown().osmFile()).stream()
        .filter(w -> !"steps".equals(w.tag("highway")) && w.tag("incline") != null
            && InclineParser.percent(w.tag("incline")) > ProfileModels.WHEELCHAIR_MAX_INCLINE
            && w.points().size() == 2)
        .limit(40).toList();
    assertThat(steep).as("the demo town has steep streets").isNotEmpty();
    try (io.mimamori.routing.HazardAwareRouter router = new io.mimamori.routing.HazardAwareRouter(g,
        io.mimamori.routing.RouterSettings.defaults().withThreads(1))) {
      int footOnIt = 0;
      for (OsmWays.Way w : steep) {
        GeoPoint a = w.points().get(0), b = w.points().get(1);
        double length = a.metresTo(b);
        io.mimamori.routing.Route foot = router.route(io.mimamori.routing.TravelProfile.FOOT, a, b);
        io.mimamori.routing.Route chair = router.route(io.mimamori.routing.TravelProfile.WHEELCHAIR, a, b);
        if (foot.found() && foot.metres() < length * 1.05 + 1) {
          footOnIt++;
        }
        if (chair.found()) {
          // a wheelchair route between the two ends of a steep street goes round it, or starts from another road
          boolean straightUp = chair.fromSnapMetres() < 1 && chair.toSnapMetres() < 1 && chair.metres() < length * 1.05 + 1;
          assertThat(straightUp).as("wheelchair up way " + w.id() + " (" + w.tag("incline") + ")").isFalse();
        }
      }
      assertThat(footOnIt).as("steep streets walked straight up, of " + steep.size()).isGreaterThan(steep.size() / 2);
    }
  }

  private static GHResponse route(RoadGraph g, String profile, GeoPoint a, GeoPoint b) {
    return g.graphHopper().route(new GHRequest(a.lat(), a.lon(), b.lat(), b.lon()).setProfile(profile)
        .setPathDetails(List.of("road_class")));
  }

  private static boolean usesSteps(GHResponse r) {
    for (PathDetail d : r.getBest().getPathDetails().get("road_class")) {
      if ("steps".equalsIgnoreCase(String.valueOf(d.getValue()))) {
        return true;
      }
    }
    return false;
  }
}
