package io.mimamori.routing;

import io.mimamori.routing.hazard.ActiveHazards;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * A route on the road graph, or why there is none.
 *
 * <p>{@code points}: the way from the road point nearest the start to the one nearest the end, on
 * the roads, lon/lat; the stretch from the start itself to the road is not included ({@code
 * fromSnapMetres}, {@code toSnapMetres} say how long it is). {@code metres} and {@code seconds}: along
 * those roads on the profile. {@code zones}: every hazard area the route touches, blocking or not.
 * When there is no route the lists are empty and the figures {@code +∞} (NaN for snap distances of
 * a point off the network).
 */
public record Route(
    Status status,
    TravelProfile profile,
    GeoPoint from,
    GeoPoint to,
    List<GeoPoint> points,
    double metres,
    double seconds,
    List<CrossedZone> zones,
    double fromSnapMetres,
    double toSnapMetres) {

  /** Whether a route was found, and if not, why. */
  public enum Status {
    FOUND,
    /** No road the profile may use (and not blocked) within reach of the start. */
    FROM_OFF_NETWORK,
    /** No road the profile may use (and not blocked) within reach of the end. */
    TO_OFF_NETWORK,
    /** Both are on the network, but every way between them is blocked or not usable on the profile. */
    UNREACHABLE
  }

  public Route {
    points = List.copyOf(points);
    zones = List.copyOf(zones);
  }

  /** A route that was not found, with why. */
  public static Route none(Status status, TravelProfile profile, GeoPoint from, GeoPoint to, double fromSnap, double toSnap) {
    return new Route(status, profile, from, to, List.of(), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
        List.of(), fromSnap, toSnap);
  }

  public boolean found() {
    return status == Status.FOUND;
  }

  /** The route as a JTS line in lon/lat (SRID 4326); empty when there is no route. */
  public LineString lineString() {
    Coordinate[] cs = new Coordinate[points.size() == 1 ? 2 : points.size()];
    for (int i = 0; i < points.size(); i++) {
      cs[i] = new Coordinate(points.get(i).lon(), points.get(i).lat());
    }
    if (points.size() == 1) {
      cs[1] = cs[0];
    }
    return points.isEmpty() ? ActiveHazards.GEOMETRY.createLineString() : ActiveHazards.GEOMETRY.createLineString(cs);
  }
}
