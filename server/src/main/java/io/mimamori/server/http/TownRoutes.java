package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mimamori.layers.town.TownStore;
import io.mimamori.layers.town.TownSummary;
import io.mimamori.server.config.ServerConfig;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/town}: extent and counts; {@code GET /api/config}: what the web page needs to start. */
public final class TownRoutes {

  private final TownStore town;
  private final ServerConfig config;

  public TownRoutes(TownStore town, ServerConfig config) {
    this.town = town;
    this.config = config;
  }

  public void register(Javalin app) {
    app.get("/api/town", this::town);
    app.get("/api/config", this::config);
  }

  private void town(Context ctx) throws SQLException {
    TownSummary s = town.summary();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", config.townName());
    body.put("municipality_code", s.municipalityCode().orElse(null));
    body.put("bbox", s.bbox().orElse(null));
    body.put("center", s.center().orElse(null));
    body.put("counts", Map.of(
        "shelters", s.sheltersByKind(),
        "hazard_zones", s.hazardZonesByType(),
        "residents", s.activeResidents()));
    ctx.json(body);
  }

  private void config(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("basemap", config.basemapUrl()
        .map(url -> Map.of("url", url, "attribution", config.basemapAttribution()))
        .orElse(null));
    body.put("languages", new String[] {"ja", "en"});
    ctx.json(body);
  }
}
