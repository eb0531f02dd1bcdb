package io.mimamori.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.register.ResidentNeedsStore;
import io.mimamori.layers.shelter.DestinationShelterStore;
import io.mimamori.layers.shelterops.ArrivalEligibility;
import io.mimamori.layers.shelterops.ShelterEvent;
import io.mimamori.layers.shelterops.ShelterOpsStore;
import io.mimamori.layers.shelterops.ShelterState;
import io.mimamori.layers.shelterops.Stay;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Principal;
import io.mimamori.server.routing.ArrivalRule;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shelters during an emergency: their state ({@code GET /api/shelters/status}, one shelter's
 * {@code GET /api/shelters/{id}/status}), opening and closing them, checking parties in
 * ({@code POST /api/shelters/{id}/check-ins}) and out ({@code POST /api/stays/{id}/check-out}), and
 * who is there ({@code GET /api/shelters/{id}/stays}, audited). Shelter staff act only at the
 * shelters their grant names (any, when it names none); admin and HQ anywhere; dispatchers read the
 * states. A resident checked in at a welfare or child welfare shelter without a stated eligibility
 * gets the planning rules' finding, with its reasons in the answer.
 */
public final class ShelterOpsRoutes {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final ShelterOpsStore store;
  private final ResidentNeedsStore needs;
  private final DestinationShelterStore destinations;
  private final AuditLog audit;

  public ShelterOpsRoutes(ShelterOpsStore store, ResidentNeedsStore needs, DestinationShelterStore destinations,
      AuditLog audit) {
    this.store = store;
    this.needs = needs;
    this.destinations = destinations;
    this.audit = audit;
  }

  public void register(Javalin app) {
    app.get("/api/shelters/status", this::states);
    app.get("/api/shelters/{id}/status", ctx -> ctx.json(state(store.state(JsonFields.pathId(ctx, "id"))
        .orElseThrow(() -> new NotFoundResponse("No shelter " + ctx.pathParam("id"))))));
    app.post("/api/shelters/{id}/open", this::open);
    app.post("/api/shelters/{id}/close", this::close);
    app.post("/api/shelters/{id}/check-ins", this::checkIn);
    app.get("/api/shelters/{id}/stays", this::stays);
    app.post("/api/stays/{id}/check-out", this::checkOut);
  }

  /** Every open shelter, or with {@code ?emergency=} every opening for that emergency (closed ones too). */
  private void states(Context ctx) throws SQLException {
    String raw = ctx.queryParam("emergency");
    List<ShelterState> states;
    if (raw == null || raw.isBlank()) {
      states = store.openStates();
    } else {
      long emergency;
      try {
        emergency = Long.parseLong(raw.trim());
      } catch (NumberFormatException e) {
        throw new BadRequest("emergency", "emergency is an emergency id (a whole number)");
      }
      states = store.emergencyStates(emergency);
    }
    ctx.json(states.stream().map(ShelterOpsRoutes::state).toList());
  }

  private void open(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long shelter = JsonFields.pathId(ctx, "id");
    ShelterScope.require(p, shelter);
    JsonNode body = JsonFields.body(ctx);
    Long emergency = body.hasNonNull("emergency_id") ? JsonFields.id(body, "emergency_id", "emergency_id") : null;
    Integer capacity = body.hasNonNull("capacity_persons")
        ? JsonFields.integer(body, "capacity_persons", "capacity_persons", 0, 100_000, 0) : null;
    ctx.status(201).json(event(store.open(shelter, emergency, capacity, p.account().id())));
  }

  private void close(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long shelter = JsonFields.pathId(ctx, "id");
    ShelterScope.require(p, shelter);
    JsonFields.body(ctx); // takes no fields, but a body that is not a JSON object is refused
    ctx.json(event(store.close(shelter, p.account().id())));
  }

  private void checkIn(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long shelter = JsonFields.pathId(ctx, "id");
    ShelterScope.require(p, shelter);
    JsonNode body = JsonFields.body(ctx);
    int persons = JsonFields.integer(body, "persons", "persons", 1, 100, 1);
    int family = JsonFields.integer(body, "family_members", "family_members", 0, 100, 0);
    Long resident = body.hasNonNull("resident_id") ? JsonFields.id(body, "resident_id", "resident_id") : null;
    ArrivalEligibility eligibility = null;
    if (body.hasNonNull("eligibility")) {
      JsonNode e = body.get("eligibility");
      eligibility = ArrivalEligibility.fromCode(e.isTextual() ? e.asText() : "")
          .orElseThrow(() -> new BadRequest("eligibility", "eligibility is eligible, not_eligible or unconfirmed"));
    }
    String key = key(body);
    ArrivalRule.Finding finding = null;
    if (resident != null && eligibility == null) {
      finding = ruleFinding(resident, shelter);
      if (finding != null) {
        eligibility = finding.eligibility();
      }
    }
    ShelterEvent e = store.checkIn(shelter, new ShelterOpsStore.CheckIn(resident, persons, family, eligibility),
        p.account().id(), key);
    if (resident != null && !e.duplicate()) {
      audit(ctx, p, "create", List.of(resident));
    }
    Map<String, Object> out = event(e);
    if (finding != null) {
      out.put("eligibility", finding.eligibility().code());
      out.put("eligibility_reasons", finding.reasons().stream().map(r -> Map.of("rule", r.rule().name().toLowerCase(),
          "allows", r.allows(), "en", r.text().en(), "ja", r.text().ja())).toList());
    }
    ctx.status(e.duplicate() ? 200 : 201).json(out);
  }

  /** The planning rules' finding for a resident at a welfare shelter; null at ordinary shelters or for an unknown resident. */
  private ArrivalRule.Finding ruleFinding(long resident, long shelter) throws SQLException {
    var site = destinations.list().stream().filter(d -> d.id() == shelter).findFirst();
    if (site.isEmpty() || !(site.get().kind().code().equals("welfare_shelter")
        || site.get().kind().code().equals("child_welfare_shelter"))) {
      return null;
    }
    var person = needs.find(resident);
    return person.map(r -> ArrivalRule.check(r, site.get(), LocalDate.now(JAPAN))).orElse(null);
  }

  private void checkOut(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long stayId = JsonFields.pathId(ctx, "id");
    Stay stay = store.findStay(stayId).orElseThrow(() -> new NotFoundResponse("No stay " + stayId));
    ShelterScope.require(p, stay.shelterId());
    ShelterEvent e = store.checkOut(stayId, p.account().id(), key(JsonFields.body(ctx)));
    if (stay.residentId() != null && !e.duplicate()) {
      audit(ctx, p, "update", List.of(stay.residentId()));
    }
    ctx.json(event(e));
  }

  private void stays(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long shelter = JsonFields.pathId(ctx, "id");
    ShelterScope.require(p, shelter);
    if (store.state(shelter).isEmpty()) {
      throw new NotFoundResponse("No shelter " + shelter);
    }
    List<Stay> stays = store.presentStays(shelter);
    List<Long> residents = stays.stream().map(Stay::residentId).filter(Objects::nonNull).toList();
    if (!residents.isEmpty()) {
      audit(ctx, p, "read", residents);
    }
    ctx.json(stays.stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("resident_id", s.residentId());
      m.put("name", s.residentName());
      m.put("persons", s.persons());
      m.put("family_members", s.familyMembers());
      m.put("eligibility", s.eligibility() == null ? null : s.eligibility().code());
      m.put("checked_in_at", s.checkedInAt().toString());
      return m;
    }).toList());
  }

  private static String key(JsonNode body) {
    if (!body.hasNonNull("idempotency_key")) {
      return null;
    }
    String key = body.get("idempotency_key").asText();
    if (!key.matches("[A-Za-z0-9_-]{8,80}")) {
      throw new BadRequest("idempotency_key", "8-80 letters, digits, _ or -");
    }
    return key;
  }

  static Map<String, Object> state(ShelterState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shelter_id", s.shelterId());
    m.put("name", s.name());
    m.put("kind", s.kind());
    m.put("open", s.open());
    m.put("opening_id", s.openingId());
    m.put("emergency_id", s.emergencyId());
    m.put("opened_at", s.openedAt() == null ? null : s.openedAt().toString());
    m.put("closed_at", s.closedAt() == null ? null : s.closedAt().toString());
    m.put("capacity_persons", s.capacityPersons());
    m.put("capacity_children", s.capacityChildren());
    m.put("persons", s.persons());
    m.put("family_members", s.familyMembers());
    m.put("occupied", s.occupied());
    m.put("eligible", s.eligible());
    m.put("not_eligible", s.notEligible());
    m.put("unconfirmed", s.unconfirmed());
    m.put("level", s.level().code());
    m.put("arrivals", s.arrivals());
    m.put("departures", s.departures());
    return m;
  }

  static Map<String, Object> event(ShelterEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event_id", e.id());
    m.put("kind", e.kind());
    m.put("shelter_id", e.shelterId());
    m.put("emergency_id", e.emergencyId());
    m.put("stay_id", e.stayId());
    m.put("transfer_id", e.transferId());
    m.put("open", e.open());
    m.put("occupied", e.occupied());
    m.put("capacity_persons", e.capacityPersons());
    m.put("level", e.level().code());
    m.put("level_before", e.levelBefore().code());
    m.put("duplicate", e.duplicate());
    return m;
  }

  private void audit(Context ctx, Principal p, String action, List<Long> residents) throws SQLException {
    audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), action,
        "shelter_operations", "resident", residents, ctx.ip())));
  }
}
