package io.mimamori.bench.routing;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.json.Statement;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.JsonFeature;
import com.graphhopper.util.JsonFeatureCollection;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.hazard.HazardArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * GraphHopper's own router on the same graph, one request per pair: the peer of our matrix and
 * routes. Blocking is GraphHopper's own way: the union of the blocking areas as one custom-model
 * area whose roads get priority 0 (a request starting inside it finds no route; ours leaves).
 */
final class GraphHopperPeer {

  private final GraphHopper hopper;
  private final CustomModel blocking;

  GraphHopperPeer(GraphHopper hopper, List<HazardArea> areas) {
    this.hopper = hopper;
    List<Geometry> blocked = areas.stream().filter(HazardArea::blocks).map(HazardArea::geometry).toList();
    if (blocked.isEmpty()) {
      blocking = null;
    } else {
      Geometry union = UnaryUnionOp.union(blocked);
      JsonFeatureCollection fc = new JsonFeatureCollection();
      fc.getFeatures().add(new JsonFeature("blocked", "Feature", null, union, Map.of()));
      blocking = new CustomModel().setAreas(fc).addToPriority(Statement.If("in_blocked", Statement.Op.MULTIPLY, "0"));
    }
  }

  /** Seconds of the route, +∞ when GraphHopper finds none. */
  double seconds(TravelProfile profile, GeoPoint a, GeoPoint b, boolean withBlocking) {
    return seconds(profile, a, b, withBlocking, false);
  }

  /** With {@code points}, GraphHopper also builds the route's geometry (as ours always does). */
  double seconds(TravelProfile profile, GeoPoint a, GeoPoint b, boolean withBlocking, boolean points) {
    GHRequest req = new GHRequest(a.lat(), a.lon(), b.lat(), b.lon()).setProfile(profile.code());
    if (withBlocking && blocking != null) {
      req.setCustomModel(blocking);
    }
    req.getHints().putObject("instructions", false).putObject("calc_points", points);
    GHResponse rsp = hopper.route(req);
    return rsp.hasErrors() ? Double.POSITIVE_INFINITY : rsp.getBest().getTime() / 1000.0;
  }

  /** Seconds per pair over the given pairs (from[i] to to[i]), for timing. */
  double[] routes(TravelProfile profile, List<GeoPoint> from, List<GeoPoint> to, boolean withBlocking) {
    double[] out = new double[from.size()];
    for (int i = 0; i < from.size(); i++) {
      out[i] = seconds(profile, from.get(i), to.get(i), withBlocking);
    }
    return out;
  }

  static List<GeoPoint> repeat(List<GeoPoint> points, int times) {
    List<GeoPoint> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.addAll(points);
    }
    return out;
  }
}
