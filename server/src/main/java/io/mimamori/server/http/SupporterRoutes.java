package io.mimamori.server.http;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.disclosure.Disclosure;
import io.mimamori.layers.disclosure.Field;
import io.mimamori.layers.disclosure.Viewer;
import io.mimamori.layers.emergency.EmergencyLevel;
import io.mimamori.layers.field.FieldRouteStore;
import io.mimamori.layers.field.SupporterRoute;
import io.mimamori.layers.field.VisitNeed;
import io.mimamori.layers.field.VisitStop;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Disclosures;
import io.mimamori.server.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The supporter's phone: {@code GET /api/my/route}, the signed-in supporter's own route in the
 * active emergency (the newest published revision), stops in visiting order with only what each
 * visit needs, and the shelters around it. Only the supporter role may call it ({@link
 * io.mimamori.server.auth.AccessRules}), and it only ever reads the caller's own route.
 *
 * <p>It sends residents, so it goes through the disclosure policy ({@link Disclosures}), as the
 * supporter the route was published to:
 *
 * <ul>
 *   <li>each stop's resident is decided on; a stop whose resident the policy hides from this
 *       supporter (a refusal on a neighbour's route, an entry no longer active) is left out, not
 *       sent blank: a stop without a name, address or point cannot be visited, and even its place
 *       in the order would hint where someone lives who did not want to be known. The route's road
 *       line then is not sent either (it passes that home); the phone draws straight legs between
 *       the stops it has. The dispatcher still sees the whole route and its checks;
 *   <li>a stop carries only the keys of the fields its {@link Disclosure} allows ({@link
 *       #STOP_FIELDS}; a key no field names is sent to nobody): with consent the plan's items to
 *       carry, on the emergency basis not; the needs are derived from allowed fields only ({@link
 *       VisitNeed#of(io.mimamori.layers.field.CareFacts, java.util.Set)});
 *   <li>what is sent is recorded before it is sent: a {@code read} (with consent) and a {@code
 *       disclose} (without, on the emergency basis, with the emergency's grant records that HQ
 *       reviews and the retention purge deletes) audit entry, purpose {@code safety_check}.
 * </ul>
 *
 * The answer carries an ETag that changes with the route, with any report on its checks and with
 * the disclosure decisions about its residents (a consent given or withdrawn reaches the phone on
 * its next poll); a phone polling with {@code If-None-Match} gets 304 and no personal data (and no
 * audit entry) while nothing changed.
 */
public final class SupporterRoutes {

  /** Shelters offered for "evacuated to ...", nearest to the route first. */
  static final int SHELTER_LIMIT = 40;
  /**
   * The field each key of a stop belongs to. A key not named here is not sent; {@code needs} is
   * derived from the allowed fields alone and goes to whoever sees the stop.
   */
  static final Map<String, Field> STOP_FIELDS = Map.ofEntries(
      entry("seq", Field.SAFETY_CHECKS),
      entry("check_id", Field.SAFETY_CHECKS),
      entry("planned_arrival", Field.SAFETY_CHECKS),
      entry("status", Field.SAFETY_CHECKS),
      entry("escalated", Field.SAFETY_CHECKS),
      entry("status_at", Field.SAFETY_CHECKS),
      entry("evacuated_to_shelter_id", Field.SAFETY_CHECKS),
      entry("name", Field.NAME),
      entry("name_kana", Field.NAME),
      entry("address", Field.ADDRESS),
      entry("lon", Field.LOCATION),
      entry("lat", Field.LOCATION),
      entry("phone", Field.PHONE),
      entry("care_level", Field.CARE_LEVEL),
      entry("medical_devices", Field.MEDICAL_DEVICES),
      entry("ventilator_24h", Field.MEDICAL_DEVICES),
      entry("household_members", Field.HOUSEHOLD),
      entry("destination", Field.PLAN_DESTINATION),
      entry("items_to_carry", Field.PLAN_DETAILS));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FieldRouteStore routes;
  private final Disclosures disclosures;

  public SupporterRoutes(FieldRouteStore routes, Disclosures disclosures) {
    this.routes = routes;
    this.disclosures = disclosures;
  }

  public void register(Javalin app) {
    app.get("/api/my/route", this::myRoute);
  }

  private void myRoute(Context ctx) throws Exception {
    Principal p = AuthRoutes.require(ctx);
    long supporterId = supporterOf(p).orElseThrow(() -> new ForbiddenResponse("This account acts for no supporter."));
    Viewer viewer = actingFor(Disclosures.viewer(ctx), supporterId);
    ctx.header("Cache-Control", "no-store");
    // the tag is read before the route, so a change in between makes the next poll fetch again
    FieldRouteStore.RouteState state = routes.state(supporterId);
    String etag = "\"" + state.tag() + "-d" + fingerprint(state.residentIds(),
        disclosures.decide(viewer, state.residentIds())) + "\"";
    ctx.header("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    Optional<SupporterRoute> route = routes.current(supporterId, SHELTER_LIMIT);
    Map<String, Object> body = new LinkedHashMap<>();
    if (route.isEmpty()) {
      body.put("route", null);
      ctx.json(body);
      return;
    }
    List<Long> residents = route.get().stops().stream().map(VisitStop::residentId).toList();
    Map<Long, Disclosure> decisions = disclosures.decide(viewer, residents);
    if (!decisions.isEmpty()) {
      disclosures.record(ctx, viewer, "read", "safety_check", decisions.values());
    }
    body.put("route", describe(route.get(), decisions));
    ctx.json(body);
  }

  /**
   * The viewer as the one supporter whose route is read: an account acting for several decides
   * each route by its own supporter's grant.
   */
  private static Viewer actingFor(Viewer v, long supporterId) {
    return new Viewer(v.userId(), v.login(), v.municipalityCode(), v.grants().stream()
        .filter(g -> g.role() == Role.SUPPORTER && Objects.equals(g.supporterId(), supporterId)).toList());
  }

  /**
   * A digest of the decisions about the route's residents (each one's basis, or hidden), for the
   * ETag: the decisions change the answer, so they change the tag. No id or basis is readable in it.
   */
  private static String fingerprint(List<Long> residentIds, Map<Long, Disclosure> decisions) {
    StringBuilder s = new StringBuilder();
    for (long id : residentIds) {
      Disclosure d = decisions.get(id);
      s.append(id).append(':').append(d == null ? "-" : d.role().code() + "/" + d.basis().code()).append(';');
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The supporter this account acts for, if it holds the supporter role. */
  static Optional<Long> supporterOf(Principal p) {
    return p.account().roles().stream().filter(g -> g.role() == Role.SUPPORTER).map(RoleGrant::supporterId).findFirst();
  }

  private static Map<String, Object> describe(SupporterRoute r, Map<Long, Disclosure> decisions) {
    Map<String, Object> emergency = new LinkedHashMap<>();
    emergency.put("id", r.emergencyId());
    emergency.put("level", r.emergencyLevel());
    EmergencyLevel.fromCode(r.emergencyLevel()).ifPresent(l -> {
      emergency.put("level_ja", l.japanese());
      emergency.put("level_en", l.english());
    });
    emergency.put("hazard_types", r.hazardTypes());
    emergency.put("declared_at", r.declaredAt().toString());
    List<Map<String, Object>> stops = new ArrayList<>();
    for (VisitStop s : r.stops()) {
      Disclosure d = decisions.get(s.residentId());
      if (d != null) {
        stops.add(stop(s, d));
      }
    }
    boolean whole = stops.size() == r.stops().size();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("emergency", emergency);
    m.put("revision", r.revision());
    m.put("published_at", r.publishedAt().toString());
    m.put("travel_profile", r.travelProfile());
    m.put("geometry", whole ? geometry(r.geometryGeoJson()) : null); // the line passes every home, the hidden too
    m.put("stops", stops);
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

  /** One stop with the keys of the fields {@code d} allows ({@link #STOP_FIELDS}), and the needs those fields show. */
  private static Map<String, Object> stop(VisitStop s, Disclosure d) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("seq", s.seq());
    all.put("check_id", s.checkId());
    all.put("planned_arrival", s.plannedArrival() == null ? null : s.plannedArrival().toString());
    all.put("status", s.status());
    all.put("escalated", s.escalated());
    all.put("status_at", s.statusAt().toString());
    all.put("evacuated_to_shelter_id", s.evacuatedToShelterId());
    all.put("name", s.name());
    all.put("name_kana", s.nameKana());
    all.put("address", s.address());
    all.put("lon", s.home().lon());
    all.put("lat", s.home().lat());
    all.put("phone", s.phone());
    all.put("needs", null);
    all.put("care_level", s.care().careLevel());
    all.put("medical_devices", s.care().medicalDevices().stream().sorted().toList());
    all.put("ventilator_24h", s.care().ventilator24h());
    all.put("household_members", s.householdMembers());
    if (s.destination() == null) {
      all.put("destination", null);
    } else {
      VisitStop.Destination dest = s.destination();
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("kind", dest.kind());
      o.put("shelter_id", dest.shelterId());
      o.put("shelter_name", dest.shelterName());
      o.put("lon", dest.shelterLocation() == null ? null : dest.shelterLocation().lon());
      o.put("lat", dest.shelterLocation() == null ? null : dest.shelterLocation().lat());
      o.put("note", dest.note());
      all.put("destination", o);
    }
    all.put("items_to_carry", s.itemsToCarry());
    Map<String, Object> m = new LinkedHashMap<>();
    all.forEach((key, value) -> {
      if (key.equals("needs")) {
        m.put(key, s.needs(d.fields()).stream().map(VisitNeed::code).toList());
      } else if (STOP_FIELDS.containsKey(key) && d.allows(STOP_FIELDS.get(key))) {
        m.put(key, value);
      }
    });
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
