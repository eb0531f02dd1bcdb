package io.mimamori.bench;

import io.mimamori.bench.tiles.CacheSizeSampler;
import io.mimamori.bench.tiles.FeatureCountCheck;
import io.mimamori.bench.tiles.MapServerPeer;
import io.mimamori.bench.tiles.PeerTools;
import io.mimamori.bench.tiles.RandomTiles;
import io.mimamori.bench.tiles.WrkRun;
import io.mimamori.bench.tiles.WrkRun.Mode;
import io.mimamori.data.demo.DemoTown;
import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.db.EmbeddedPostgres;
import io.mimamori.layers.tiles.TileCoord;
import io.mimamori.layers.tiles.TileLayer;
import io.mimamori.layers.town.TownStore;
import io.mimamori.server.MimamoriApp;
import io.mimamori.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * mimamori's vector tiles side by side with MapServer 8 on the same PostGIS: the same layers
 * ({@code shelters}, {@code hazards}) of the same random tiles (zooms 10-17 over the demo town),
 * first checked for the same number of features per layer per tile, then loaded with wrk: MapServer
 * (FastCGI behind lighttpd), mimamori cold (tile cache emptied, every tile rendered), mimamori cached
 * (the same tiles again), and mimamori with a tile cache bound smaller than the tiles asked for,
 * sampling the cache's charged bytes against that bound.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -Xmx2g -cp 'bench/target/classes:bench/target/lib/*' io.mimamori.bench.TileBench \
 *     [residents=20000,1000000] [tiles=4000] [seconds=20] [connections=8] [check=4000] [seed=1]
 *     [cluster=bench/target/pg-bench] [load=yes|no (no: only the feature-count check)]
 * </pre>
 *
 * Needs {@code mapserver-bin cgi-mapserver spawn-fcgi lighttpd wrk} (it prints the apt-get command
 * when they are missing). Databases {@code bench_tiles_<residents>} are reused when they already hold
 * a demo town of that size. Everything listens on loopback only. Exits non-zero when the servers
 * disagree on a tile.
 */
public final class TileBench {

  private static final List<TileLayer> COMPARED = List.of(TileLayer.SHELTERS, TileLayer.HAZARDS);

  private final Map<String, String> options;
  private final PeerTools tools;
  private final Path work;

  private TileBench(Map<String, String> options, PeerTools tools, Path work) {
    this.options = options;
    this.tools = tools;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>(Map.of("residents", "20000,1000000", "tiles", "4000", "seconds", "20",
        "connections", "8", "check", "4000", "seed", "1", "cluster", "bench/target/pg-bench", "load", "yes"));
    for (String a : args) {
      String[] kv = a.split("=", 2);
      if (kv.length != 2 || !o.containsKey(kv[0])) {
        System.err.println("unknown argument " + a + "; arguments: " + o.keySet().stream().map(k -> k + "=…").toList());
        System.exit(2);
      }
      o.put(kv[0], kv[1]);
    }
    PeerTools tools;
    try {
      tools = PeerTools.locate();
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(3);
      return;
    }
    Path work = Path.of("bench/target/tilebench").toAbsolutePath();
    Files.createDirectories(work);
    TileBench bench = new TileBench(o, tools, work);
    System.out.println("Peers: " + tools.mapserverVersion() + "; " + tools.spawnFcgi() + ", " + tools.lighttpd() + ", " + tools.wrk());
    System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    boolean agreed = true;
    for (String r : o.get("residents").split(",")) {
      agreed &= bench.run(Integer.parseInt(r.trim().replace("_", "")));
    }
    if (!agreed) {
      System.out.println("FAILED: the servers disagree on some tiles (listed above).");
      System.exit(1);
    }
  }

  private int opt(String key) {
    return Integer.parseInt(options.get(key));
  }

  /** Runs everything for one town size; false when the servers disagree on a tile. */
  private boolean run(int residents) throws Exception {
    String database = "bench_tiles_" + residents;
    int connections = opt("connections");
    int seconds = opt("seconds");
    System.out.printf(Locale.ROOT, "%n## Demo town of %,d residents (database %s)%n%n", residents, database);
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(Path.of(options.get("cluster")), database);
        Database db = Database.open(pg.config(database), connections + 2)) {
      ensureTown(db, residents);
      double[] bbox = new TownStore(db.dataSource()).summary().bbox()
          .orElseThrow(() -> new IllegalStateException("the town has no extent"));
      List<TileCoord> tiles = RandomTiles.draw(bbox[0], bbox[1], bbox[2], bbox[3], 10, 17, opt("tiles"), opt("seed"));
      printZooms(tiles, bbox);

      ServerConfig config = serverConfig(pg, database, connections, 256_000_000L);
      MapServerPeer.Connection conn = new MapServerPeer.Connection("127.0.0.1", pg.port(), database, pg.user(), pg.password());
      try (MimamoriApp app = MimamoriApp.start(config, db.dataSource());
          MapServerPeer mapserver = MapServerPeer.start(tools, work.resolve("mapserver"), conn, connections,
              MapServerPeer.QueryBox.BUFFERED);
          MapServerPeer plain = MapServerPeer.start(tools, work.resolve("mapserver-default-box"), conn, connections,
              MapServerPeer.QueryBox.MAPSERVER_DEFAULT)) {
        Thread stopper = new Thread(() -> {
          mapserver.close();
          plain.close();
        }, "stop-mapserver");
        Runtime.getRuntime().addShutdownHook(stopper);
        String mimamoriUrl = "http://127.0.0.1:" + app.port();

        // 1. correctness first
        List<TileCoord> sample = tiles.subList(0, Math.min(opt("check"), tiles.size()));
        FeatureCountCheck.Report report = new FeatureCountCheck().compare(sample, COMPARED,
            (l, t) -> mimamoriUrl + mimamoriPath(l, t), (l, t) -> mapserver.baseUrl() + MapServerPeer.path(l, t));
        printCheck(report);
        if (!report.mismatches().isEmpty()) {
          return false;
        }
        if (!options.get("load").equals("yes")) {
          return true;
        }

        // 2. load
        Map<TileLayer, Path> mimamoriLists = new LinkedHashMap<>();
        Map<TileLayer, Path> mapserverLists = new LinkedHashMap<>();
        for (TileLayer l : COMPARED) {
          mimamoriLists.put(l, writeList("mimamori-" + l.id(), tiles, List.of(l), TileBench::mimamoriPath));
          mapserverLists.put(l, writeList("mapserver-" + l.id(), tiles, List.of(l), MapServerPeer::path));
        }
        Path mimamoriBoth = writeList("mimamori-both", tiles, COMPARED, TileBench::mimamoriPath);
        Path density = writeList("mimamori-density", tiles, List.of(TileLayer.RESIDENT_DENSITY), TileBench::mimamoriPath);
        int cap = Math.max(120, seconds * 6);
        Optional<String> gzip = Optional.of("Accept-Encoding: gzip");

        System.out.println("Warming up (one untimed pass of each server over every tile, then the cache is emptied) ...");
        for (TileLayer l : COMPARED) {
          WrkRun.run(tools, work, mapserver.baseUrl(), mapserverLists.get(l), connections, Mode.ONE_PASS, cap, Optional.empty());
          WrkRun.run(tools, work, plain.baseUrl(), mapserverLists.get(l), connections, Mode.ONE_PASS, cap, Optional.empty());
          WrkRun.run(tools, work, mimamoriUrl, mimamoriLists.get(l), connections, Mode.ONE_PASS, cap, gzip);
        }

        Map<String, WrkRun.Result> results = new LinkedHashMap<>();
        System.out.println("Load " + loadAverage());
        for (TileLayer l : COMPARED) {
          // passes alternate between the servers so that the machine's other work weighs on both alike
          Map<String, Pass> pair = new LinkedHashMap<>();
          pair.put("MapServer, " + l.id(), limit -> WrkRun.run(tools, work, mapserver.baseUrl(), mapserverLists.get(l),
              connections, Mode.ONE_PASS, limit, Optional.empty()));
          pair.put("mimamori cold, " + l.id(), limit -> {
            app.tiles().invalidateAll();
            return WrkRun.run(tools, work, mimamoriUrl, mimamoriLists.get(l), connections, Mode.ONE_PASS, limit, gzip);
          });
          pair.put("MapServer, its default query box (reference), " + l.id(), limit -> WrkRun.run(tools, work,
              plain.baseUrl(), mapserverLists.get(l), connections, Mode.ONE_PASS, limit, Optional.empty()));
          results.putAll(alternating(pair));
        }
        System.out.println("Load " + loadAverage());
        // the last cold pass may have been cut short: fill the cache with every tile of both layers
        WrkRun.run(tools, work, mimamoriUrl, mimamoriBoth, connections, Mode.ONE_PASS, cap, gzip);
        long cachedEntries = app.tiles().size();
        long workingSet = app.tiles().weightedSize();
        results.put("mimamori cached, shelters+hazards", WrkRun.run(tools, work, mimamoriUrl, mimamoriBoth,
            connections, Mode.LOOP, seconds, gzip));
        long renderedDuringCached = app.tiles().size() - cachedEntries;
        app.tiles().invalidateAll();
        results.put("mimamori cold, resident_density (no peer)", WrkRun.run(tools, work, mimamoriUrl, density,
            connections, Mode.ONE_PASS, seconds, gzip));
        app.tiles().invalidateAll();
        System.out.println("Load " + loadAverage());
        printLoad(results, renderedDuringCached);

        // 3. the cache's byte bound under random-tile load
        long bound = Math.max(1_000_000L, workingSet / 4 / 1_000_000L * 1_000_000L);
        try (MimamoriApp small = MimamoriApp.start(serverConfig(pg, database, connections, bound), db.dataSource())) {
          WrkRun.Result r;
          try (CacheSizeSampler sampler = CacheSizeSampler.start(small.tiles(), 20)) {
            r = WrkRun.run(tools, work, "http://127.0.0.1:" + small.port(), mimamoriBoth, connections, Mode.LOOP,
                seconds, gzip);
            printBound(bound, workingSet, cachedEntries, sampler, small.tiles().weightedSize(),
                small.tiles().size(), r);
          }
        }
        Runtime.getRuntime().removeShutdownHook(stopper);
      }
    }
    return true;
  }

  /** A run given the longest it may last, in seconds. */
  private interface Pass {
    WrkRun.Result run(int capSeconds) throws Exception;
  }

  /**
   * One-pass runs of each entry in turn (A, B, A, B, ...) until each has run for the configured
   * seconds (at most 60 passes each); each entry's passes taken together.
   */
  private Map<String, WrkRun.Result> alternating(Map<String, Pass> runs) throws Exception {
    int seconds = opt("seconds");
    Map<String, List<WrkRun.Result>> done = new LinkedHashMap<>();
    Map<String, Double> spent = new LinkedHashMap<>();
    runs.keySet().forEach(k -> {
      done.put(k, new ArrayList<>());
      spent.put(k, 0.0);
    });
    boolean more = true;
    while (more) {
      more = false;
      for (var e : runs.entrySet()) {
        String name = e.getKey();
        if (spent.get(name) >= seconds || done.get(name).size() >= 60) {
          continue;
        }
        WrkRun.Result r = e.getValue().run((int) Math.ceil(seconds - spent.get(name)) + 1);
        done.get(name).add(r);
        spent.merge(name, r.seconds(), Double::sum);
        System.out.printf(Locale.ROOT, "  %s, pass %d: %,d requests in %.1f s%n", name, done.get(name).size(),
            r.requests(), r.seconds());
        more = true;
      }
    }
    Map<String, WrkRun.Result> merged = new LinkedHashMap<>();
    done.forEach((k, v) -> merged.put(k, WrkRun.Result.merge(v)));
    return merged;
  }

  /** The 1, 5 and 15 minute load averages and the number of cores, as Linux reports them. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return "average " + f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
    } catch (java.io.IOException e) {
      return "average unknown";
    }
  }

  private void ensureTown(Database db, int residents) throws Exception {
    if (DemoTown.loaded(db.dataSource()).map(d -> d.residents() == residents).orElse(false)) {
      System.out.printf(Locale.ROOT, "Reusing the demo town of %,d residents already loaded.%n", residents);
      return;
    }
    if (DemoTown.isLoaded(db.dataSource())) {
      throw new IllegalStateException("the database holds a town of another size; remove " + options.get("cluster"));
    }
    Path out = work.resolve("demo-town-out-" + residents);
    Files.createDirectories(out);
    System.out.printf(Locale.ROOT, "Generating a demo town of %,d residents ...%n", residents);
    long t0 = System.nanoTime();
    DemoTownGenerator.generateAndLoad(db.dataSource(), DemoTownSpec.of(DemoTownSpec.DEFAULT_SEED, residents, 1.0), out,
        (phase, f) -> {}, () -> Thread.currentThread().isInterrupted());
    System.out.printf(Locale.ROOT, "  loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  private ServerConfig serverConfig(EmbeddedPostgres pg, String database, int pool, long cacheBytes) {
    return new ServerConfig("127.0.0.1", 0, work.resolve("home"), Optional.of(pg.config(database)), Optional.empty(), "",
        "bench", pool + 2, cacheBytes, 5, 20);
  }

  static String mimamoriPath(TileLayer layer, TileCoord t) {
    return "/tiles/" + layer.id() + "/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt";
  }

  private Path writeList(String name, List<TileCoord> tiles, List<TileLayer> layers,
      java.util.function.BiFunction<TileLayer, TileCoord, String> path) throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    for (TileCoord t : tiles) {
      for (TileLayer l : layers) {
        lines.add(path.apply(l, t));
      }
    }
    Path file = work.resolve(name + ".txt");
    Files.write(file, lines);
    return file;
  }

  private static void printZooms(List<TileCoord> tiles, double[] bbox) {
    Map<Integer, Integer> perZoom = new TreeMap<>();
    tiles.forEach(t -> perZoom.merge(t.z(), 1, Integer::sum));
    System.out.printf(Locale.ROOT, "Town extent %.4f,%.4f - %.4f,%.4f; %,d distinct random tiles per layer: %s%n%n",
        bbox[0], bbox[1], bbox[2], bbox[3], tiles.size(), perZoom.entrySet().stream()
            .map(e -> "z" + e.getKey() + " " + e.getValue()).toList());
  }

  private static void printCheck(FeatureCountCheck.Report r) {
    System.out.println("| layer | tiles compared | tiles with features | features (mimamori) | tiles that differ "
        + "| edge slivers only one server sent (under a pixel in the tile) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (TileLayer l : COMPARED) {
      long differ = r.mismatches().stream().filter(m -> m.layer() == l).count();
      System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %d | %,d |%n", l.id(), r.layerTiles().getOrDefault(l, 0),
          r.nonEmpty().getOrDefault(l, 0), r.features().getOrDefault(l, 0L), differ, r.edgeSlivers().getOrDefault(l, 0L));
    }
    r.mismatches().stream().limit(40).forEach(m -> System.out.println("  MISMATCH " + m));
    if (r.mismatches().size() > 40) {
      System.out.println("  ... and " + (r.mismatches().size() - 40) + " more");
    }
    System.out.println();
  }

  private static void printLoad(Map<String, WrkRun.Result> results, long renderedDuringCached) {
    System.out.println("| run | requests | seconds | requests/s | p50 ms | p99 ms | max ms | mean bytes | errors |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    results.forEach((name, r) -> System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2f | %.2f | %.1f | %,.0f | %d |%n",
        name, r.requests(), r.seconds(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.meanBytes(), r.notOk()));
    double ms = combined(results, "MapServer, shelters", "MapServer, hazards");
    double reference = combined(results, "MapServer, its default");
    double cold = combined(results, "mimamori cold, s", "mimamori cold, h");
    double cached = results.get("mimamori cached, shelters+hazards").perSecond();
    System.out.println();
    System.out.printf(Locale.ROOT, "Shelters and hazards together: MapServer %,.0f requests/s, mimamori cold %,.0f, cached %,.0f.%n",
        ms, cold, cached);
    for (TileLayer l : COMPARED) {
      System.out.printf(Locale.ROOT, "  %s: mimamori cold / MapServer = %.2f%n", l.id(),
          results.get("mimamori cold, " + l.id()).perSecond() / results.get("MapServer, " + l.id()).perSecond());
    }
    System.out.printf(Locale.ROOT, "  mimamori cold / MapServer = %.2f (target >= 1); cached / cold = %.1f (target >= 10)%n",
        cold / ms, cached / cold);
    System.out.printf(Locale.ROOT, "  MapServer with its default query box: %,.0f requests/s; mimamori cold / that = %.2f%n",
        reference, cold / reference);
    System.out.printf(Locale.ROOT, "  tiles rendered during the cached run: %d (0 means every request was a cache hit)%n%n",
        renderedDuringCached);
  }

  /** Requests per second over the runs whose names start with one of the prefixes, taken together. */
  private static double combined(Map<String, WrkRun.Result> results, String... prefixes) {
    long requests = 0;
    double seconds = 0;
    for (var e : results.entrySet()) {
      for (String p : prefixes) {
        if (e.getKey().startsWith(p)) {
          requests += e.getValue().requests();
          seconds += e.getValue().seconds();
        }
      }
    }
    return requests / seconds;
  }

  private static void printBound(long bound, long workingSet, long urls, CacheSizeSampler sampler, long finalSize,
      long entries, WrkRun.Result r) {
    System.out.println("| cache bound | bytes of all tiles asked for | max charged (sampled every 20 ms) | at the end | entries at the end | samples | requests/s | p99 ms |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    System.out.printf(Locale.ROOT, "| %,d | %,d (%,d tiles) | %,d | %,d | %,d | %,d | %,.0f | %.2f |%n", bound, workingSet, urls,
        sampler.max(), finalSize, entries, sampler.samples(), r.perSecond(), r.p99Ms());
    System.out.println(sampler.max() <= bound ? "  within the bound" : "  OVER the bound");
    System.out.println();
  }
}
