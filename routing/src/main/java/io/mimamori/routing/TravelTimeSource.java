package io.mimamori.routing;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Where travel times come from: the road graph with the active hazards ({@link HazardAwareRouter}),
 * or straight lines ({@link StraightLineTimes}) in tests and when no graph is loaded.
 */
@FunctionalInterface
public interface TravelTimeSource {

  TravelTimeMatrix matrix(TravelProfile profile, List<GeoPoint> from, List<GeoPoint> to, ProgressListener listener,
      BooleanSupplier cancelled);
}
