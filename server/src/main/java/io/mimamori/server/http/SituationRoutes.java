package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.emergency.CheckStatus;
import io.mimamori.layers.emergency.EmergencyLevel;
import io.mimamori.layers.emergency.EmergencyStore;
import io.mimamori.layers.emergency.SafetyCheckStore;
import io.mimamori.layers.situation.Escalation;
import io.mimamori.layers.situation.ShelterSummary;
import io.mimamori.layers.situation.SituationStore;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Principal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the HQ's wall shows in numbers: {@code GET /api/situation?emergency=} (no personal data:
 * counts only; the emergency defaults to the newest active one) and the escalated checks of an
 * emergency, {@code GET /api/emergencies/{id}/escalations} (district, band and needs, no name or
 * address; audited). The situation carries {@code last_event_id}, read before the counts: a screen
 * then follows {@code /api/events} after it and misses nothing.
 */
public final class SituationRoutes {

  private static final int ATTENTION_LIMIT = 20;

  private final SituationStore situation;
  private final EmergencyStore emergencies;
  private final SafetyCheckStore checks;
  private final AuditLog audit;

  public SituationRoutes(SituationStore situation, EmergencyStore emergencies, SafetyCheckStore checks, AuditLog audit) {
    this.situation = situation;
    this.emergencies = emergencies;
    this.checks = checks;
    this.audit = audit;
  }

  public void register(Javalin app) {
    app.get("/api/situation", this::situation);
    app.get("/api/emergencies/{id}/escalations", this::escalations);
  }

  private void situation(Context ctx) throws SQLException {
    long lastEvent = situation.lastEventId(); // before the counts: later events reach the screen as events
    Optional<EmergencyStore.Emergency> emergency = chosen(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("last_event_id", lastEvent);
    out.put("generated_at", Instant.now().toString());
    out.put("emergency", emergency.map(SituationRoutes::emergency).orElse(null));
    Map<String, Long> bands = situation.residentsByBand();
    Map<String, Object> residents = new LinkedHashMap<>();
    residents.put("total", bands.values().stream().mapToLong(Long::longValue).sum());
    residents.put("bands", bands);
    out.put("residents", residents);
    if (emergency.isPresent()) {
      long id = emergency.get().id();
      Map<String, Long> byStatus = new LinkedHashMap<>();
      for (CheckStatus s : CheckStatus.values()) {
        byStatus.put(s.code(), 0L);
      }
      byStatus.putAll(checks.counts(id));
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("total", byStatus.values().stream().mapToLong(Long::longValue).sum());
      c.put("by_status", byStatus);
      c.put("escalated", situation.escalationCount(id));
      out.put("checks", c);
    } else {
      out.put("checks", null);
    }
    ShelterSummary s = situation.shelters();
    Map<String, Object> shelters = new LinkedHashMap<>();
    shelters.put("open", s.open());
    shelters.put("near_full", s.nearFull());
    shelters.put("full", s.full());
    shelters.put("occupied", s.occupied());
    shelters.put("capacity_known", s.capacityKnown());
    shelters.put("transfers_requested", s.transfersRequested());
    shelters.put("transfers_accepted", s.transfersAccepted());
    shelters.put("attention", situation.sheltersNeedingAttention(ATTENTION_LIMIT).stream().map(a -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("shelter_id", a.shelterId());
      m.put("name", a.name());
      m.put("kind", a.kind());
      m.put("occupied", a.occupied());
      m.put("capacity_persons", a.capacity());
      m.put("level", a.level());
      return m;
    }).toList());
    out.put("shelters", shelters);
    ctx.json(out);
  }

  private void escalations(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long id = JsonFields.pathId(ctx, "id");
    if (emergencies.find(id).isEmpty()) {
      throw new NotFoundResponse("No emergency " + id);
    }
    int limit = JsonFields.integerParam(ctx, "limit", 50, 1, 500);
    List<Escalation> list = situation.escalations(id, limit);
    if (!list.isEmpty()) {
      audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), "read",
          "hq_escalations", "resident", list.stream().map(Escalation::residentId).toList(), ctx.ip())));
    }
    ctx.json(list.stream().map(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("check_id", e.checkId());
      m.put("status", e.status());
      m.put("reported_at", e.reportedAt() == null ? null : e.reportedAt().toString());
      m.put("district", e.district());
      m.put("band", e.band());
      m.put("priority_score", e.priorityScore());
      m.put("needs", e.needs());
      return m;
    }).toList());
  }

  /** {@code ?emergency=ID}, else the newest active emergency, else none. */
  private Optional<EmergencyStore.Emergency> chosen(Context ctx) throws SQLException {
    String raw = ctx.queryParam("emergency");
    if (raw == null || raw.isBlank()) {
      return emergencies.list(false).stream().findFirst();
    }
    long id;
    try {
      id = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new BadRequest("emergency", "emergency is an emergency id (a whole number)");
    }
    return Optional.of(emergencies.find(id).orElseThrow(() -> new NotFoundResponse("No emergency " + id)));
  }

  private static Map<String, Object> emergency(EmergencyStore.Emergency e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("level", e.level());
    EmergencyLevel.fromCode(e.level()).ifPresent(l -> {
      m.put("level_ja", l.japanese());
      m.put("level_en", l.english());
    });
    m.put("hazard_types", e.hazardTypes());
    m.put("declared_at", e.declaredAt().toString());
    m.put("ended_at", e.endedAt() == null ? null : e.endedAt().toString());
    return m;
  }
}
