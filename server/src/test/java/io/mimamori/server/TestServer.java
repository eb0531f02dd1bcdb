package io.mimamori.server;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.db.DatabaseConfig;
import io.mimamori.layers.testing.TestPostgis;
import io.mimamori.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;

/** The real server on a fresh test database and a free port, for integration tests. */
public final class TestServer implements AutoCloseable {

  /** Enough for the access matrix; AuthIT checks the limit on a server with a low one. */
  static final int LOGINS_PER_MINUTE = 1_000;

  private final Database database;
  private final MimamoriApp app;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestServer(Database database, MimamoriApp app) {
    this.database = database;
    this.app = app;
  }

  public static TestServer start(String purpose) {
    return start(purpose, LOGINS_PER_MINUTE);
  }

  public static TestServer start(String purpose, int loginsPerMinute) {
    DatabaseConfig db = TestPostgis.freshDatabase(purpose);
    Database database = Database.open(db, 8);
    ServerConfig config = new ServerConfig(
        "127.0.0.1", 0, Path.of("target/test-home"), Optional.of(db), Optional.empty(), "", "テスト市", 4, 64_000_000L, 3, loginsPerMinute);
    return new TestServer(database, MimamoriApp.start(config, database.dataSource()));
  }

  /** The road network a test server routes on: its OSM file, and how the server opens its graph. */
  public record Roads(Path osmFile, io.mimamori.server.routing.RoadGraphService.Opener opener) {}

  /** Prepares a fresh database before the server starts and names the roads it routes on. */
  @FunctionalInterface
  public interface RoadsSetup {
    Roads prepare(javax.sql.DataSource dataSource) throws Exception;
  }

  /** The real server on a fresh database that {@code setup} fills first, routing on the roads it names. */
  public static TestServer startWithRoads(String purpose, RoadsSetup setup) throws Exception {
    DatabaseConfig db = TestPostgis.freshDatabase(purpose);
    Database database = Database.open(db, 8);
    try {
      Roads roads = setup.prepare(database.dataSource());
      ServerConfig config = new ServerConfig(
          "127.0.0.1", 0, Path.of("target/test-home"), Optional.of(db), Optional.empty(), "", "テスト市", 4, 64_000_000L, 3,
          LOGINS_PER_MINUTE).withRouting(io.mimamori.server.config.RoutingConfig.none(Path.of("target/test-home"))
              .withOsmFile(roads.osmFile()).withJobs(java.time.Duration.ofMinutes(10), 3));
      return new TestServer(database, MimamoriApp.start(config, database.dataSource(), roads.opener()));
    } catch (Exception | Error e) {
      database.close();
      throw e;
    }
  }

  public MimamoriApp app() {
    return app;
  }

  public Database database() {
    return database;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    app.close();
    database.close();
  }
}
