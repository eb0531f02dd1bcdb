package io.mimamori.server.config;

import io.mimamori.layers.db.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The server's configuration, read once at start-up and validated here.
 *
 * @param host address to listen on (default 127.0.0.1: the register is personal data; set 0.0.0.0
 *     deliberately to serve the HQ's screens on the local network)
 * @param port HTTP port
 * @param home folder for the embedded database and generated files
 * @param database an external database, or empty to run the embedded PostGIS cluster under home
 * @param basemapUrl XYZ tile URL template for the background map, or empty for none (offline)
 * @param basemapAttribution attribution shown for the background map
 * @param townName the name shown for the town
 * @param dbPoolSize connections in the pool
 * @param tileCacheBytes memory bound of the vector tile cache
 * @param minimumCellCount resident density cells with fewer people are not drawn
 * @param loginsPerMinute login attempts allowed per client address per minute
 * @param routing the road network, its graph cache and background jobs
 * @param tls serve HTTPS only, with this keystore; empty serves plain HTTP (behind a TLS proxy, or
 *     on the loopback address)
 * @param disclosureRetention how long after an emergency ends its disclosure records and the copies
 *     made for supporters are kept before the retention purge deletes them
 */
public record ServerConfig(
    String host,
    int port,
    Path home,
    Optional<DatabaseConfig> database,
    Optional<String> basemapUrl,
    String basemapAttribution,
    String townName,
    int dbPoolSize,
    long tileCacheBytes,
    int minimumCellCount,
    int loginsPerMinute,
    RoutingConfig routing,
    Optional<Tls> tls,
    Duration disclosureRetention) {

  /** A keystore (PKCS12 or JKS) holding the server's key and certificate chain, and its password. */
  public record Tls(Path keystore, String password) {
    public Tls {
      keystore = keystore.toAbsolutePath().normalize();
      if (!Files.isReadable(keystore)) {
        throw new IllegalArgumentException("tls.keystore names " + keystore + ", which cannot be read");
      }
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("tls.keystore-password is required with tls.keystore");
      }
    }

    @Override
    public String toString() {
      return "Tls[keystore=" + keystore + ", password=***]";
    }
  }

  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /** The same configuration serving HTTPS with {@code tls}. */
  public ServerConfig withTls(Tls tls) {
    return new ServerConfig(host, port, home, database, basemapUrl, basemapAttribution, townName, dbPoolSize,
        tileCacheBytes, minimumCellCount, loginsPerMinute, routing, Optional.of(tls), disclosureRetention);
  }

  /** The same configuration with another retention of emergency disclosures. */
  public ServerConfig withDisclosureRetention(Duration retention) {
    return new ServerConfig(host, port, home, database, basemapUrl, basemapAttribution, townName, dbPoolSize,
        tileCacheBytes, minimumCellCount, loginsPerMinute, routing, tls, retention);
  }

  public static final String DEFAULT_BASEMAP = "https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png";

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (dbPoolSize < 2 || dbPoolSize > 200) {
      throw new IllegalArgumentException("db.pool-size must be 2..200, got " + dbPoolSize);
    }
    if (basemapUrl.isPresent() && !basemapUrl.get().matches("https?://.*\\{z}.*\\{x}.*\\{y}.*")) {
      throw new IllegalArgumentException(
          "basemap must be an http(s) URL template with {z}, {x} and {y}, or 'none'; got " + basemapUrl.get());
    }
    if (tileCacheBytes < 1_000_000) {
      throw new IllegalArgumentException("tiles.cache-mb must be at least 1, got " + tileCacheBytes / 1_000_000);
    }
    if (minimumCellCount < 1) {
      throw new IllegalArgumentException("tiles.min-cell-count must be at least 1, got " + minimumCellCount);
    }
    if (loginsPerMinute < 1) {
      throw new IllegalArgumentException("login.per-minute must be at least 1, got " + loginsPerMinute);
    }
    tls = tls == null ? Optional.empty() : tls;
    disclosureRetention = disclosureRetention == null ? DEFAULT_RETENTION : disclosureRetention;
    if (disclosureRetention.isNegative() || disclosureRetention.compareTo(Duration.ofDays(3650)) > 0) {
      throw new IllegalArgumentException("disclosure.retention-days must be 0..3650, got " + disclosureRetention.toDays());
    }
    home = home.toAbsolutePath().normalize();
    routing = routing == null ? RoutingConfig.none(home) : routing;
  }

  /** Without routing (no road network configured), without TLS and with the default retention. */
  public ServerConfig(String host, int port, Path home, Optional<DatabaseConfig> database, Optional<String> basemapUrl,
      String basemapAttribution, String townName, int dbPoolSize, long tileCacheBytes, int minimumCellCount,
      int loginsPerMinute) {
    this(host, port, home, database, basemapUrl, basemapAttribution, townName, dbPoolSize, tileCacheBytes,
        minimumCellCount, loginsPerMinute, null, Optional.empty(), DEFAULT_RETENTION);
  }

  public ServerConfig withRouting(RoutingConfig r) {
    return new ServerConfig(host, port, home, database, basemapUrl, basemapAttribution, townName, dbPoolSize,
        tileCacheBytes, minimumCellCount, loginsPerMinute, r, tls, disclosureRetention);
  }

  public static ServerConfig from(Settings s) {
    String url = s.string("db.url", "JDBC URL of an existing PostGIS database; empty runs the embedded cluster", "");
    String user = s.string("db.user", "database user, with db.url", "mimamori");
    String password = s.string("db.password", "database password, with db.url", "");
    String basemap = s.string("basemap", "background map tile URL template, or 'none' for offline use", DEFAULT_BASEMAP);
    Path home = Path.of(s.string("home", "folder for the embedded database and generated data", "var"));
    return new ServerConfig(
        s.string("host", "address to listen on", "127.0.0.1"),
        s.integer("port", "HTTP port", 8080),
        home,
        url.isBlank() ? Optional.empty() : Optional.of(new DatabaseConfig(url, user, password)),
        basemap.isBlank() || basemap.equals("none") ? Optional.empty() : Optional.of(basemap),
        s.string("basemap.attribution", "attribution of the background map", "国土地理院"),
        s.string("town.name", "the town's name on screen", "沼津市（デモ）"),
        s.integer("db.pool-size", "database connections in the pool", 10),
        s.integer("tiles.cache-mb", "memory bound of the vector tile cache, in MB", 256) * 1_000_000L,
        s.integer("tiles.min-cell-count", "resident density cells with fewer people are left out", 5),
        s.integer("login.per-minute", "login attempts allowed per client address per minute", 20),
        RoutingConfig.from(s, home),
        tls(s),
        Duration.ofDays(s.integer("disclosure.retention-days",
            "days an ended emergency's disclosure records and supporters' copies are kept before the purge", 30)));
  }

  private static Optional<Tls> tls(Settings s) {
    String keystore = s.string("tls.keystore", "PKCS12 or JKS keystore with the server's key and certificate; "
        + "set to serve HTTPS only (cookies then carry Secure)", "");
    String password = s.string("tls.keystore-password", "password of tls.keystore (and of its key)", "");
    return keystore.isBlank() ? Optional.empty() : Optional.of(new Tls(Path.of(keystore), password));
  }
}
