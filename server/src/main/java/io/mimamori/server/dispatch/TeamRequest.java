package io.mimamori.server.dispatch;

import io.mimamori.routing.GeoPoint;
import java.util.Objects;
import java.util.Set;

/**
 * One team the dispatcher sends: the supporter it is published to, where it sets out, where it
 * must finish (null: it may end at its last visit), how many minutes it has, what it can do, and
 * how many people it is.
 */
public record TeamRequest(long supporterId, GeoPoint start, GeoPoint end, int minutes, Set<String> skills, int size) {

  public TeamRequest {
    Objects.requireNonNull(start, "start");
    skills = Set.copyOf(skills);
    if (minutes < 1 || minutes > 24 * 60) {
      throw new IllegalArgumentException("minutes must be 1..1440, got " + minutes);
    }
    if (size < 1 || size > 10) {
      throw new IllegalArgumentException("size must be 1..10, got " + size);
    }
  }
}
