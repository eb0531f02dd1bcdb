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
