package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mimamori.server.BuildInfo;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** {@code GET /health}: 200 when the database answers, 503 otherwise; {@code GET /version}. */
public final class HealthRoutes {

  private final DataSource dataSource;

  public HealthRoutes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void register(Javalin app) {
    app.get("/health", this::health);
    app.get("/version", ctx -> ctx.json(BuildInfo.current().asMap()));
  }

  private void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    boolean up;
    try (Connection c = dataSource.getConnection()) {
      up = c.isValid(2);
    } catch (Exception e) {
      up = false;
    }
    body.put("status", up ? "up" : "down");
    body.put("database", up ? "up" : "down");
    ctx.status(up ? 200 : 503).json(body);
  }
}
