package io.mimamori.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Routing and background jobs, read once at start-up with {@link ServerConfig}.
 *
 * @param osmFile the road network to route on (OSM PBF or XML); empty: no routing (the routing
 *     endpoints answer 503 saying so). The demo command points it at the demo town's OSM file.
 * @param graphCache where built road graphs are kept, one folder per OSM content
 * @param threads threads a travel-time matrix uses (and the optimiser, at most)
 * @param keepFinishedJobs how long a finished job (pre-assignment, optimisation) and its result
 *     are kept for the client to fetch
 * @param maxRunningJobs jobs running at once; more are refused with 429 until one ends
 */
public record RoutingConfig(
    Optional<Path> osmFile, Path graphCache, int threads, Duration keepFinishedJobs, int maxRunningJobs) {

  public RoutingConfig {
    osmFile = osmFile.map(p -> p.toAbsolutePath().normalize());
    graphCache = graphCache.toAbsolutePath().normalize();
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("routing.threads must be 1..64, got " + threads);
    }
    if (keepFinishedJobs.isNegative() || keepFinishedJobs.isZero()) {
      throw new IllegalArgumentException("jobs.keep-minutes must be at least 1");
    }
    if (maxRunningJobs < 1 || maxRunningJobs > 64) {
      throw new IllegalArgumentException("jobs.max-running must be 1..64, got " + maxRunningJobs);
    }
  }

  /** No road network: routing answers 503 until an OSM file is configured. */
  public static RoutingConfig none(Path home) {
    return new RoutingConfig(Optional.empty(), home.resolve("graph-cache"), defaultThreads(), Duration.ofMinutes(60), 4);
  }

  public RoutingConfig withOsmFile(Path file) {
    return new RoutingConfig(Optional.of(file), graphCache, threads, keepFinishedJobs, maxRunningJobs);
  }

  public RoutingConfig withGraphCache(Path folder) {
    return new RoutingConfig(osmFile, folder, threads, keepFinishedJobs, maxRunningJobs);
  }

  public RoutingConfig withJobs(Duration keep, int maxRunning) {
    return new RoutingConfig(osmFile, graphCache, threads, keep, maxRunning);
  }

  static RoutingConfig from(Settings s, Path home) {
    String osm = s.string("routing.osm-file",
        "OSM file (PBF or XML) of the road network to route on; empty: no routing (the demo uses its town's)", "");
    String cache = s.string("routing.graph-cache", "folder for built road graphs (one per OSM content)",
        home.resolve("graph-cache").toString());
    return new RoutingConfig(osm.isBlank() ? Optional.empty() : Optional.of(Path.of(osm)), Path.of(cache),
        s.integer("routing.threads", "threads of a travel-time matrix and of the route optimiser", defaultThreads()),
        Duration.ofMinutes(s.integer("jobs.keep-minutes", "minutes a finished pre-assignment or optimisation is kept", 60)),
        s.integer("jobs.max-running", "pre-assignments and optimisations running at once; more are refused", 4));
  }

  static int defaultThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }
}
