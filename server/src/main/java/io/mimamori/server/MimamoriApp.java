package io.mimamori.server;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.SessionStore;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.disclosure.DisclosureStore;
import io.mimamori.layers.disclosure.RetentionStore;
import io.mimamori.layers.emergency.EmergencyStore;
import io.mimamori.layers.emergency.EventSequence;
import io.mimamori.layers.emergency.SafetyCheckStore;
import io.mimamori.layers.district.DistrictStore;
import io.mimamori.layers.features.FeatureStore;
import io.mimamori.layers.field.CheckPhotoStore;
import io.mimamori.layers.field.FieldRouteStore;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.layers.register.RegisterStore;
import io.mimamori.layers.register.SupporterStore;
import io.mimamori.layers.register.edit.ChangeHistoryStore;
import io.mimamori.layers.register.edit.ConsentDecisions;
import io.mimamori.layers.register.edit.RegisterEditStore;
import io.mimamori.layers.notify.PgNotificationListener;
import io.mimamori.layers.tiles.MapChange;
import io.mimamori.layers.tiles.ResidentPointTiles;
import io.mimamori.layers.tiles.TileCache;
import io.mimamori.layers.tiles.TileLayer;
import io.mimamori.layers.tiles.TileStore;
import io.mimamori.layers.town.TownStore;
import io.mimamori.server.auth.AccessRules;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Disclosures;
import io.mimamori.server.auth.LoginRateLimiter;
import io.mimamori.server.config.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.mimamori.server.http.EmergencyRoutes;
import io.mimamori.server.http.DisclosureRoutes;
import io.mimamori.server.http.DistrictRoutes;
import io.mimamori.server.http.ErrorResponses;
import io.mimamori.server.http.LiveEvents;
import io.mimamori.server.http.HealthRoutes;
import io.mimamori.server.http.JsonErrorHandler;
import io.mimamori.server.http.MapRoutes;
import io.mimamori.server.http.OgcFeatureRoutes;
import io.mimamori.server.http.PhotoRoutes;
import io.mimamori.server.http.RegisterEditRoutes;
import io.mimamori.server.http.RegisterRoutes;
import io.mimamori.server.http.RequestGuard;
import io.mimamori.server.http.SupporterRoutes;
import io.mimamori.server.http.TileRoutes;
import io.mimamori.server.http.TownRoutes;
import io.mimamori.server.http.ShelterOpsRoutes;
import io.mimamori.server.http.SituationRoutes;
import io.mimamori.server.http.TransferRoutes;
import io.mimamori.layers.shelterops.ShelterEventStore;
import io.mimamori.layers.shelterops.ShelterOpsStore;
import io.mimamori.layers.shelterops.TransferStore;
import io.mimamori.layers.situation.SituationStore;
import io.mimamori.layers.dispatch.DispatchStore;
import io.mimamori.layers.dispatch.PublishedRouteStore;
import io.mimamori.layers.hazard.ActiveZoneStore;
import io.mimamori.layers.register.ResidentNeedsStore;
import io.mimamori.layers.shelter.DestinationShelterStore;
import io.mimamori.routing.RouterSettings;
import io.mimamori.server.http.DestinationRoutes;
import io.mimamori.server.http.OptimiserRoutes;
import io.mimamori.server.http.RoutingRoutes;
import io.mimamori.server.jobs.JobRegistry;
import io.mimamori.server.routing.HazardBlocking;
import io.mimamori.server.routing.RoadGraphService;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP service: wiring of routes to stores in one place. It owns no database: the caller passes
 * a migrated {@link DataSource} and closes it after {@link #close}.
 */
public final class MimamoriApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MimamoriApp.class);
  private static final long MAX_REQUEST_BYTES = 1_000_000L;

  private final Javalin javalin;
  private final TileCache tiles;
  private final PgNotificationListener changes;

  private final List<String> endpoints;

  private final LiveEvents live;
  private final Routing routing;
  private final DisclosureRetention retention;

  /** The road graph, its blocked roads and the background jobs, closed with the app. */
  private record Routing(RoadGraphService graphs, HazardBlocking blocking, JobRegistry jobs) {}

  private MimamoriApp(Javalin javalin, TileCache tiles, PgNotificationListener changes, LiveEvents live, List<String> endpoints,
      Routing routing, DisclosureRetention retention) {
    this.javalin = javalin;
    this.live = live;
    this.endpoints = endpoints;
    this.tiles = tiles;
    this.changes = changes;
    this.routing = routing;
    this.retention = retention;
  }

  /**
   * Starts listening on the configured host and port (0 picks a free port), and opens the
   * configured road graph in the background.
   */
  public static MimamoriApp start(ServerConfig config, DataSource dataSource) {
    return start(config, dataSource, config.routing().osmFile()
        .map(f -> RoadGraphService.fromFile(f, config.routing().graphCache())).orElse(null));
  }

  /** As {@link #start(ServerConfig, DataSource)}, opening the road graph with {@code opener} (null: no routing). */
  static MimamoriApp start(ServerConfig config, DataSource dataSource, RoadGraphService.Opener opener) {
    List<String> endpoints = new CopyOnWriteArrayList<>();
    Javalin app = Javalin.create(c -> {
      c.events(e -> e.handlerAdded(meta -> {
        if (meta.getHttpMethod().isHttpMethod()) {
          endpoints.add(meta.getHttpMethod().name() + " " + meta.getPath());
        }
      }));
      c.showJavalinBanner = false;
      c.http.defaultContentType = "application/json";
      c.http.maxRequestSize = MAX_REQUEST_BYTES;
      c.jetty.modifyServer(server -> {
        server.setStopTimeout(10_000);
        server.setErrorHandler(new JsonErrorHandler());
      });
      c.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
      config.tls().ifPresent(tls -> c.jetty.addConnector((server, http) -> TlsConnector.create(server, http, tls,
          config.host(), config.port())));
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
      if (config.tls().isPresent()) {
        ctx.header("Strict-Transport-Security", "max-age=31536000");
      }
    });
    ErrorResponses.install(app);
    new RequestGuard(MAX_REQUEST_BYTES).install(app);
    app.beforeMatched(ctx -> AccessRules.enforce(ctx, endpoints));
    new AuthRoutes(new AccountStore(dataSource),
        new SessionStore(dataSource, Duration.ofHours(12), Duration.ofHours(24)),
        new AuditLog(dataSource), new LoginRateLimiter(config.loginsPerMinute(), Duration.ofMinutes(1)),
        config.tls().isPresent()).register(app);
    DisclosureStore disclosureStore = new DisclosureStore(dataSource);
    Disclosures disclosures = new Disclosures(disclosureStore);
    new HealthRoutes(dataSource).register(app);
    new TownRoutes(new TownStore(dataSource), config).register(app);
    new DistrictRoutes(new DistrictStore(dataSource)).register(app);
    new RegisterRoutes(new PriorityStore(dataSource), new PlanCheckStore(dataSource), new RegisterStore(dataSource),
        disclosures).register(app);
    new DisclosureRoutes(disclosures, disclosureStore, new RegisterStore(dataSource), new AuditLog(dataSource)).register(app);
    new RegisterEditRoutes(new RegisterEditStore(dataSource), new ConsentDecisions(dataSource),
        new ChangeHistoryStore(dataSource), new SupporterStore(dataSource), new RegisterStore(dataSource),
        new AuditLog(dataSource)).register(app);
    SafetyCheckStore checks = new SafetyCheckStore(dataSource);
    LiveEvents live = new LiveEvents(checks, new ShelterEventStore(dataSource), new EventSequence(dataSource), disclosures);
    new EmergencyRoutes(new EmergencyStore(dataSource), checks, new AuditLog(dataSource), live).register(app);
    new SituationRoutes(new SituationStore(dataSource), new EmergencyStore(dataSource), checks, new AuditLog(dataSource))
        .register(app);
    ShelterOpsStore shelterOps = new ShelterOpsStore(dataSource);
    new ShelterOpsRoutes(shelterOps, new ResidentNeedsStore(dataSource), new DestinationShelterStore(dataSource),
        new AuditLog(dataSource)).register(app);
    new TransferRoutes(new TransferStore(dataSource), shelterOps, new AuditLog(dataSource)).register(app);
    new SupporterRoutes(new FieldRouteStore(dataSource), disclosures).register(app);
    new PhotoRoutes(new CheckPhotoStore(dataSource), checks, new AuditLog(dataSource)).register(app);
    FeatureStore features = new FeatureStore(dataSource);
    new MapRoutes(features).register(app);
    new OgcFeatureRoutes(features).register(app);
    TileCache tiles = new TileCache(new TileStore(dataSource, config.minimumCellCount()), config.tileCacheBytes());
    new TileRoutes(tiles, new ResidentPointTiles(dataSource), disclosures).register(app);
    Routing routing = routing(config, dataSource, opener);
    ResidentNeedsStore needs = new ResidentNeedsStore(dataSource);
    new RoutingRoutes(routing.graphs(), routing.blocking()).register(app);
    new DestinationRoutes(routing.graphs(), needs, new DestinationShelterStore(dataSource), new AuditLog(dataSource),
        routing.jobs()).register(app);
    new OptimiserRoutes(routing.graphs(), new DispatchStore(dataSource), needs,
        new PublishedRouteStore(dataSource), new AuditLog(dataSource), routing.jobs(), config.routing().threads()).register(app);
    // one connection listens for the whole instance: map changes clear tiles, reports reach screens
    PgNotificationListener changes = new PgNotificationListener(dataSource, List.of(MapChange.CHANNEL, LiveEvents.CHANNEL),
        (channel, payload) -> {
          if (channel.equals(LiveEvents.CHANNEL)) {
            live.pushAll();
            return;
          }
          MapChange.parse(payload).ifPresent(change -> {
            if (change.layer().equals("hazards") || change.layer().equals("emergencies")) {
              routing.blocking().requestRefresh();
            }
            List<TileLayer> affected = TileLayer.affectedBy(change.layer());
            for (TileLayer layer : affected) {
              tiles.invalidate(layer, change.minLon(), change.minLat(), change.maxLon(), change.maxLat());
            }
            // after the cache: a screen told now reloads fresh tiles
            live.pushTiles(affected.stream().map(TileLayer::id).toList(), change.minLon(), change.minLat(),
                change.maxLon(), change.maxLat());
          });
        },
        () -> {
          tiles.invalidateAll(); // notifications were lost while the connection was down
          live.pushAll();
          live.pushTiles(java.util.Arrays.stream(TileLayer.values()).map(TileLayer::id).toList(), -180, -90, 180, 90);
          routing.blocking().requestRefresh();
        }).start();
    DisclosureRetention retention = new DisclosureRetention(new RetentionStore(dataSource), config.disclosureRetention()).start();
    try {
      app.start(config.host(), config.port());
    } catch (RuntimeException e) {
      retention.close();
      changes.close();
      routing.jobs().close();
      routing.blocking().close();
      routing.graphs().close();
      throw e;
    }
    String scheme = config.tls().isPresent() ? "https" : "http";
    log.atInfo().setMessage("Serving").addKeyValue("url", scheme + "://" + displayHost(config.host()) + ":" + app.port()).log();
    return new MimamoriApp(app, tiles, changes, live, List.copyOf(endpoints), routing, retention);
  }

  private static Routing routing(ServerConfig config, DataSource dataSource, RoadGraphService.Opener opener) {
    HazardBlocking blocking = new HazardBlocking(new ActiveZoneStore(dataSource));
    RoadGraphService graphs = opener == null ? RoadGraphService.notConfigured()
        : RoadGraphService.start(config.routing().osmFile().map(Object::toString).orElse("road graph"), opener,
            RouterSettings.defaults().withThreads(config.routing().threads()), blocking::attach);
    if (opener == null) {
      log.warn("No road network configured (routing.osm-file): routes, destinations and optimisation answer 503");
    }
    JobRegistry jobs = new JobRegistry(config.routing().keepFinishedJobs(), config.routing().maxRunningJobs(), 100);
    return new Routing(graphs, blocking, jobs);
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

  /** The screens' event streams (tests drop them to see the screens resume). */
  public LiveEvents liveEvents() {
    return live;
  }

  /** The road graph's state (tests wait for it to be ready). */
  public RoadGraphService roadGraph() {
    return routing.graphs();
  }

  public HazardBlocking hazardBlocking() {
    return routing.blocking();
  }

  /** Stops accepting requests and lets running ones finish (up to 10 s). */
  @Override
  public void close() {
    retention.close();
    live.close();
    javalin.stop();
    changes.close();
    routing.jobs().close();
    routing.blocking().close();
    routing.graphs().close();
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
