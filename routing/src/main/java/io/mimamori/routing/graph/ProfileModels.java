package io.mimamori.routing.graph;

import static com.graphhopper.json.Statement.Else;
import static com.graphhopper.json.Statement.ElseIf;
import static com.graphhopper.json.Statement.If;
import static com.graphhopper.json.Statement.Op.LIMIT;
import static com.graphhopper.json.Statement.Op.MULTIPLY;

import com.graphhopper.config.Profile;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.GHUtility;
import io.mimamori.routing.TravelProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The GraphHopper profiles of the road graph, one per {@link TravelProfile}: foot and car are the
 * custom models shipped in GraphHopper's jar; wheelchair is ours (see {@link TravelProfile}).
 * Changing a model changes {@link #fingerprint()} and so the cache folder: the graph is rebuilt.
 */
final class ProfileModels {

  /** Every encoded value a model names (GraphHopper needs them listed when the model comes from its jar). */
  static final String ENCODED_VALUES = String.join(", ",
      "car_access", "car_average_speed", "road_access",
      "foot_access", "foot_priority", "foot_average_speed", "foot_road_access", "hike_rating", "mtb_rating",
      "country", "road_class", "road_environment", "surface", "smoothness", "track_type",
      InclineParser.INCLINE, InclineParser.WHEELCHAIR_BARRIER);

  /** Top speed of the wheelchair profile, km/h. */
  static final String WHEELCHAIR_KMH = "3";
  /** Steeper than this (percent) is never used by wheelchair. */
  static final int WHEELCHAIR_MAX_INCLINE = 12;

  private ProfileModels() {}

  static List<Profile> profiles() {
    List<Profile> out = new ArrayList<>();
    for (TravelProfile p : TravelProfile.values()) {
      out.add(new Profile(p.code()).setCustomModel(model(p)));
    }
    return out;
  }

  static CustomModel model(TravelProfile p) {
    return switch (p) {
      case FOOT -> GHUtility.loadCustomModelFromJar("foot.json");
      case CAR -> GHUtility.loadCustomModelFromJar("car.json");
      case WHEELCHAIR -> wheelchair();
    };
  }

  static CustomModel wheelchair() {
    String rough = "surface == UNPAVED || surface == GRAVEL || surface == GROUND || surface == DIRT"
        + " || surface == GRASS || surface == SAND";
    String bumpy = "surface == COBBLESTONE || surface == COMPACTED || surface == FINE_GRAVEL || surface == WOOD"
        + " || surface == OTHER";
    String broken = "smoothness == BAD || smoothness == VERY_BAD || smoothness == HORRIBLE"
        + " || smoothness == VERY_HORRIBLE || smoothness == IMPASSABLE";
    return new CustomModel()
        .addToPriority(If("!foot_access || road_class == STEPS || hike_rating >= 1 || " + InclineParser.WHEELCHAIR_BARRIER,
            MULTIPLY, "0"))
        .addToPriority(Else(MULTIPLY, "foot_priority"))
        .addToPriority(If(InclineParser.INCLINE + " > " + WHEELCHAIR_MAX_INCLINE, MULTIPLY, "0"))
        .addToPriority(ElseIf(InclineParser.INCLINE + " > 8", MULTIPLY, "0.25"))
        .addToPriority(ElseIf(InclineParser.INCLINE + " > 5", MULTIPLY, "0.6"))
        .addToPriority(If(rough, MULTIPLY, "0"))
        .addToPriority(ElseIf(bumpy, MULTIPLY, "0.5"))
        .addToPriority(If(broken, MULTIPLY, "0"))
        .addToPriority(If("road_class == TRACK && track_type != GRADE1", MULTIPLY, "0"))
        .addToPriority(If("road_class == PATH && surface == MISSING", MULTIPLY, "0.3"))
        .addToPriority(If("foot_road_access == PRIVATE", MULTIPLY, "0.1"))
        .addToSpeed(If("true", LIMIT, "foot_average_speed"))
        .addToSpeed(If("true", LIMIT, WHEELCHAIR_KMH))
        .addToSpeed(If(InclineParser.INCLINE + " > 5", MULTIPLY, "0.7"));
  }

  /** Changes whenever a profile's model or the encoded values change. */
  static String fingerprint() {
    StringBuilder sb = new StringBuilder(ENCODED_VALUES);
    for (Profile p : profiles()) {
      sb.append('|').append(p.getName()).append(':').append(p.getCustomModel());
    }
    return GraphCache.sha256Hex(sb.toString()).substring(0, 8);
  }
}
