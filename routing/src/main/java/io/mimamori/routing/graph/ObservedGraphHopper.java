package io.mimamori.routing.graph;

import com.graphhopper.GraphHopper;
import io.mimamori.routing.ProgressListener;

/**
 * GraphHopper with its import phases reported and cancellable between them (and, through {@link
 * ImportWatch}, while ways are read). Phases: reading OSM, sorting along a Hilbert curve, removing
 * subnetworks too small to route in, building the location index.
 */
final class ObservedGraphHopper extends GraphHopper {

  private final ProgressListener listener;
  private final ImportWatch watch;

  ObservedGraphHopper(ProgressListener listener, ImportWatch watch) {
    this.listener = listener;
    this.watch = watch;
  }

  @Override
  protected void importOSM() {
    listener.progress("reading OSM", 0.05);
    super.importOSM();
    watch.check();
  }

  @Override
  protected void postImportOSM() {
    listener.progress(String.format("sorting %,d road segments", watch.segments()), 0.70);
    super.postImportOSM();
    watch.check();
  }

  @Override
  protected void cleanUp() {
    listener.progress("removing small subnetworks", 0.75);
    super.cleanUp();
    watch.check();
  }

  @Override
  protected void postProcessing(boolean closeEarly) {
    listener.progress("building the location index", 0.85);
    super.postProcessing(closeEarly);
    watch.check();
  }
}
