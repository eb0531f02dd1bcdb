package io.mimamori.layers.features;

import java.util.Arrays;
import java.util.Optional;

/**
 * The non-personal map layers offered as GeoJSON features (the web map and OGC API - Features).
 * Residents are never a feature collection: they appear on maps only through the access rules.
 */
public enum FeatureCollection {
  SHELTERS("shelters", "避難所・避難場所 / Shelters and evacuation sites",
      "Designated evacuation sites with the hazards they are designated for, designated shelters, welfare shelters with their announced target groups, and child welfare shelters with the disability types they take and their capacities."),
  HAZARDS("hazards", "災害リスク区域 / Hazard zones",
      "Flood and tsunami zones with their depth rank, landslide warning (rank 1) and special warning (rank 2) zones.");

  private final String id;
  private final String title;
  private final String description;

  FeatureCollection(String id, String title, String description) {
    this.id = id;
    this.title = title;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public static Optional<FeatureCollection> find(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }
}
