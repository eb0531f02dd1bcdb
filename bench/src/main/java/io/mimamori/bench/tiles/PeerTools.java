package io.mimamori.bench.tiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programs the tile benchmark runs beside the JVM: MapServer 8 ({@code mapserv}, FastCGI-capable,
 * with PostGIS input and MVT output), {@code spawn-fcgi}, {@code lighttpd} as the HTTP front and
 * {@code wrk}. {@link #locate} finds them or says exactly which Debian packages to install.
 *
 * @param mapserv the {@code mapserv} executable (CGI and FastCGI in one)
 * @param spawnFcgi the {@code spawn-fcgi} executable
 * @param lighttpd the {@code lighttpd} executable
 * @param wrk the {@code wrk} executable
 * @param mapserverVersion the first line of {@code mapserv -v}
 */
public record PeerTools(Path mapserv, Path spawnFcgi, Path lighttpd, Path wrk, String mapserverVersion) {

  static final List<String> PACKAGES = List.of("mapserver-bin", "cgi-mapserver", "spawn-fcgi", "lighttpd", "wrk");

  /**
   * Finds the four programs and checks that {@code mapserv} supports FastCGI, PostGIS and MVT
   * ({@code SUPPORTS=PBF}).
   *
   * @throws IllegalStateException naming what is missing and the {@code apt-get} command that installs it
   */
  public static PeerTools locate() {
    List<String> missing = new ArrayList<>();
    Optional<Path> mapserv = find("mapserv", "/usr/bin/mapserv", "/usr/lib/cgi-bin/mapserv");
    Optional<Path> spawn = find("spawn-fcgi", "/usr/bin/spawn-fcgi");
    Optional<Path> lighttpd = find("lighttpd", "/usr/sbin/lighttpd", "/usr/bin/lighttpd");
    Optional<Path> wrk = find("wrk", "/usr/bin/wrk");
    mapserv.ifPresentOrElse(p -> { }, () -> missing.add("mapserv (mapserver-bin, cgi-mapserver)"));
    spawn.ifPresentOrElse(p -> { }, () -> missing.add("spawn-fcgi"));
    lighttpd.ifPresentOrElse(p -> { }, () -> missing.add("lighttpd"));
    wrk.ifPresentOrElse(p -> { }, () -> missing.add("wrk"));
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The tile benchmark needs " + String.join(", ", missing)
          + ". Install them with:\n  " + installCommand());
    }
    String version = version(mapserv.get());
    for (String needed : List.of("SUPPORTS=PBF", "INPUT=POSTGIS", "SUPPORTS=FASTCGI")) {
      if (!version.contains(needed)) {
        throw new IllegalStateException(mapserv.get() + " lacks " + needed + " (" + version.lines().findFirst().orElse("")
            + "); the benchmark needs Debian's MapServer 8 build:\n  " + installCommand());
      }
    }
    return new PeerTools(mapserv.get(), spawn.get(), lighttpd.get(), wrk.get(),
        version.lines().findFirst().orElse("").replaceAll(" OUTPUT=.*", ""));
  }

  /** The exact command that installs the peers (with sudo unless run as root). */
  public static String installCommand() {
    boolean root = "root".equals(System.getProperty("user.name"));
    return (root ? "" : "sudo ") + "apt-get install -y " + String.join(" ", PACKAGES);
  }

  private static Optional<Path> find(String name, String... candidates) {
    for (String c : candidates) {
      Path p = Path.of(c);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Optional.of(Path.of(dir, name));
      }
    }
    return Optional.empty();
  }

  private static String version(Path mapserv) {
    try {
      Process p = new ProcessBuilder(mapserv.toString(), "-v").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out.trim();
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + mapserv + " -v: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
