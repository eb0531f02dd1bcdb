package io.mimamori.routing.shelter;

import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.TravelProfile;
import java.util.Set;

/** Synthetic residents and shelters for the shelter tests (no real people). */
final class Sites {

  static final GeoPoint HOME = GeoPoint.ofLonLat(138.86, 35.10);

  private Sites() {}

  /** A point {@code eastMetres} east of {@link #HOME}. */
  static GeoPoint east(double eastMetres) {
    return GeoPoint.ofLonLat(HOME.lon() + eastMetres / (111_320 * Math.cos(Math.toRadians(HOME.lat()))), HOME.lat());
  }

  static ShelterSite site(String id, double east, Set<Hazard> designatedFor) {
    return new ShelterSite(id, id + " school", ShelterType.EVACUATION_SITE, east(east), designatedFor, Set.of(),
        Set.of(), Set.of(), null, null);
  }

  static ShelterSite stay(String id, double east, Set<Hazard> atSite, Integer remaining) {
    return new ShelterSite(id, id + " hall", ShelterType.DESIGNATED_SHELTER, east(east), Set.of(), atSite, Set.of(),
        Set.of(), remaining, null);
  }

  static ShelterSite welfare(String id, double east, Set<TargetGroup> groups, Integer remaining) {
    return new ShelterSite(id, id + " home for the elderly", ShelterType.WELFARE_SHELTER, east(east), Set.of(),
        Set.of(), groups, Set.of(), remaining, null);
  }

  static ShelterSite childShelter(String id, double east, Disability type, Integer persons, Integer children) {
    return new ShelterSite(id, id + " special-needs school", ShelterType.CHILD_WELFARE_SHELTER, east(east), Set.of(),
        Set.of(), Set.of(TargetGroup.PUPILS, TargetGroup.PRESCHOOL_DISABLED, TargetGroup.FAMILIES), Set.of(type),
        persons, children);
  }

  static Resident ordinary(String id, Set<Hazard> homeHazards) {
    return new Resident(id, TravelProfile.FOOT, HOME, homeHazards, Needs.ordinary(true), 0);
  }

  static Resident careNeeding(String id, boolean elderly, Set<Disability> disabilities, int companions) {
    return new Resident(id, TravelProfile.WHEELCHAIR, HOME, Set.of(),
        new Needs(true, elderly, disabilities, Needs.School.NONE, false, false, false), companions);
  }

  static Resident child(String id, Needs.School school, Set<Disability> disabilities, int companions) {
    return new Resident(id, TravelProfile.FOOT, HOME, Set.of(),
        new Needs(false, false, disabilities, school, false, false, false), companions);
  }
}
