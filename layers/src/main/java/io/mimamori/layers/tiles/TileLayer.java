package io.mimamori.layers.tiles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The map's vector tile layers, with the fields each carries. None carries personal data: the
 * residents appear only as counts per grid cell (in total and per priority band), and cells with fewer people than the configured
 * minimum are left out.
 */
public enum TileLayer {
  SHELTERS("shelters", 8, List.of("kind", "name", "hazards", "target_groups", "disability_types",
      "capacity_persons", "capacity_children")),
  HAZARDS("hazards", 8, List.of("hazard_type", "rank", "phenomenon")),
  RESIDENT_DENSITY("resident_density", 8, List.of("residents", "band_a", "band_b", "band_c", "band_d"));

  private final String id;
  private final int minZoom;
  private final List<String> fields;

  TileLayer(String id, int minZoom, List<String> fields) {
    this.id = id;
    this.minZoom = minZoom;
    this.fields = fields;
  }

  public String id() {
    return id;
  }

  public int minZoom() {
    return minZoom;
  }

  public List<String> fields() {
    return fields;
  }

  public static Optional<TileLayer> find(String id) {
    return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
  }

  /** The layers whose tiles depend on the table a {@code map_change} notification names. */
  public static List<TileLayer> affectedBy(String changedLayer) {
    return switch (changedLayer) {
      case "shelters" -> List.of(SHELTERS);
      case "hazards" -> List.of(HAZARDS);
      case "residents" -> List.of(RESIDENT_DENSITY);
      default -> List.of();
    };
  }
}
