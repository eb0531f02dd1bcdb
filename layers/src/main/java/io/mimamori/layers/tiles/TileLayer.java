package io.mimamori.layers.tiles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The map's vector tile layers, with the fields each carries. None carries personal data: the
 * residents appear only as counts per grid cell (in total and per priority band), and cells with fewer people than the configured
 * minimum are left out. Shelters carry their state during an emergency: open, the people there
 * (persons and family members), the capacity in force and how full they are ({@code level}: ok,
 * near_full, full, unknown, closed). {@link #CHECK_STATUS} counts the safety checks of the active
 * emergencies per cell by status; it is served to the operations roles only
 * ({@link #operationsOnly()}), who may see the residents themselves during an emergency, so its
 * cells are not suppressed.
 */
public enum TileLayer {
  SHELTERS("shelters", 8, List.of("kind", "name", "hazards", "target_groups", "disability_types",
      "capacity_persons", "capacity_children", "open", "occupied", "open_capacity", "level"), false),
  HAZARDS("hazards", 8, List.of("hazard_type", "rank", "phenomenon"), false),
  RESIDENT_DENSITY("resident_density", 8, List.of("residents", "band_a", "band_b", "band_c", "band_d"), false),
  CHECK_STATUS("check_status", 8, List.of("checks", "not_assigned", "assigned", "on_the_way", "safe_at_home",
      "evacuated", "needs_help", "not_at_home", "could_not_reach"), true);

  private final String id;
  private final int minZoom;
  private final List<String> fields;
  private final boolean operationsOnly;

  TileLayer(String id, int minZoom, List<String> fields, boolean operationsOnly) {
    this.id = id;
    this.minZoom = minZoom;
    this.fields = fields;
    this.operationsOnly = operationsOnly;
  }

  /** Whether only the operations roles (admin, HQ, dispatcher) may have this layer's tiles. */
  public boolean operationsOnly() {
    return operationsOnly;
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
      case "residents" -> List.of(RESIDENT_DENSITY, CHECK_STATUS);
      case "checks", "emergencies" -> List.of(CHECK_STATUS);
      default -> List.of();
    };
  }
}
