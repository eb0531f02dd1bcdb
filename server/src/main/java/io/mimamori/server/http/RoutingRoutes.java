package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mimamori.routing.CrossedZone;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.Route;
import io.mimamori.routing.TravelProfile;
import io.mimamori.server.routing.BlockingRule;
import io.mimamori.server.routing.HazardBlocking;
import io.mimamori.server.routing.RoadGraphService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The road graph over HTTP: {@code GET /api/routing/status} (is the graph ready, how far has it
 * loaded, what is blocked now) and {@code GET /api/route?from=lon,lat&to=lon,lat&profile=foot}
 * (one route as a GeoJSON Feature: the road line, metres, seconds and the hazard zones it crosses,
 * with the roads the active emergencies close taken out). Neither carries personal data. Until
 * the graph is ready the route answers 503.
 */
public final class RoutingRoutes {

  private final RoadGraphService graphs;
  private final HazardBlocking blocking;

  public RoutingRoutes(RoadGraphService graphs, HazardBlocking blocking) {
    this.graphs = graphs;
    this.blocking = blocking;
  }

  public void register(Javalin app) {
    app.get("/api/routing/status", this::status);
    app.get("/api/route", this::route);
  }

  private void status(Context ctx) {
    RoadGraphService.Status s = graphs.status();
    HazardBlocking.Snapshot b = blocking.snapshot();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("state", s.state().name().toLowerCase());
    out.put("phase", s.phase());
    out.put("fraction", Math.round(s.fraction() * 1000) / 1000.0);
    out.put("message", s.message());
    out.put("osm_file", s.source() == null ? null : java.nio.file.Path.of(s.source()).getFileName().toString());
    out.put("nodes", s.nodes());
    out.put("edges", s.edges());
    out.put("open_seconds", Math.round(s.openSeconds() * 100) / 100.0);
    out.put("built_now", s.builtNow());
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("version", b.version());
    h.put("refreshed_at", b.refreshedAt() == null ? null : b.refreshedAt().toString());
    h.put("areas", b.areas());
    h.put("blocking_areas", b.blockingAreas());
    h.put("blocked_segments", b.blockedSegments());
    h.put("error", b.error());
    out.put("hazards", h);
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  private void route(Context ctx) {
    GeoPoint from = JsonFields.lonLatParam(ctx, "from");
    GeoPoint to = JsonFields.lonLatParam(ctx, "to");
    TravelProfile profile = JsonFields.profile(ctx.queryParamAsClass("profile", String.class).getOrDefault("foot"), "profile");
    Route r = RoutingGate.router(ctx, graphs).route(profile, from, to);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("status", r.status().name().toLowerCase());
    props.put("profile", profile.code());
    props.put("metres", JsonFields.metres(r.metres()));
    props.put("seconds", JsonFields.seconds(r.seconds()));
    props.put("minutes", JsonFields.minutes(r.seconds()));
    props.put("from_snap_metres", JsonFields.metres(r.fromSnapMetres()));
    props.put("to_snap_metres", JsonFields.metres(r.toSnapMetres()));
    props.put("zones", zones(r.zones(), blocking.snapshot()));
    Map<String, Object> feature = new LinkedHashMap<>();
    feature.put("type", "Feature");
    feature.put("geometry", r.found() && !r.points().isEmpty() ? lineString(r.points()) : null);
    feature.put("properties", props);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/geo+json; charset=utf-8").json(feature);
  }

  static List<Map<String, Object>> zones(List<CrossedZone> crossed, HazardBlocking.Snapshot snapshot) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (CrossedZone z : crossed) {
      Map<String, Object> m = new LinkedHashMap<>();
      BlockingRule.ZoneInfo info = snapshot.zone(z.id()).orElse(null);
      m.put("zone_id", info == null ? null : info.zoneId());
      m.put("hazard_type", info == null ? null : info.type().code());
      m.put("rank", info == null ? null : info.rank());
      m.put("label_ja", info == null ? z.label() : info.labelJa());
      m.put("label_en", info == null ? z.label() : info.labelEn());
      m.put("blocking", z.blocking());
      m.put("at_start", z.atStart());
      m.put("at_end", z.atEnd());
      out.add(m);
    }
    return out;
  }

  /** A GeoJSON LineString (a single point repeated when the route has one). */
  static Map<String, Object> lineString(List<GeoPoint> points) {
    List<double[]> coords = new ArrayList<>();
    for (GeoPoint p : points) {
      coords.add(new double[] {Math.round(p.lon() * 1e7) / 1e7, Math.round(p.lat() * 1e7) / 1e7});
    }
    if (coords.size() == 1) {
      coords.add(coords.get(0));
    }
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("type", "LineString");
    g.put("coordinates", coords);
    return g;
  }
}
