package io.mimamori.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.emergency.EmergencyLevel;
import io.mimamori.layers.field.FieldRouteStore;
import io.mimamori.layers.field.SupporterRoute;
import io.mimamori.layers.field.VisitNeed;
import io.mimamori.layers.field.VisitStop;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Principal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supporter's phone: {@code GET /api/my/route}, the signed-in supporter's own route in the
 * active emergency (the newest published revision), stops in visiting order with only what each
 * visit needs, and the shelters around it. The answer carries an ETag that changes with the route
 * and with any report on its checks; a phone polling with {@code If-None-Match} gets 304 and no
 * personal data (and no audit entry) while nothing changed. Every answer with stops is audited as a
 * read of those residents, before it is sent. Only the supporter role may call it ({@link
 * io.mimamori.server.auth.AccessRules}), and it only ever reads the caller's own route.
 */
public final class SupporterRoutes {

  /** Shelters offered for "evacuated to ...", nearest to the route first. */
  static final int SHELTER_LIMIT = 40;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FieldRouteStore routes;
  private final AuditLog audit;

  public SupporterRoutes(FieldRouteStore routes, AuditLog audit) {
    this.routes = routes;
    this.audit = audit;
  }

  public void register(Javalin app) {
    app.get("/api/my/route", this::myRoute);
  }

  private void myRoute(Context ctx) throws Exception {
    Principal p = AuthRoutes.require(ctx);
    long supporterId = supporterOf(p).orElseThrow(() -> new ForbiddenResponse("This account acts for no supporter."));
    ctx.header("Cache-Control", "no-store");
    // the tag is read before the route, so a change in between makes the next poll fetch again
    String etag = "\"" + routes.tag(supporterId) + "\"";
    ctx.header("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    Optional<SupporterRoute> route = routes.current(supporterId, SHELTER_LIMIT);
    if (route.isPresent() && !route.get().stops().isEmpty()) {
      List<Long> residents = route.get().stops().stream().map(VisitStop::residentId).toList();
      audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), "read", "safety_check",
          "resident", residents, ctx.ip())));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("route", route.map(SupporterRoutes::describe).orElse(null));
    ctx.json(body);
  }

  /** The supporter this account acts for, if it holds the supporter role. */
  static Optional<Long> supporterOf(Principal p) {
    return p.account().roles().stream().filter(g -> g.role() == Role.SUPPORTER).map(RoleGrant::supporterId).findFirst();
  }

  private static Map<String, Object> describe(SupporterRoute r) {
    Map<String, Object> emergency = new LinkedHashMap<>();
    emergency.put("id", r.emergencyId());
    emergency.put("level", r.emergencyLevel());
    EmergencyLevel.fromCode(r.emergencyLevel()).ifPresent(l -> {
      emergency.put("level_ja", l.japanese());
      emergency.put("level_en", l.english());
    });
    emergency.put("hazard_types", r.hazardTypes());
    emergency.put("declared_at", r.declaredAt().toString());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("emergency", emergency);
    m.put("revision", r.revision());
    m.put("published_at", r.publishedAt().toString());
    m.put("travel_profile", r.travelProfile());
    m.put("geometry", geometry(r.geometryGeoJson()));
    m.put("stops", r.stops().stream().map(SupporterRoutes::stop).toList());
    m.put("shelters", r.shelters().stream().map(s -> {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", s.id());
      o.put("name", s.name());
      o.put("kind", s.kind());
      o.put("lon", s.lon());
      o.put("lat", s.lat());
      return o;
    }).toList());
    return m;
  }

  private static Map<String, Object> stop(VisitStop s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", s.seq());
    m.put("check_id", s.checkId());
    m.put("planned_arrival", s.plannedArrival() == null ? null : s.plannedArrival().toString());
    m.put("status", s.status());
    m.put("escalated", s.escalated());
    m.put("status_at", s.statusAt().toString());
    m.put("evacuated_to_shelter_id", s.evacuatedToShelterId());
    m.put("name", s.name());
    m.put("name_kana", s.nameKana());
    m.put("address", s.address());
    m.put("lon", s.home().lon());
    m.put("lat", s.home().lat());
    m.put("phone", s.phone());
    m.put("needs", s.needs().stream().map(VisitNeed::code).toList());
    m.put("care_level", s.care().careLevel());
    m.put("medical_devices", s.care().medicalDevices().stream().sorted().toList());
    m.put("ventilator_24h", s.care().ventilator24h());
    m.put("household_members", s.householdMembers());
    if (s.destination() == null) {
      m.put("destination", null);
    } else {
      VisitStop.Destination d = s.destination();
      Map<String, Object> dest = new LinkedHashMap<>();
      dest.put("kind", d.kind());
      dest.put("shelter_id", d.shelterId());
      dest.put("shelter_name", d.shelterName());
      dest.put("lon", d.shelterLocation() == null ? null : d.shelterLocation().lon());
      dest.put("lat", d.shelterLocation() == null ? null : d.shelterLocation().lat());
      dest.put("note", d.note());
      m.put("destination", dest);
    }
    m.put("items_to_carry", s.itemsToCarry());
    return m;
  }

  private static JsonNode geometry(String geoJson) {
    if (geoJson == null) {
      return null;
    }
    try {
      return JSON.readTree(geoJson);
    } catch (Exception e) {
      throw new IllegalStateException("PostGIS returned a geometry that is not JSON", e);
    }
  }
}
