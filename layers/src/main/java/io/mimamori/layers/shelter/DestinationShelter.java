package io.mimamori.layers.shelter;

import io.mimamori.layers.geo.LonLat;
import java.util.Objects;
import java.util.Set;

/**
 * A shelter as a destination for residents: where it is, what it is designated for, which zones
 * it lies in, whom it takes and how many places are taken now.
 *
 * @param designatedFor hazard codes the shelter is designated for: its own, and those of the
 *     evacuation site published at the same address (the GSI lists sites and shelters apart)
 * @param hazardsAtSite hazard codes of the stored zones containing the shelter
 * @param capacityPersons places for everyone, family members included; null when not published
 * @param capacityChildren of which places for children with disabilities; null when not published
 * @param personsTaken places taken by residents reported evacuated there in active emergencies
 *     (with their households at welfare and child welfare shelters, which take families)
 * @param childrenTaken of which children of special-needs schools or pre-school age
 */
public record DestinationShelter(
    long id,
    ShelterKind kind,
    String name,
    LonLat location,
    Set<String> designatedFor,
    Set<String> hazardsAtSite,
    Set<String> targetGroups,
    Set<String> disabilityTypes,
    Integer capacityPersons,
    Integer capacityChildren,
    int personsTaken,
    int childrenTaken) {

  public DestinationShelter {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    designatedFor = Set.copyOf(designatedFor);
    hazardsAtSite = Set.copyOf(hazardsAtSite);
    targetGroups = Set.copyOf(targetGroups);
    disabilityTypes = Set.copyOf(disabilityTypes);
  }

  /** Places left (never below 0), or null when the capacity is not published. */
  public Integer personsLeft() {
    return capacityPersons == null ? null : Math.max(0, capacityPersons - personsTaken);
  }

  /** Children's places left (never below 0), or null when not published. */
  public Integer childrenLeft() {
    return capacityChildren == null ? null : Math.max(0, capacityChildren - childrenTaken);
  }
}
