package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.features.FeatureCollection;
import io.mimamori.layers.features.FeaturePage;
import io.mimamori.layers.features.FeatureStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OGC API - Features, Part 1 (Core, GeoJSON) for the non-personal layers under {@code /ogc}, so
 * QGIS and other clients can add them directly: landing page, conformance, collections, items
 * with {@code bbox}, {@code limit} (1..10,000, default 100) and {@code offset} paging through
 * {@code next}/{@code prev} links, and single items.
 */
public final class OgcFeatureRoutes {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;
  private static final String GEOJSON = "application/geo+json";

  private final FeatureStore features;

  public OgcFeatureRoutes(FeatureStore features) {
    this.features = features;
  }

  public void register(Javalin app) {
    app.get("/ogc", this::landing);
    app.get("/ogc/conformance", this::conformance);
    app.get("/ogc/collections", this::collections);
    app.get("/ogc/collections/{collection}", ctx -> ctx.json(describe(ctx, collection(ctx))));
    app.get("/ogc/collections/{collection}/items", this::items);
    app.get("/ogc/collections/{collection}/items/{id}", this::item);
  }

  private void landing(Context ctx) {
    String base = base(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "mimamori");
    body.put("description", "Shelters and hazard zones of the town (no personal data)");
    body.put("links", List.of(
        link(base + "/ogc", "self", "application/json", "this document"),
        link(base + "/ogc/conformance", "conformance", "application/json", "conformance classes"),
        link(base + "/ogc/collections", "data", "application/json", "feature collections")));
    ctx.json(body);
  }

  private void conformance(Context ctx) {
    ctx.json(Map.of("conformsTo", List.of(
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson")));
  }

  private void collections(Context ctx) throws SQLException {
    List<Object> list = new ArrayList<>();
    for (FeatureCollection c : FeatureCollection.values()) {
      list.add(describe(ctx, c));
    }
    ctx.json(Map.of(
        "links", List.of(link(base(ctx) + "/ogc/collections", "self", "application/json", "collections")),
        "collections", list));
  }

  private Map<String, Object> describe(Context ctx, FeatureCollection c) throws SQLException {
    String items = base(ctx) + "/ogc/collections/" + c.id() + "/items";
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("title", c.title());
    m.put("description", c.description());
    m.put("itemType", "feature");
    m.put("crs", List.of("http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
    features.extent(c).ifPresent(b -> m.put("extent", Map.of("spatial", Map.of(
        "bbox", List.of(List.of(b[0], b[1], b[2], b[3])),
        "crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"))));
    m.put("links", List.of(
        link(base(ctx) + "/ogc/collections/" + c.id(), "self", "application/json", c.id()),
        link(items, "items", GEOJSON, "features")));
    return m;
  }

  private void items(Context ctx) throws SQLException {
    FeatureCollection c = collection(ctx);
    Bbox box = Bbox.parse(ctx.queryParam("bbox"));
    int limit = bounded(ctx.queryParam("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    long offset = bounded(ctx.queryParam("offset"), "offset", 0, 0, Integer.MAX_VALUE);
    FeaturePage page = features.page(c, box.asArray(), limit, offset, 0);
    String self = base(ctx) + "/ogc/collections/" + c.id() + "/items?limit=" + limit
        + (ctx.queryParam("bbox") == null ? "" : "&bbox=" + box.minLon() + "," + box.minLat() + "," + box.maxLon() + "," + box.maxLat());
    StringBuilder links = new StringBuilder("[").append(linkJson(self + "&offset=" + offset, "self"));
    if (offset + page.numberReturned() < page.numberMatched()) {
      links.append(',').append(linkJson(self + "&offset=" + (offset + limit), "next"));
    }
    if (offset > 0) {
      links.append(',').append(linkJson(self + "&offset=" + Math.max(0, offset - limit), "prev"));
    }
    links.append(']');
    String body = "{\"type\":\"FeatureCollection\",\"timeStamp\":\"" + Instant.now() + "\",\"numberMatched\":"
        + page.numberMatched() + ",\"numberReturned\":" + page.numberReturned() + ",\"links\":" + links
        + ",\"features\":" + page.featuresJson() + "}";
    ctx.contentType(GEOJSON + "; charset=utf-8").result(body);
  }

  private void item(Context ctx) throws SQLException {
    FeatureCollection c = collection(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("No feature " + ctx.pathParam("id").replaceAll("[^0-9A-Za-z_-]", "?") + " in " + c.id());
    }
    String feature = features.find(c, id).orElseThrow(() -> new NotFoundResponse("No feature " + id + " in " + c.id()));
    ctx.contentType(GEOJSON + "; charset=utf-8").result(feature);
  }

  private static FeatureCollection collection(Context ctx) {
    String id = ctx.pathParam("collection");
    return FeatureCollection.find(id).orElseThrow(() ->
        new NotFoundResponse("No collection '" + id.replaceAll("[^0-9A-Za-z_-]", "?") + "'"));
  }

  private static int bounded(String raw, String name, int fallback, int min, int max) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.trim());
      if (v < min || v > max) {
        throw new BadRequest(name, name + " must be " + min + ".." + max + ", got " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadRequest(name, name + " must be a whole number " + min + ".." + max);
    }
  }

  private static String base(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  private static Map<String, Object> link(String href, String rel, String type, String title) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("href", href);
    m.put("rel", rel);
    m.put("type", type);
    m.put("title", title);
    return m;
  }

  private static String linkJson(String href, String rel) {
    return "{\"href\":\"" + href.replace("\"", "%22") + "\",\"rel\":\"" + rel + "\",\"type\":\"" + GEOJSON + "\"}";
  }
}
