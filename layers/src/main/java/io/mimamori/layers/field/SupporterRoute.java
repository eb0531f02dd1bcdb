package io.mimamori.layers.field;

import java.time.Instant;
import java.util.List;

/**
 * The route a supporter works now: the newest published revision of their route in the newest
 * active emergency that gave them one, with its stops in visiting order and the shelters around
 * them (where an evacuated resident may have gone).
 *
 * @param geometryGeoJson the road geometry as a GeoJSON LineString, null when the route has none
 */
public record SupporterRoute(
    long routeId,
    long emergencyId,
    String emergencyLevel,
    List<String> hazardTypes,
    Instant declaredAt,
    int revision,
    String travelProfile,
    String geometryGeoJson,
    Instant publishedAt,
    List<VisitStop> stops,
    List<NearbyShelter> shelters) {

  public SupporterRoute {
    hazardTypes = List.copyOf(hazardTypes);
    stops = List.copyOf(stops);
    shelters = List.copyOf(shelters);
  }

  /** A shelter near the route (public data): id, name, kind and point. */
  public record NearbyShelter(long id, String name, String kind, double lon, double lat) {}
}
