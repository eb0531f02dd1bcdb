package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mimamori.layers.features.FeatureCollection;
import io.mimamori.layers.features.FeatureStore;
import java.sql.SQLException;

/**
 * The map's non-personal layers as GeoJSON: {@code GET /api/shelters?bbox=} and
 * {@code GET /api/hazards?bbox=&zoom=} (hazard outlines simplified to about half a screen pixel at
 * that zoom). At most {@value #MAX_FEATURES} features per answer.
 */
public final class MapRoutes {

  static final int MAX_FEATURES = 20_000;

  private final FeatureStore features;

  public MapRoutes(FeatureStore features) {
    this.features = features;
  }

  public void register(Javalin app) {
    app.get("/api/shelters", this::shelters);
    app.get("/api/hazards", this::hazards);
  }

  private void shelters(Context ctx) throws SQLException {
    Bbox b = Bbox.parse(ctx.queryParam("bbox"));
    geoJson(ctx, features.page(FeatureCollection.SHELTERS, b.asArray(), MAX_FEATURES, 0, 0).asFeatureCollection());
  }

  private void hazards(Context ctx) throws SQLException {
    Bbox b = Bbox.parse(ctx.queryParam("bbox"));
    int zoom = zoom(ctx.queryParam("zoom"));
    // degrees per 256-pixel tile at this zoom, over 512: about half a pixel
    double tolerance = zoom >= 18 ? 0 : 360.0 / (1L << zoom) / 512;
    geoJson(ctx, features.page(FeatureCollection.HAZARDS, b.asArray(), MAX_FEATURES, 0, tolerance).asFeatureCollection());
  }

  private static int zoom(String raw) {
    if (raw == null || raw.isBlank()) {
      return 18;
    }
    try {
      int z = Integer.parseInt(raw.trim());
      if (z < 0 || z > 24) {
        throw new BadRequest("zoom", "zoom must be 0..24, got " + z);
      }
      return z;
    } catch (NumberFormatException e) {
      throw new BadRequest("zoom", "zoom must be a whole number 0..24");
    }
  }

  private static void geoJson(Context ctx, String body) {
    ctx.contentType("application/geo+json; charset=utf-8").result(body);
  }
}
