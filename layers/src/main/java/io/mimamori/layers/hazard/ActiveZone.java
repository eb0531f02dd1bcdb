package io.mimamori.layers.hazard;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A stored hazard zone as the road graph sees it during operations: the zone itself and, when an
 * active emergency names its hazard type, the part of it inside that emergency's area ({@code
 * inActiveArea}) and the part outside ({@code outsideActiveArea}, null when the zone lies wholly
 * inside). Both parts are null when no active emergency covers the zone. Geometries are lon/lat
 * (EPSG:4326) polygons or multipolygons.
 */
public record ActiveZone(
    long id,
    HazardType type,
    int rank,
    String phenomenon,
    String name,
    Geometry zone,
    Geometry inActiveArea,
    Geometry outsideActiveArea) {

  public ActiveZone {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(zone, "zone");
  }

  /** Whether an active emergency for this zone's hazard covers some of it. */
  public boolean active() {
    return inActiveArea != null && !inActiveArea.isEmpty();
  }
}
