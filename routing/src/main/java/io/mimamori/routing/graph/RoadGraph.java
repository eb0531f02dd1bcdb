package io.mimamori.routing.graph;

import com.graphhopper.GraphHopper;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.util.PMap;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.TravelProfile;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The road network of one OSM file (PBF or XML, gzip allowed), read by GraphHopper 11 as a library
 * with the profiles of {@link TravelProfile}, and the flat arrays searches run on.
 *
 * <p>{@link #open} builds the graph once and keeps it in a folder of {@code cacheRoot} keyed by the
 * file's content (SHA-256), the graph format and the profile models; the next start with the same
 * file loads that folder, which takes a fraction of the build. A changed file gets a new folder and
 * the old one is deleted. The build reports its phases and stops when {@code cancelled} turns true,
 * also in the middle of reading the file; nothing half-built is left behind.
 *
 * <p>Thread-safe for reading once opened. {@link #close()} releases GraphHopper's storage.
 */
public final class RoadGraph implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RoadGraph.class);

  private final GraphHopper hopper;
  private final RoadNetwork network;
  private final Map<TravelProfile, ProfileCosts> costs;
  private final Path folder;
  private final boolean built;
  private final double openSeconds;

  private RoadGraph(GraphHopper hopper, RoadNetwork network, Map<TravelProfile, ProfileCosts> costs, Path folder,
      boolean built, double openSeconds) {
    this.hopper = hopper;
    this.network = network;
    this.costs = costs;
    this.folder = folder;
    this.built = built;
    this.openSeconds = openSeconds;
  }

  /**
   * Opens the graph of {@code osmFile}, building it into {@code cacheRoot} first when no complete
   * graph of this content is there.
   *
   * @throws NoSuchFileException when the OSM file does not exist
   * @throws CancellationException when cancelled; the cache is left as it was
   */
  public static RoadGraph open(Path osmFile, Path cacheRoot, ProgressListener listener, BooleanSupplier cancelled)
      throws IOException {
    long t0 = System.nanoTime();
    if (!Files.isRegularFile(osmFile)) {
      throw new NoSuchFileException(osmFile.toString(), null, "no OSM file to build the road graph from");
    }
    Files.createDirectories(cacheRoot);
    String hash = GraphCache.sha256Hex(osmFile, listener, cancelled, 0, 0.05);
    Path folder = GraphCache.folderFor(cacheRoot, osmFile, hash);
    boolean built = false;
    if (!GraphCache.isComplete(folder)) {
      build(osmFile, folder, hash, listener, cancelled);
      built = true;
    }
    GraphHopper hopper;
    try {
      hopper = load(folder, listener);
    } catch (RuntimeException e) {
      if (built) {
        throw e;
      }
      log.warn("the cached road graph {} could not be loaded ({}); building it again", folder.getFileName(), e.toString());
      GraphCache.deleteTree(folder);
      build(osmFile, folder, hash, listener, cancelled);
      built = true;
      hopper = load(folder, listener);
    }
    if (cancelled.getAsBoolean()) {
      hopper.close();
      throw new CancellationException("the road graph build was cancelled");
    }
    listener.progress("preparing search arrays", 0.95);
    RoadNetwork network = RoadNetwork.of(hopper.getBaseGraph());
    Map<TravelProfile, ProfileCosts> costs = new EnumMap<>(TravelProfile.class);
    for (TravelProfile p : TravelProfile.values()) {
      Weighting w = hopper.createWeighting(hopper.getProfile(p.code()), new PMap());
      costs.put(p, ProfileCosts.of(p, network, hopper.getBaseGraph(), w,
          hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(p.code()))));
    }
    if (built) {
      GraphCache.removeStale(cacheRoot, osmFile, folder);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    listener.progress("road graph ready", 1.0);
    log.info("road graph {}: {} nodes, {} edges, {} in {} s", osmFile.getFileName(), network.nodes(), network.edges(),
        built ? "built" : "loaded from cache", String.format("%.2f", secs));
    return new RoadGraph(hopper, network, costs, folder, built, secs);
  }

  private static void build(Path osm, Path folder, String hash, ProgressListener listener, BooleanSupplier cancelled)
      throws IOException {
    long t0 = System.nanoTime();
    Path tmp = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".building-");
    ImportWatch watch = new ImportWatch(listener, cancelled, 0.05, 0.70);
    ObservedGraphHopper hopper = new ObservedGraphHopper(listener, watch);
    configure(hopper, tmp);
    hopper.setOSMFile(osm.toString());
    hopper.setImportRegistry(new RoutingImportRegistry(watch));
    try {
      watch.check();
      hopper.importOrLoad();
    } catch (RuntimeException e) {
      hopper.close();
      GraphCache.deleteTree(tmp);
      throw cancellationIn(e).orElse(e);
    }
    hopper.close();
    GraphCache.markComplete(tmp, osm, hash, (System.nanoTime() - t0) / 1e9);
    try {
      Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // another process built the same graph meanwhile: use theirs
      GraphCache.deleteTree(tmp);
    }
  }

  /** GraphHopper wraps what its reader threads throw: find a cancellation among the causes. */
  private static java.util.Optional<RuntimeException> cancellationIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CancellationException c) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  private static GraphHopper load(Path folder, ProgressListener listener) {
    listener.progress("loading the road graph", 0.90);
    GraphHopper hopper = new GraphHopper();
    configure(hopper, folder);
    if (!hopper.load()) {
      hopper.close();
      throw new IllegalStateException("no road graph in " + folder);
    }
    return hopper;
  }

  private static void configure(GraphHopper hopper, Path location) {
    hopper.setGraphHopperLocation(location.toString());
    hopper.setEncodedValuesString(ProfileModels.ENCODED_VALUES);
    hopper.setProfiles(ProfileModels.profiles());
  }

  public RoadNetwork network() {
    return network;
  }

  public ProfileCosts costs(TravelProfile profile) {
    return costs.get(profile);
  }

  /** GraphHopper's graph: geometry of edges, node positions. */
  public BaseGraph baseGraph() {
    return hopper.getBaseGraph();
  }

  public LocationIndex locationIndex() {
    return hopper.getLocationIndex();
  }

  /**
   * The GraphHopper instance itself, for comparisons with its own router (benchmarks, tests). Its
   * profiles are named as {@link TravelProfile#code()}; CH and LM are not prepared.
   */
  public GraphHopper graphHopper() {
    return hopper;
  }

  /** The cache folder the graph was loaded from. */
  public Path folder() {
    return folder;
  }

  /** True when this {@link #open} had to build the graph, false when it loaded a cached one. */
  public boolean builtNow() {
    return built;
  }

  /** How long {@link #open} took, seconds (build or load, and the search arrays). */
  public double openSeconds() {
    return openSeconds;
  }

  /** An estimate of the memory the search arrays take (GraphHopper's own storage not included). */
  public long searchArrayBytes() {
    long b = network.bytes();
    for (ProfileCosts c : costs.values()) {
      b += c.bytes();
    }
    return b;
  }

  @Override
  public void close() {
    hopper.close();
  }
}
