package io.mimamori.routing.shelter;

import io.mimamori.routing.GeoPoint;
import java.util.Objects;
import java.util.Set;

/**
 * A shelter as destinations and pre-assignment see it.
 *
 * @param designatedFor the hazards an evacuation site is designated for (empty when none are
 *     published, as for most places to stay)
 * @param hazardsAtSite the hazard zones the site itself lies in (as the server finds them in
 *     PostGIS); used when no designation is published
 * @param targetGroups a welfare shelter's announced groups (empty: none published)
 * @param disabilityTypes what a child welfare shelter takes (its main disability type)
 * @param remainingPersons places left, family members included; null when unknown (no limit
 *     is assumed for destinations; pre-assignment leaves such a shelter out)
 * @param remainingChildren places left for children with disabilities (child welfare shelters); null when unknown
 */
public record ShelterSite(
    String id,
    String name,
    ShelterType type,
    GeoPoint location,
    Set<Hazard> designatedFor,
    Set<Hazard> hazardsAtSite,
    Set<TargetGroup> targetGroups,
    Set<Disability> disabilityTypes,
    Integer remainingPersons,
    Integer remainingChildren) {

  public ShelterSite {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a shelter needs an id");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(location, "location");
    name = name == null || name.isBlank() ? id : name;
    designatedFor = designatedFor == null ? Set.of() : Set.copyOf(designatedFor);
    hazardsAtSite = hazardsAtSite == null ? Set.of() : Set.copyOf(hazardsAtSite);
    targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
    disabilityTypes = disabilityTypes == null ? Set.of() : Set.copyOf(disabilityTypes);
    if (remainingPersons != null && remainingPersons < 0) {
      throw new IllegalArgumentException("shelter " + id + ": remaining places must not be negative");
    }
    if (remainingChildren != null && remainingChildren < 0) {
      throw new IllegalArgumentException("shelter " + id + ": remaining children's places must not be negative");
    }
  }

  /** Whether family members come along and count in the capacity. */
  public boolean takesFamilies() {
    return !type.isWelfare() || targetGroups.contains(TargetGroup.FAMILIES);
  }

  /** How many places someone with {@code companions} family members takes here. */
  public int placesFor(int companions) {
    return 1 + (takesFamilies() ? companions : 0);
  }
}
