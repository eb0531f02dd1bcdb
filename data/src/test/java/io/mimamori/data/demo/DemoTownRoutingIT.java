package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.ResponsePath;
import com.graphhopper.config.Profile;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PointList;
import com.graphhopper.util.details.PathDetail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * The generated town.osm goes through GraphHopper's ordinary OSM import (foot and car, the custom
 * models shipped in its jar) and routes across the Kano river, crossing it on a bridge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTownRoutingIT {

  private GraphHopper hopper;
  private GeneratedTown town;

  @BeforeAll
  void importGraph() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "routing-it");
    town = DemoTownGenerator.generate(DemoTownSpec.of(DemoTownSpec.DEFAULT_SEED, 1000, 1.0), dir,
        ProgressListener.none(), () -> false);
    hopper = new GraphHopper();
    hopper.setOSMFile(town.osmFile().toString());
    hopper.setGraphHopperLocation(dir.resolve("graph").toString());
    hopper.setEncodedValuesString("car_access, car_average_speed, road_access, foot_access, foot_priority, "
        + "foot_average_speed, foot_road_access, hike_rating, mtb_rating, average_slope, country, road_class, "
        + "road_environment");
    hopper.setProfiles(
        new Profile("foot").setCustomModel(GHUtility.loadCustomModelFromJar("foot.json")),
        new Profile("car").setCustomModel(GHUtility.loadCustomModelFromJar("car.json")));
    hopper.importOrLoad();
  }

  @AfterAll
  void close() {
    if (hopper != null) {
      hopper.close();
    }
  }

  /** Two dry points 450 m either side of the middle of the Kano river, as {lat, lon} pairs. */
  private double[][] acrossTheKano() {
    TownGeography geo = town.geography();
    LineString kano = geo.rivers.get(0).line();
    Coordinate[] cs = kano.getCoordinates();
    int mid = cs.length / 2;
    Coordinate a = cs[mid - 1], b = cs[mid + 1];
    double len = a.distance(b);
    double nx = -(b.y - a.y) / len, ny = (b.x - a.x) / len;
    for (double d = 450; d < 1500; d += 50) {
      double x1 = cs[mid].x + nx * d, y1 = cs[mid].y + ny * d, x2 = cs[mid].x - nx * d, y2 = cs[mid].y - ny * d;
      if (geo.isDryLand(x1, y1, 30) && geo.isDryLand(x2, y2, 30)) {
        return new double[][] {{geo.frame.lat(y1), geo.frame.lon(x1)}, {geo.frame.lat(y2), geo.frame.lon(x2)}};
      }
    }
    throw new AssertionError("no dry points across the Kano");
  }

  @Test
  void footAndCarRoutesCrossTheRiverOnABridge() {
    double[][] p = acrossTheKano();
    Geometry river = town.geography().frame.toLonLat(town.geography().rivers.get(0).line());
    for (String profile : List.of("foot", "car")) {
      GHResponse rsp = hopper.route(new GHRequest(p[0][0], p[0][1], p[1][0], p[1][1]).setProfile(profile)
          .setPathDetails(List.of("road_environment")));
      assertThat(rsp.hasErrors()).as(profile + ": " + rsp.getErrors()).isFalse();
      ResponsePath path = rsp.getBest();
      assertThat(path.getDistance()).as(profile).isGreaterThan(900).isLessThan(15_000);
      List<PathDetail> env = path.getPathDetails().get("road_environment");
      assertThat(env).as(profile).anyMatch(d -> "bridge".equals(String.valueOf(d.getValue())));
      // where the route meets the river, it is on a bridge
      PointList pts = path.getPoints();
      Coordinate[] line = new Coordinate[pts.size()];
      for (int i = 0; i < pts.size(); i++) {
        line[i] = new Coordinate(pts.getLon(i), pts.getLat(i));
      }
      Geometry route = TownGeography.GF.createLineString(line);
      assertThat(route.intersects(river)).as(profile + " crosses the river").isTrue();
      for (PathDetail d : env) {
        Coordinate[] part = java.util.Arrays.copyOfRange(line, d.getFirst(), d.getLast() + 1);
        if (part.length >= 2 && !"bridge".equals(String.valueOf(d.getValue()))) {
          assertThat(TownGeography.GF.createLineString(part).intersects(river))
              .as(profile + ": a " + d.getValue() + " stretch touches the river").isFalse();
        }
      }
    }
  }

  @Test
  void theGraphCoversTheTown() {
    assertThat(hopper.getBaseGraph().getNodes()).isGreaterThan(3000);
    assertThat(hopper.getBaseGraph().getEdges()).isGreaterThan(4000);
  }
}
