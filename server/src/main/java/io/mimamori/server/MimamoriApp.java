package io.mimamori.server;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.SessionStore;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.emergency.EmergencyStore;
import io.mimamori.layers.emergency.SafetyCheckStore;
import io.mimamori.layers.district.DistrictStore;
import io.mimamori.layers.features.FeatureStore;
import io.mimamori.layers.field.CheckPhotoStore;
import io.mimamori.layers.field.FieldRouteStore;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.layers.register.RegisterStore;
import io.mimamori.layers.notify.PgNotificationListener;
import io.mimamori.layers.tiles.MapChange;
import io.mimamori.layers.tiles.TileCache;
import io.mimamori.layers.tiles.TileLayer;
import io.mimamori.layers.tiles.TileStore;
import io.mimamori.layers.town.TownStore;
import io.mimamori.server.auth.AccessRules;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.LoginRateLimiter;
import io.mimamori.server.config.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.mimamori.server.http.EmergencyRoutes;
import io.mimamori.server.http.DistrictRoutes;
import io.mimamori.server.http.ErrorResponses;
import io.mimamori.server.http.LiveEvents;
import io.mimamori.server.http.HealthRoutes;
import io.mimamori.server.http.MapRoutes;
import io.mimamori.server.http.OgcFeatureRoutes;
import io.mimamori.server.http.PhotoRoutes;
import io.mimamori.server.http.RegisterRoutes;
import io.mimamori.server.http.SupporterRoutes;
import io.mimamori.server.http.TileRoutes;
import io.mimamori.server.http.TownRoutes;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP service: wiring of routes to stores in one place. It owns no database: the caller passes
 * a migrated {@link DataSource} and closes it after {@link #close}.
 */
public final class MimamoriApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MimamoriApp.class);

  private final Javalin javalin;
  private final TileCache tiles;
  private final PgNotificationListener changes;

  private final List<String> endpoints;

  private final LiveEvents live;

  private MimamoriApp(Javalin javalin, TileCache tiles, PgNotificationListener changes, LiveEvents live, List<String> endpoints) {
    this.javalin = javalin;
    this.live = live;
    this.endpoints = endpoints;
    this.tiles = tiles;
    this.changes = changes;
  }

  /** Starts listening on the configured host and port (0 picks a free port). */
  public static MimamoriApp start(ServerConfig config, DataSource dataSource) {
    List<String> endpoints = new CopyOnWriteArrayList<>();
    Javalin app = Javalin.create(c -> {
      c.events(e -> e.handlerAdded(meta -> {
        if (meta.getHttpMethod().isHttpMethod()) {
          endpoints.add(meta.getHttpMethod().name() + " " + meta.getPath());
        }
      }));
      c.showJavalinBanner = false;
      c.http.defaultContentType = "application/json";
      c.http.maxRequestSize = 1_000_000L;
      c.jetty.modifyServer(server -> server.setStopTimeout(10_000));
      if (MimamoriApp.class.getResource("/web/index.html") != null) {
        c.staticFiles.add(sf -> {
          sf.hostedPath = "/";
          sf.directory = "/web";
          sf.location = Location.CLASSPATH;
          sf.precompress = false;
          sf.mimeTypes.add("application/manifest+json", "webmanifest"); // the supporter page's manifest
        });
      } else {
        log.warn("The web UI is not on the classpath (build the web module); serving the API only");
      }
    });
    String csp = contentSecurityPolicy(config);
    app.before(ctx -> {
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Referrer-Policy", "same-origin");
      ctx.header("X-Frame-Options", "DENY");
      ctx.header("Content-Security-Policy", csp);
      ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");
    });
    ErrorResponses.install(app);
    app.beforeMatched(ctx -> AccessRules.enforce(ctx, endpoints));
    new AuthRoutes(new AccountStore(dataSource),
        new SessionStore(dataSource, Duration.ofHours(12), Duration.ofHours(24)),
        new AuditLog(dataSource), new LoginRateLimiter(config.loginsPerMinute(), Duration.ofMinutes(1)), false).register(app);
    new HealthRoutes(dataSource).register(app);
    new TownRoutes(new TownStore(dataSource), config).register(app);
    new DistrictRoutes(new DistrictStore(dataSource)).register(app);
    new RegisterRoutes(new PriorityStore(dataSource), new PlanCheckStore(dataSource), new RegisterStore(dataSource),
        new AuditLog(dataSource)).register(app);
    SafetyCheckStore checks = new SafetyCheckStore(dataSource);
    LiveEvents live = new LiveEvents(checks);
    new EmergencyRoutes(new EmergencyStore(dataSource), checks, new AuditLog(dataSource), live).register(app);
    new SupporterRoutes(new FieldRouteStore(dataSource), new AuditLog(dataSource)).register(app);
    new PhotoRoutes(new CheckPhotoStore(dataSource), checks, new AuditLog(dataSource)).register(app);
    FeatureStore features = new FeatureStore(dataSource);
    new MapRoutes(features).register(app);
    new OgcFeatureRoutes(features).register(app);
    TileCache tiles = new TileCache(new TileStore(dataSource, config.minimumCellCount()), config.tileCacheBytes());
    new TileRoutes(tiles).register(app);
    // one connection listens for the whole instance: map changes clear tiles, reports reach screens
    PgNotificationListener changes = new PgNotificationListener(dataSource, List.of(MapChange.CHANNEL, LiveEvents.CHANNEL),
        (channel, payload) -> {
          if (channel.equals(LiveEvents.CHANNEL)) {
            live.pushAll();
            return;
          }
          MapChange.parse(payload).ifPresent(change -> {
            for (TileLayer layer : TileLayer.affectedBy(change.layer())) {
              tiles.invalidate(layer, change.minLon(), change.minLat(), change.maxLon(), change.maxLat());
            }
          });
        },
        () -> {
          tiles.invalidateAll(); // notifications were lost while the connection was down
          live.pushAll();
        }).start();
    app.start(config.host(), config.port());
    log.atInfo().setMessage("Serving").addKeyValue("url", "http://" + displayHost(config.host()) + ":" + app.port()).log();
    return new MimamoriApp(app, tiles, changes, live, List.copyOf(endpoints));
  }

  public int port() {
    return javalin.port();
  }

  /** Every endpoint registered, as "METHOD /path/{pattern}". */
  public List<String> endpoints() {
    return endpoints;
  }

  public TileCache tiles() {
    return tiles;
  }

  /** Stops accepting requests and lets running ones finish (up to 10 s). */
  @Override
  public void close() {
    live.close();
    javalin.stop();
    changes.close();
  }

  /** Same-origin everything, plus the background map's tile host for images. */
  static String contentSecurityPolicy(ServerConfig config) {
    String tiles = config.basemapUrl().map(u -> " " + u.replaceFirst("^(https?://[^/]+).*$", "$1")).orElse("");
    return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:" + tiles
        + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  }

  private static String displayHost(String host) {
    return host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
  }
}
