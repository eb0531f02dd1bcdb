package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mimamori.layers.tiles.Tile;
import io.mimamori.layers.tiles.TileCache;
import io.mimamori.layers.tiles.TileCoord;
import io.mimamori.layers.tiles.TileLayer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Vector tiles: {@code GET /tiles/{layer}/{z}/{x}/{y}.mvt} (gzip when the client accepts it, strong
 * ETag, 304 on a matching If-None-Match, {@code Cache-Control: no-cache} so screens revalidate and
 * see a change at once) and {@code GET /tiles/{layer}.json} (TileJSON 3.0). Layers for the
 * operations roles only ({@link TileLayer#operationsOnly()}: the safety checks by status) are
 * served at {@code GET /tiles/live/{layer}/{z}/{x}/{y}.mvt}, whose access rule admits those roles,
 * and refused on the public path; their answers are marked private.
 */
public final class TileRoutes {

  static final String MVT = "application/vnd.mapbox-vector-tile";

  private final TileCache cache;

  public TileRoutes(TileCache cache) {
    this.cache = cache;
  }

  public void register(Javalin app) {
    app.get("/tiles/{layer}/{z}/{x}/{tile}", ctx -> tile(ctx, false));
    app.get("/tiles/live/{layer}/{z}/{x}/{tile}", ctx -> tile(ctx, true));
    app.get("/tiles/{tilejson}", this::tileJson);
  }

  private void tile(Context ctx, boolean operations) throws SQLException {
    TileLayer layer = layer(ctx.pathParam("layer"));
    if (layer.operationsOnly() != operations) {
      throw new BadRequest("layer", operations
          ? "layer '" + layer.id() + "' is public: /tiles/" + layer.id() + "/{z}/{x}/{y}.mvt"
          : "layer '" + layer.id() + "' is for the operations roles: /tiles/live/" + layer.id() + "/{z}/{x}/{y}.mvt");
    }
    String last = ctx.pathParam("tile");
    if (!last.endsWith(".mvt")) {
      throw new BadRequest("y", "tile path must end in {y}.mvt");
    }
    int z = integer(ctx.pathParam("z"), "z");
    int x = integer(ctx.pathParam("x"), "x");
    int y = integer(last.substring(0, last.length() - 4), "y");
    TileCoord coord;
    try {
      coord = new TileCoord(z, x, y);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("z/x/y", e.getMessage());
    }
    Tile tile = cache.get(layer, coord);
    ctx.header("ETag", tile.etag());
    ctx.header("Cache-Control", operations ? "private, no-cache" : "no-cache");
    ctx.header("Vary", "Accept-Encoding");
    if (tile.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(MVT);
    String accept = ctx.header("Accept-Encoding");
    if (accept != null && accept.contains("gzip")) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(tile.gzipped());
    } else {
      ctx.result(gunzip(tile.gzipped()));
    }
  }

  private void tileJson(Context ctx) {
    String name = ctx.pathParam("tilejson");
    if (!name.endsWith(".json")) {
      throw new BadRequest("layer", "expected /tiles/{layer}.json");
    }
    TileLayer layer = layer(name.substring(0, name.length() - 5));
    String base = ctx.scheme() + "://" + ctx.host();
    Map<String, Object> fields = new LinkedHashMap<>();
    layer.fields().forEach(f -> fields.put(f, f));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tilejson", "3.0.0");
    body.put("name", layer.id());
    body.put("scheme", "xyz");
    body.put("tiles", List.of(base + "/tiles/" + (layer.operationsOnly() ? "live/" : "") + layer.id() + "/{z}/{x}/{y}.mvt"));
    body.put("minzoom", layer.minZoom());
    body.put("maxzoom", TileCoord.MAX_ZOOM);
    body.put("vector_layers", List.of(Map.of("id", layer.id(), "fields", fields,
        "minzoom", layer.minZoom(), "maxzoom", TileCoord.MAX_ZOOM)));
    ctx.json(body);
  }

  private static TileLayer layer(String id) {
    return TileLayer.find(id).orElseThrow(() -> new BadRequest("layer",
        "unknown layer '" + id.replaceAll("[^a-z_]", "?") + "'; layers: "
            + String.join(", ", java.util.Arrays.stream(TileLayer.values()).map(TileLayer::id).toList())));
  }

  private static int integer(String raw, String name) {
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new BadRequest(name, name + " must be a whole number");
    }
  }

  private static byte[] gunzip(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
