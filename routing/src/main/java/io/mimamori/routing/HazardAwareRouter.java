package io.mimamori.routing;

import io.mimamori.routing.graph.RoadGraph;
import io.mimamori.routing.hazard.ActiveHazards;
import io.mimamori.routing.hazard.HazardArea;
import io.mimamori.routing.search.MatrixSearch;
import io.mimamori.routing.search.RouteSearch;
import io.mimamori.routing.search.SpacePool;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Routes and travel-time matrices on a {@link RoadGraph} with the hazard areas of the moment taken
 * out. The active set is replaced as a whole with {@link #setHazards}, which takes effect for every
 * route and matrix started afterwards, without rebuilding the graph; one already running keeps the
 * set it started with.
 *
 * <p>Blocking: a road segment inside or crossing a blocking area is not used, except to leave the
 * area a route starts in or to reach the area it ends in; there the route keeps inside the zone
 * only as long as it must (see {@link RouterSettings#exposureFactor()}). A point outside every
 * blocking area is placed on the nearest road that is not blocked.
 *
 * <p>Thread-safe. A matrix uses {@link RouterSettings#threads()} threads of the router's own;
 * {@link #close()} stops them.
 */
public final class HazardAwareRouter implements TravelTimeSource, AutoCloseable {

  private final RoadGraph graph;
  private final RouterSettings settings;
  private final SpacePool pool;
  private final ExecutorService executor;
  private volatile ActiveHazards hazards = ActiveHazards.none();

  public HazardAwareRouter(RoadGraph graph) {
    this(graph, RouterSettings.defaults());
  }

  public HazardAwareRouter(RoadGraph graph, RouterSettings settings) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.pool = new SpacePool(graph.network().nodes());
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(settings.threads(), r -> {
      Thread t = new Thread(r, "matrix-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  public RoadGraph graph() {
    return graph;
  }

  public RouterSettings settings() {
    return settings;
  }

  /**
   * Makes {@code areas} the active hazard set (replacing the previous one; empty clears it).
   *
   * @return the new set: how many segments it blocks
   * @throws IllegalArgumentException when two areas share an id
   */
  public ActiveHazards setHazards(Collection<HazardArea> areas) {
    ActiveHazards next = areas.isEmpty() ? ActiveHazards.none() : ActiveHazards.of(graph, areas);
    hazards = next;
    return next;
  }

  /** The active hazard set. */
  public ActiveHazards hazards() {
    return hazards;
  }

  /** The route from {@code from} to {@code to}, or a {@link Route} saying why there is none. */
  public Route route(TravelProfile profile, GeoPoint from, GeoPoint to) {
    return RouteSearch.route(graph, hazards, settings, pool, profile, from, to);
  }

  /**
   * Seconds and metres from every point of {@code from} to every point of {@code to}. 1,000 ×
   * 1,000 on the demo town takes well under a second on two cores.
   *
   * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true
   */
  @Override
  public TravelTimeMatrix matrix(TravelProfile profile, List<GeoPoint> from, List<GeoPoint> to,
      ProgressListener listener, BooleanSupplier cancelled) {
    return MatrixSearch.compute(graph, hazards, settings, pool, executor, profile, from, to, listener, cancelled);
  }

  public TravelTimeMatrix matrix(TravelProfile profile, List<GeoPoint> from, List<GeoPoint> to) {
    return matrix(profile, from, to, ProgressListener.none(), () -> false);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
