package io.mimamori.server.routing;

import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.RouterSettings;
import io.mimamori.routing.graph.RoadGraph;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's road graph: opened (loaded from the graph cache, or built from the OSM file) on a
 * thread of its own at start-up, so the server answers everything else at once; its progress goes
 * to the log and to {@link #status()}. Until it is ready {@link #router()} is empty and the
 * routing endpoints answer 503 with the status's message. {@link #close()} cancels a build in
 * progress (nothing half-built is kept) or releases the graph.
 */
public final class RoadGraphService implements AutoCloseable {

  /** Where the road graph is. */
  public enum State {
    /** No OSM file is configured: routing is off. */
    NOT_CONFIGURED,
    LOADING,
    READY,
    FAILED
  }

  /** Opens the road graph, reporting progress and stopping when cancelled. */
  @FunctionalInterface
  public interface Opener {
    RoadGraph open(ProgressListener listener, BooleanSupplier cancelled) throws IOException;
  }

  /**
   * What the service can say about the road graph: its state, the phase and fraction of the load,
   * a sentence for people, the OSM file's name, and (once ready) its size and how it was opened.
   */
  public record Status(State state, String phase, double fraction, String message, String source, int nodes, int edges,
      double openSeconds, boolean builtNow) {}

  private static final Logger log = LoggerFactory.getLogger(RoadGraphService.class);

  private final String source;
  private final Thread loader;
  private volatile boolean closed;
  private volatile State state;
  private volatile String phase = "waiting";
  private volatile double fraction;
  private volatile String failure;
  private volatile RoadGraph graph;
  private volatile HazardAwareRouter router;

  private RoadGraphService(String source, State state, Opener opener, RouterSettings settings,
      Consumer<HazardAwareRouter> onReady) {
    this.source = source;
    this.state = state;
    this.loader = opener == null ? null : new Thread(() -> load(opener, settings, onReady), "road-graph-loader");
  }

  /** No road network configured: every routing request is told so. */
  public static RoadGraphService notConfigured() {
    return new RoadGraphService(null, State.NOT_CONFIGURED, null, null, null);
  }

  /**
   * Starts opening the graph in the background.
   *
   * @param source the OSM file's name, for messages
   * @param onReady called once on the loader thread when the router is ready (before requests see it)
   */
  public static RoadGraphService start(String source, Opener opener, RouterSettings settings,
      Consumer<HazardAwareRouter> onReady) {
    RoadGraphService s = new RoadGraphService(source, State.LOADING, opener, settings, onReady);
    s.loader.setDaemon(true);
    s.loader.start();
    return s;
  }

  /** Opens {@code osmFile}'s graph through the cache folder {@code cacheRoot}. */
  public static Opener fromFile(Path osmFile, Path cacheRoot) {
    return (listener, cancelled) -> RoadGraph.open(osmFile, cacheRoot, listener, cancelled);
  }

  private void load(Opener opener, RouterSettings settings, Consumer<HazardAwareRouter> onReady) {
    log.atInfo().setMessage("Opening the road graph").addKeyValue("osm_file", source).log();
    int[] lastLogged = {-1};
    String[] lastPhase = {""};
    try {
      RoadGraph g = opener.open((p, f) -> {
        phase = p;
        fraction = f;
        int decile = (int) (f * 10);
        if (!p.equals(lastPhase[0]) || decile != lastLogged[0]) {
          lastPhase[0] = p;
          lastLogged[0] = decile;
          log.atInfo().setMessage("Road graph").addKeyValue("phase", p)
              .addKeyValue("percent", Math.round(f * 100)).log();
        }
      }, () -> closed);
      if (closed) {
        g.close();
        return;
      }
      HazardAwareRouter r = new HazardAwareRouter(g, settings);
      graph = g;
      onReady.accept(r);
      router = r;
      phase = "ready";
      fraction = 1;
      state = State.READY;
      log.atInfo().setMessage("Road graph ready").addKeyValue("nodes", g.network().nodes())
          .addKeyValue("edges", g.network().edges()).addKeyValue("built", g.builtNow())
          .addKeyValue("seconds", String.format(java.util.Locale.ROOT, "%.2f", g.openSeconds())).log();
    } catch (CancellationException e) {
      failure = "the road graph build was cancelled";
      state = State.FAILED;
    } catch (NoSuchFileException e) {
      fail("the OSM file " + source + " does not exist", e);
    } catch (IOException | RuntimeException e) {
      fail("the road graph could not be opened from " + source + ": " + e.getMessage(), e);
    }
  }

  private void fail(String message, Exception e) {
    failure = message;
    state = State.FAILED;
    log.atError().setMessage("Road graph failed").addKeyValue("reason", message).setCause(e).log();
  }

  /** The router, once the graph is ready. */
  public Optional<HazardAwareRouter> router() {
    return Optional.ofNullable(router);
  }

  public Status status() {
    State s = state;
    RoadGraph g = graph;
    String message = switch (s) {
      case NOT_CONFIGURED -> "No road network is configured: set routing.osm-file (MIMAMORI_ROUTING_OSM_FILE) to an OSM file.";
      case LOADING -> "The road graph is still loading (" + phase + ", " + Math.round(fraction * 100) + "%); try again shortly.";
      case READY -> "The road graph is ready.";
      case FAILED -> "The road graph is not available: " + failure + ".";
    };
    return new Status(s, phase, fraction, message, source, g == null ? 0 : g.network().nodes(),
        g == null ? 0 : g.network().edges(), g == null ? 0 : g.openSeconds(), g != null && g.builtNow());
  }

  @Override
  public void close() {
    closed = true;
    if (loader != null && loader.isAlive()) {
      try {
        loader.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    HazardAwareRouter r = router;
    if (r != null) {
      r.close();
    }
    RoadGraph g = graph;
    if (g != null) {
      g.close();
    }
  }
}
