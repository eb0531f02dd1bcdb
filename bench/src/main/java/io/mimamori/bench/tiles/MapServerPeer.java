package io.mimamori.bench.tiles;

import io.mimamori.layers.tiles.TileCoord;
import io.mimamori.layers.tiles.TileLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MapServer 8 serving the same two layers as mimamori's {@code shelters} and {@code hazards} vector
 * tiles, from the same PostGIS database: {@code spawn-fcgi} starts {@code processes} FastCGI
 * {@code mapserv} processes, each on a loopback port of its own, and {@code lighttpd} serves them
 * over HTTP on another (all free ports), spreading requests over them. Tiles are asked for in MapServer's tile mode,
 * {@code /mvt?mode=tile&tilemode=gmap&tile=X+Y+Z&layers=LAYER}.
 *
 * <p>What is aligned with {@code TileStore} so that both servers put the same features in a tile:
 * extent 4096; an edge buffer of 64 tile units ({@code EDGE_BUFFER=4}, which MapServer counts in
 * pixels of a 256-pixel tile and multiplies by 16); and the query box. MapServer selects features
 * on the unbuffered tile and clips polygons to the buffered one, while {@code ST_AsMVTGeom} keeps
 * whatever meets the buffered tile, so each layer's {@code DATA} selects with {@code !BOX!} grown
 * by the same 64/4096 of the tile's width in Web Mercator (64.5 for points, which MapServer does not
 * clip and {@code ST_AsMVTGeom} keeps when they round onto the buffer's edge), with an exact
 * {@code ST_Intersects}. Shelters keep the same attributes
 * (arrays joined with commas); hazards carry hazard_type, rank and phenomenon. MapServer reprojects
 * and clips in C; it does not simplify.
 *
 * <p>The mapfile (it holds the database password) is written with mode 600 into {@code dir}.
 * {@link #close} stops lighttpd and the mapserv processes this object started.
 */
public final class MapServerPeer implements AutoCloseable {

  /**
   * The tile's box as MapServer substitutes it for {@code !BOX!} (EPSG:4326), grown by {@code units}
   * of the 4096 across the tile, in Web Mercator.
   */
  static String bufferedBox(double units) {
    return "ST_Transform(ST_Expand(ST_Transform(!BOX!, 3857), (ST_XMax(ST_Transform(!BOX!, 3857)) - "
        + "ST_XMin(ST_Transform(!BOX!, 3857))) * " + units + " / 4096.0), 4326)";
  }

  private final Process lighttpd;
  private final List<Process> mapserv;
  private final int httpPort;
  private final Path dir;

  private MapServerPeer(Process lighttpd, List<Process> mapserv, int httpPort, Path dir) {
    this.lighttpd = lighttpd;
    this.mapserv = mapserv;
    this.httpPort = httpPort;
    this.dir = dir;
  }

  /** Which box a layer's query selects features with. */
  public enum QueryBox {
    /** {@code !BOX!} grown by the 64-unit edge buffer: the same features as mimamori's tiles. */
    BUFFERED,
    /** MapServer's own {@code ST_Intersects} with the unbuffered tile: fewer features at tile edges. */
    MAPSERVER_DEFAULT
  }

  /** Where PostGIS is, as libpq's connection keywords want it. */
  public record Connection(String host, int port, String database, String user, String password) {
    String libpq() {
      return "host=" + host + " port=" + port + " dbname=" + database + " user=" + user + " password=" + password;
    }
  }

  /**
   * Writes the mapfile, MapServer's configuration file and lighttpd's into {@code dir}, starts
   * {@code processes} mapserv FastCGI processes and lighttpd, and waits until a tile answers.
   */
  public static MapServerPeer start(PeerTools tools, Path dir, Connection db, int processes, QueryBox box)
      throws IOException {
    Files.createDirectories(dir);
    Path mapfile = dir.resolve("tiles.map");
    writePrivate(mapfile, mapfile(db, box));
    Path config = dir.resolve("mapserver.conf");
    Files.writeString(config, """
        CONFIG
          ENV
            MS_MAPFILE "%s"
          END
        END
        """.formatted(mapfile));
    // one spawn-fcgi per process, in no-fork mode: it binds its port and becomes mapserv, a child of
    // this JVM that close() can stop and reap; lighttpd balances over the ports
    List<Process> mapserv = new ArrayList<>();
    StringBuilder backends = new StringBuilder();
    for (int i = 0; i < processes; i++) {
      int fcgiPort = freePort();
      ProcessBuilder spawn = new ProcessBuilder(tools.spawnFcgi().toString(), "-n", "-a", "127.0.0.1", "-p",
          String.valueOf(fcgiPort), "--", tools.mapserv().toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("mapserv-" + i + ".log").toFile());
      spawn.environment().put("MAPSERVER_CONFIG_FILE", config.toString());
      mapserv.add(spawn.start());
      backends.append(i == 0 ? "" : ", ").append("(\"host\" => \"127.0.0.1\", \"port\" => ").append(fcgiPort)
          .append(", \"check-local\" => \"disable\")");
    }
    int httpPort = freePort();
    Path lighttpdConf = dir.resolve("lighttpd.conf");
    Files.writeString(lighttpdConf, """
        server.document-root = "%1$s"
        server.bind = "127.0.0.1"
        server.port = %2$d
        server.errorlog = "%1$s/lighttpd-error.log"
        server.max-keep-alive-requests = 100000
        server.modules += ("mod_fastcgi")
        fastcgi.server = ("/mvt" => (%3$s))
        """.formatted(dir, httpPort, backends));
    Process lighttpd = new ProcessBuilder(tools.lighttpd().toString(), "-D", "-f", lighttpdConf.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("lighttpd.log").toFile())
        .start();
    MapServerPeer peer = new MapServerPeer(lighttpd, mapserv, httpPort, dir);
    try {
      peer.awaitReady();
    } catch (RuntimeException | IOException e) {
      peer.close();
      throw e;
    }
    return peer;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** The path (with query) of one layer of one tile. */
  public static String path(TileLayer layer, TileCoord t) {
    return String.format(Locale.ROOT, "/mvt?mode=tile&tilemode=gmap&tile=%d+%d+%d&layers=%s", t.x(), t.y(), t.z(), layer.id());
  }

  public int processes() {
    return mapserv.size();
  }

  private void awaitReady() throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + 15_000_000_000L;
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!lighttpd.isAlive()) {
        throw new IllegalStateException("lighttpd stopped; see " + dir.resolve("lighttpd.log"));
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), httpPort)) {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path(TileLayer.SHELTERS,
            new TileCoord(0, 0, 0)))).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 200 && r.headers().firstValue("Content-Type").orElse("").contains("vector-tile")) {
          return;
        }
        last = "HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8).strip();
        throw new IllegalStateException("MapServer does not serve tiles: " + last + " (see " + dir + ")");
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      sleep(100);
    }
    throw new IllegalStateException("MapServer behind lighttpd did not answer within 15 s (" + last + "); see " + dir);
  }

  static String mapfile(Connection db, QueryBox box) {
    // points: ST_AsMVTGeom snaps to the grid before it drops what lies beyond the buffer, so a point
    // up to half a unit outside it stays; the test is exact (&& compares float-rounded boxes, which
    // let in points a z17 tile's 20 units beyond the buffer, and MapServer does not clip points)
    String shelterWhere = box == QueryBox.BUFFERED ? " WHERE ST_Intersects(geom, " + bufferedBox(64.5) + ")" : "";
    // polygons: both sides clip to the 64-unit buffer and drop what is left empty
    String hazardWhere = box == QueryBox.BUFFERED ? " WHERE ST_Intersects(geom, " + bufferedBox(64) + ")" : "";
    String shelters = "geom FROM (SELECT id, kind, name, array_to_string(hazards, ',') AS hazards, "
        + "array_to_string(target_groups, ',') AS target_groups, array_to_string(disability_types, ',') AS disability_types, "
        + "capacity_persons, capacity_children, geom FROM shelter" + shelterWhere + ") AS s USING UNIQUE id USING SRID=4326";
    String hazards = "geom FROM (SELECT id, hazard_type, rank, phenomenon, geom FROM hazard_zone" + hazardWhere
        + ") AS h USING UNIQUE id USING SRID=4326";
    return """
        MAP
          NAME "mimamori_peer"
          EXTENT -20037508.342789244 -20037508.342789244 20037508.342789244 20037508.342789244
          SIZE 256 256
          UNITS METERS
          IMAGETYPE "mvt"
          PROJECTION
            "init=epsg:3857"
          END
          OUTPUTFORMAT
            NAME "mvt"
            DRIVER MVT
            MIMETYPE "application/vnd.mapbox-vector-tile"
            FORMATOPTION "EXTENT=4096"
            FORMATOPTION "EDGE_BUFFER=4"
          END
          LAYER
            NAME "shelters"
            TYPE POINT
            STATUS ON
            CONNECTIONTYPE POSTGIS
            CONNECTION "%1$s"
            PROCESSING "CLOSE_CONNECTION=DEFER"
            DATA "%2$s"
            PROJECTION
              "init=epsg:4326"
            END
            METADATA
              "gml_include_items" "kind,name,hazards,target_groups,disability_types,capacity_persons,capacity_children"
              "gml_types" "auto"
            END
          END
          LAYER
            NAME "hazards"
            TYPE POLYGON
            STATUS ON
            CONNECTIONTYPE POSTGIS
            CONNECTION "%1$s"
            PROCESSING "CLOSE_CONNECTION=DEFER"
            DATA "%3$s"
            PROJECTION
              "init=epsg:4326"
            END
            METADATA
              "gml_include_items" "hazard_type,rank,phenomenon"
              "gml_types" "auto"
            END
          END
        END
        """.formatted(db.libpq(), shelters, hazards);
  }

  private static void writePrivate(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Stops lighttpd and the mapserv processes started here. A FastCGI mapserv only notes a SIGTERM
   * and goes on waiting for its next request, so it is killed outright: it holds nothing to save.
   */
  @Override
  public void close() {
    lighttpd.destroy();
    mapserv.forEach(Process::destroyForcibly);
    try {
      lighttpd.waitFor();
      for (Process p : mapserv) {
        p.waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
