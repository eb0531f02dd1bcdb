package io.mimamori.server.routing;

import io.mimamori.layers.shelter.DestinationShelter;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.shelter.Disability;
import io.mimamori.routing.shelter.Hazard;
import io.mimamori.routing.shelter.ShelterSite;
import io.mimamori.routing.shelter.ShelterType;
import io.mimamori.routing.shelter.TargetGroup;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Stored shelters as routing's {@link ShelterSite}s: the site's id is the shelter's id as text,
 * places left are the capacity less the places taken by residents evacuated there now.
 */
public final class ShelterSites {

  private ShelterSites() {}

  public static List<ShelterSite> of(List<DestinationShelter> shelters) {
    return shelters.stream().map(ShelterSites::of).toList();
  }

  public static ShelterSite of(DestinationShelter s) {
    Set<Hazard> designated = EnumSet.noneOf(Hazard.class);
    s.designatedFor().forEach(h -> designated.add(Hazard.fromCode(h)));
    Set<Hazard> at = EnumSet.noneOf(Hazard.class);
    s.hazardsAtSite().forEach(h -> at.add(Hazard.fromCode(h)));
    Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
    s.targetGroups().forEach(g -> groups.add(TargetGroup.fromCode(g)));
    Set<Disability> types = EnumSet.noneOf(Disability.class);
    s.disabilityTypes().forEach(d -> types.add(Disability.fromCode(d)));
    return new ShelterSite(Long.toString(s.id()), s.name(), ShelterType.fromCode(s.kind().code()),
        GeoPoint.ofLonLat(s.location().lon(), s.location().lat()), designated, at, groups, types, s.personsLeft(),
        s.childrenLeft());
  }
}
