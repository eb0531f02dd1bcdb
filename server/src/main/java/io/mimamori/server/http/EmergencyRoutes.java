package io.mimamori.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.emergency.CheckStatus;
import io.mimamori.layers.emergency.EmergencyLevel;
import io.mimamori.layers.emergency.EmergencyStore;
import io.mimamori.layers.emergency.SafetyCheckStore;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Disclosures;
import io.mimamori.server.auth.Principal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Emergency operations: HQ declares ({@code POST /api/emergencies}) and ends ({@code POST
 * /api/emergencies/{id}/end}) an emergency; anyone signed in lists them; HQ and dispatchers count
 * the checks by status; supporters (only on checks assigned to them), dispatchers and HQ report a
 * check's status ({@code POST /api/checks/{id}/status}, idempotent by key); HQ and dispatchers
 * watch {@code GET /api/events} (server-sent events, resumable with Last-Event-ID). Declaring and
 * ending are audited as disclosures; every report as an update.
 */
public final class EmergencyRoutes {

  private static final Set<String> ZONE_HAZARDS = Set.of("flood", "tsunami", "landslide", "storm_surge", "inland_flood");
  private static final GeometryFactory GF = new GeometryFactory();

  private final EmergencyStore emergencies;
  private final SafetyCheckStore checks;
  private final AuditLog audit;
  private final LiveEvents live;

  public EmergencyRoutes(EmergencyStore emergencies, SafetyCheckStore checks, AuditLog audit, LiveEvents live) {
    this.emergencies = emergencies;
    this.checks = checks;
    this.audit = audit;
    this.live = live;
  }

  public void register(Javalin app) {
    app.post("/api/emergencies", this::declare);
    app.post("/api/emergencies/{id}/end", this::end);
    app.get("/api/emergencies", ctx -> ctx.json(emergencies.list("true".equals(ctx.queryParam("all"))).stream()
        .map(EmergencyRoutes::describe).toList()));
    app.get("/api/emergencies/{id}/counts", ctx -> ctx.json(checks.counts(id(ctx, "id"))));
    app.post("/api/checks/{id}/status", this::report);
    app.sse("/api/events", client -> {
      Context ctx = client.ctx();
      String header = ctx.header("Last-Event-ID");
      String raw = header != null ? header : ctx.queryParam("after");
      long after = 0;
      if (raw != null) {
        try {
          after = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
          after = 0;
        }
      }
      live.join(client, Disclosures.viewer(ctx), after, "true".equals(ctx.queryParam("replay_only")));
    });
  }

  private void declare(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    JsonNode body = body(ctx);
    EmergencyLevel level = EmergencyLevel.fromCode(text(body, "level"))
        .orElseThrow(() -> new BadRequest("level", "level must be elderly_evacuation, evacuation_order or emergency_safety"));
    List<String> hazards = new ArrayList<>();
    JsonNode h = body.get("hazard_types");
    if (h == null || !h.isArray() || h.isEmpty()) {
      throw new BadRequest("hazard_types", "hazard_types must be a non-empty list");
    }
    for (JsonNode n : h) {
      if (!n.isTextual() || !ZONE_HAZARDS.contains(n.asText())) {
        throw new BadRequest("hazard_types", "hazard types: flood, tsunami, landslide, storm_surge, inland_flood");
      }
      hazards.add(n.asText());
    }
    Geometry area = area(body.get("area"));
    String reason = text(body, "reason");
    if (reason.length() > 500) {
      throw new BadRequest("reason", "reason is longer than 500 characters");
    }
    EmergencyStore.Emergency e = emergencies.declare(p.account().municipalityCode(), level, hazards, area, reason,
        p.account().id());
    audit(ctx, p, "disclose", "emergency_declared", "emergency", e.id());
    ctx.status(201).json(describe(e));
  }

  private void end(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long id = id(ctx, "id");
    String reason = text(body(ctx), "reason");
    if (!emergencies.end(id, p.account().id(), reason)) {
      throw new NotFoundResponse("No active emergency " + id);
    }
    audit(ctx, p, "update", "emergency_ended", "emergency", id);
    ctx.status(204);
  }

  private void report(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long checkId = id(ctx, "id");
    boolean operator = p.has(Role.HQ) || p.has(Role.ADMIN) || p.has(Role.DISPATCHER);
    if (!operator) {
      Long mine = p.account().roles().stream().filter(g -> g.role() == Role.SUPPORTER).map(g -> g.supporterId())
          .findFirst().orElse(null);
      if (mine == null || !checks.assignedSupporter(checkId).map(mine::equals).orElse(false)) {
        throw new ForbiddenResponse("This check is not assigned to you.");
      }
    }
    JsonNode body = body(ctx);
    CheckStatus status = CheckStatus.fromCode(text(body, "status"))
        .orElseThrow(() -> new BadRequest("status", "unknown status"));
    String note = body.hasNonNull("note") ? body.get("note").asText() : null;
    if (note != null && note.length() > 2000) {
      throw new BadRequest("note", "note is longer than 2000 characters");
    }
    Long shelter = null;
    if (body.hasNonNull("shelter_id")) {
      JsonNode n = body.get("shelter_id");
      if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 1) {
        throw new BadRequest("shelter_id", "shelter_id is a shelter's id: a whole number above 0");
      }
      shelter = n.asLong();
    }
    Instant clientTime = null;
    if (body.hasNonNull("client_time")) {
      try {
        clientTime = Instant.parse(body.get("client_time").asText());
      } catch (DateTimeParseException e) {
        throw new BadRequest("client_time", "client_time must be an ISO-8601 instant such as 2026-11-22T09:00:00Z");
      }
    }
    String key = body.hasNonNull("idempotency_key") ? body.get("idempotency_key").asText() : null;
    if (key != null && !key.matches("[A-Za-z0-9_-]{8,80}")) {
      throw new BadRequest("idempotency_key", "8-80 letters, digits, _ or -");
    }
    SafetyCheckStore.Event e;
    try {
      e = checks.report(checkId, status, note, shelter, p.account().id(), clientTime, key);
    } catch (IllegalArgumentException ex) {
      throw new BadRequest("id", ex.getMessage());
    } catch (SQLException ex) {
      if ("23503".equals(ex.getSQLState()) && shelter != null) { // the only reference a report brings is the shelter
        throw new BadRequest("shelter_id", "there is no shelter " + shelter);
      }
      throw ex;
    }
    // a resent report is audited again: if the server died between storing the first copy and
    // auditing it, the resend (answered as a duplicate) is the only chance to record the update
    audit(ctx, p, "update", "safety_check", "resident", e.residentId());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("event_id", e.id());
    out.put("status", e.status());
    out.put("applied", e.applied());
    out.put("duplicate", e.duplicate());
    out.put("escalated", e.escalated());
    ctx.status(e.duplicate() ? 200 : 201).json(out);
  }

  private static Map<String, Object> describe(EmergencyStore.Emergency e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("level", e.level());
    EmergencyLevel.fromCode(e.level()).ifPresent(l -> {
      m.put("level_ja", l.japanese());
      m.put("level_en", l.english());
    });
    m.put("hazard_types", e.hazardTypes());
    m.put("reason", e.reason());
    m.put("declared_at", e.declaredAt().toString());
    m.put("ended_at", e.endedAt() == null ? null : e.endedAt().toString());
    m.put("checks", e.checks());
    return m;
  }

  /** A GeoJSON Polygon or MultiPolygon in lon/lat. */
  static Geometry area(JsonNode g) {
    if (g == null || !g.isObject() || !g.has("type") || !g.has("coordinates")) {
      throw new BadRequest("area", "area must be a GeoJSON Polygon or MultiPolygon in lon/lat");
    }
    String type = g.get("type").asText();
    JsonNode coords = g.get("coordinates");
    try {
      List<Polygon> polygons = new ArrayList<>();
      if (type.equals("Polygon")) {
        polygons.add(polygon(coords));
      } else if (type.equals("MultiPolygon")) {
        for (JsonNode p : coords) {
          polygons.add(polygon(p));
        }
      } else {
        throw new BadRequest("area", "area must be a Polygon or MultiPolygon, got " + type.replaceAll("[^A-Za-z]", ""));
      }
      Geometry area = GF.createMultiPolygon(polygons.toArray(Polygon[]::new));
      if (area.isEmpty() || area.getArea() == 0) {
        throw new BadRequest("area", "area is empty");
      }
      return area;
    } catch (IllegalArgumentException e) { // JTS: an unclosed or too short ring
      throw new BadRequest("area", "area's rings must be closed, with at least four positions");
    }
  }

  private static Polygon polygon(JsonNode rings) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new BadRequest("area", "a polygon needs at least one ring");
    }
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return GF.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode positions) {
    List<Coordinate> cs = new ArrayList<>();
    for (JsonNode p : positions) {
      if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
        throw new BadRequest("area", "positions are [lon, lat] numbers");
      }
      double lon = p.get(0).asDouble();
      double lat = p.get(1).asDouble();
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
        throw new BadRequest("area", "positions are [lon, lat] within [-180, 180] and [-90, 90]");
      }
      cs.add(new Coordinate(lon, lat));
    }
    return GF.createLinearRing(cs.toArray(Coordinate[]::new));
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode b = ctx.bodyAsClass(JsonNode.class);
      if (b == null || !b.isObject()) {
        throw new BadRequest("body", "expected a JSON object");
      }
      return b;
    } catch (BadRequest e) {
      throw e;
    } catch (Exception e) {
      throw new BadRequest("body", "expected a JSON object");
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new BadRequest(field, field + " is required (a non-empty string)");
    }
    return n.asText();
  }

  private static long id(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw new BadRequest(name, name + " is a whole number");
    }
  }

  private void audit(Context ctx, Principal p, String action, String purpose, String recordType, long id) throws SQLException {
    audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), action, purpose,
        recordType, List.of(id), ctx.ip())));
  }
}
