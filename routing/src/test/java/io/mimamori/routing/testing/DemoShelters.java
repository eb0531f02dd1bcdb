package io.mimamori.routing.testing;

import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.hazard.ActiveHazards;
import io.mimamori.routing.shelter.Disability;
import io.mimamori.routing.shelter.Hazard;
import io.mimamori.routing.shelter.ShelterSite;
import io.mimamori.routing.shelter.ShelterType;
import io.mimamori.routing.shelter.TargetGroup;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/** The demo town's shelters and hazards in routing's own terms, as the server will map them. */
public final class DemoShelters {

  private DemoShelters() {}

  public static List<ShelterSite> sites(List<Shelter> shelters, List<HazardZone> zones) {
    List<ShelterSite> out = new ArrayList<>();
    for (Shelter s : shelters) {
      GeoPoint at = GeoPoint.ofLonLat(s.location().lon(), s.location().lat());
      out.add(new ShelterSite(s.source() + ":" + s.sourceId() + ":" + s.kind().code(), s.name(),
          ShelterType.fromCode(s.kind().code()), at,
          s.hazards().stream().map(h -> Hazard.fromCode(h.code())).collect(Collectors.toSet()),
          hazardsAt(at, zones),
          s.targetGroups().stream().map(TargetGroup::fromCode).collect(Collectors.toSet()),
          s.disabilityTypes().stream().map(Disability::fromCode).collect(Collectors.toSet()),
          s.capacityPersons(), s.capacityChildren()));
    }
    return out;
  }

  /** The hazard types of the zones containing {@code p}. */
  public static Set<Hazard> hazardsAt(GeoPoint p, List<HazardZone> zones) {
    Point pt = ActiveHazards.GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
    Set<Hazard> out = EnumSet.noneOf(Hazard.class);
    for (HazardZone z : zones) {
      if (z.geometry().getEnvelopeInternal().contains(pt.getCoordinate()) && z.geometry().covers(pt)) {
        out.add(Hazard.fromCode(z.type().code()));
      }
    }
    return out;
  }
}
