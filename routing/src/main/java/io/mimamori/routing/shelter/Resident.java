package io.mimamori.routing.shelter;

import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.TravelProfile;
import java.util.Objects;
import java.util.Set;

/**
 * A resident as destinations and pre-assignment see it: an id (the register's internal id, never a
 * name), how they move, where they live, the hazard zones their home lies in, their needs, and how
 * many family members come with them.
 */
public record Resident(String id, TravelProfile profile, GeoPoint home, Set<Hazard> homeHazards, Needs needs,
    int companions) {

  public Resident {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a resident needs an id");
    }
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(needs, "needs");
    homeHazards = homeHazards == null ? Set.of() : Set.copyOf(homeHazards);
    if (companions < 0 || companions > 29) {
      throw new IllegalArgumentException("resident " + id + ": companions must be 0..29, got " + companions);
    }
  }
}
