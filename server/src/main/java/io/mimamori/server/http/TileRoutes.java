package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.disclosure.Basis;
import io.mimamori.layers.disclosure.Field;
import io.mimamori.layers.disclosure.FieldRules;
import io.mimamori.layers.disclosure.Viewer;
import io.mimamori.layers.tiles.ResidentPointTiles;
import io.mimamori.layers.tiles.Tile;
import io.mimamori.layers.tiles.TileCache;
import io.mimamori.layers.tiles.TileCoord;
import io.mimamori.layers.tiles.TileLayer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.mimamori.server.auth.Disclosures;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Vector tiles: {@code GET /tiles/{layer}/{z}/{x}/{y}.mvt} (gzip when the client accepts it, strong
 * ETag, 304 on a matching If-None-Match, {@code Cache-Control: no-cache} so screens revalidate and
 * see a change at once) and {@code GET /tiles/{layer}.json} (TileJSON 3.0). Layers for the
 * operations roles only ({@link TileLayer#operationsOnly()}: the safety checks by status) are
 * served at {@code GET /tiles/live/{layer}/{z}/{x}/{y}.mvt}, whose access rule admits those roles,
 * and refused on the public path; their answers are marked private.
 *
 * <p>The {@code residents} layer holds exact home points and goes through the disclosure policy:
 * only for a signed-in caller whose role sees homes ({@link Field#LOCATION}), holding only the
 * residents that caller's lists hold, rendered per caller, never cached ({@code no-store}) and
 * audited. Everyone else uses {@code resident_density}, whose cells count people without naming
 * anyone.
 */
public final class TileRoutes {

  static final String MVT = "application/vnd.mapbox-vector-tile";

  /** The roles for which some basis opens the home's point. */
  private static final Set<Role> SEE_HOMES = EnumSet.noneOf(Role.class);

  static {
    for (Role r : Role.values()) {
      for (Basis b : Basis.values()) {
        if (FieldRules.fields(r, b).contains(Field.LOCATION)) {
          SEE_HOMES.add(r);
        }
      }
    }
  }

  private final TileCache cache;
  private final ResidentPointTiles residents;
  private final Disclosures disclosures;

  public TileRoutes(TileCache cache, ResidentPointTiles residents, Disclosures disclosures) {
    this.cache = cache;
    this.residents = residents;
    this.disclosures = disclosures;
  }

  public void register(Javalin app) {
    app.get("/tiles/{layer}/{z}/{x}/{tile}", ctx -> tile(ctx, false));
    app.get("/tiles/live/{layer}/{z}/{x}/{tile}", ctx -> tile(ctx, true));
    app.get("/tiles/{tilejson}", this::tileJson);
  }

  private void tile(Context ctx, boolean operations) throws SQLException {
    boolean personal = ResidentPointTiles.LAYER.equals(ctx.pathParam("layer"));
    if (personal && operations) {
      throw new BadRequest("layer", "layer 'residents' is served at /tiles/residents/{z}/{x}/{y}.mvt");
    }
    TileLayer layer = personal ? null : layer(ctx.pathParam("layer"));
    if (layer != null && layer.operationsOnly() != operations) {
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
    if (personal) {
      residentTile(ctx, coord);
      return;
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

  /** The caller's visible residents in the tile: exact points, per caller, never cached, audited. */
  private void residentTile(Context ctx, TileCoord coord) throws SQLException {
    Viewer viewer = Disclosures.viewer(ctx).restrictedTo(SEE_HOMES);
    if (viewer.grants().isEmpty()) {
      throw new ForbiddenResponse("Your role does not see residents' homes; the resident_density layer counts them.");
    }
    ResidentPointTiles.Rendered tile = residents.render(viewer, coord);
    if (!tile.residentIds().isEmpty()) { // an empty tile carries nobody's data
      disclosures.record(ctx, viewer, "read", "map", disclosures.decide(viewer, tile.residentIds()).values());
    }
    ctx.header("Cache-Control", "private, no-store");
    ctx.contentType(MVT);
    ctx.result(tile.mvt());
  }

  private void tileJson(Context ctx) {
    String name = ctx.pathParam("tilejson");
    if (!name.endsWith(".json")) {
      throw new BadRequest("layer", "expected /tiles/{layer}.json");
    }
    String id = name.substring(0, name.length() - 5);
    String layerId;
    int minZoom;
    List<String> layerFields;
    boolean live = false;
    if (id.equals(ResidentPointTiles.LAYER)) {
      layerId = id;
      minZoom = 0;
      layerFields = List.of("basis");
    } else {
      TileLayer layer = layer(id);
      layerId = layer.id();
      minZoom = layer.minZoom();
      layerFields = layer.fields();
      live = layer.operationsOnly();
    }
    String base = ctx.scheme() + "://" + ctx.host();
    Map<String, Object> fields = new LinkedHashMap<>();
    layerFields.forEach(f -> fields.put(f, f));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tilejson", "3.0.0");
    body.put("name", layerId);
    body.put("scheme", "xyz");
    body.put("tiles", List.of(base + "/tiles/" + (live ? "live/" : "") + layerId + "/{z}/{x}/{y}.mvt"));
    body.put("minzoom", minZoom);
    body.put("maxzoom", TileCoord.MAX_ZOOM);
    body.put("vector_layers", List.of(Map.of("id", layerId, "fields", fields,
        "minzoom", minZoom, "maxzoom", TileCoord.MAX_ZOOM)));
    ctx.json(body);
  }

  private static TileLayer layer(String id) {
    return TileLayer.find(id).orElseThrow(() -> new BadRequest("layer",
        "unknown layer '" + id.replaceAll("[^a-z_]", "?") + "'; layers: "
            + String.join(", ", java.util.Arrays.stream(TileLayer.values()).map(TileLayer::id).toList())
            + ", " + ResidentPointTiles.LAYER));
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
