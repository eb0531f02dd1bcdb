package io.mimamori.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.shelterops.ShelterEvent;
import io.mimamori.layers.shelterops.ShelterOpsStore;
import io.mimamori.layers.shelterops.Stay;
import io.mimamori.layers.shelterops.Transfer;
import io.mimamori.layers.shelterops.TransferStore;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Principal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Transfers to welfare shelters after triage (Kumamoto): the shelter where the party is asks
 * ({@code POST /api/transfers} with the stay, the welfare shelter and the reason), the welfare
 * shelter accepts or refuses ({@code POST /api/transfers/{id}/accept}, {@code /refuse} with a
 * note), and either end records the arrival ({@code POST /api/transfers/{id}/moved}). Listed with
 * {@code GET /api/transfers?shelter=&status=} (audited: the reason is about a person's health;
 * shelter staff see those of their own shelters). Shelter staff act for their own shelter's end only.
 */
public final class TransferRoutes {

  private static final Set<String> STATUSES = Set.of("requested", "accepted", "refused", "moved");

  private final TransferStore transfers;
  private final ShelterOpsStore shelters;
  private final AuditLog audit;

  public TransferRoutes(TransferStore transfers, ShelterOpsStore shelters, AuditLog audit) {
    this.transfers = transfers;
    this.shelters = shelters;
    this.audit = audit;
  }

  public void register(Javalin app) {
    app.post("/api/transfers", this::request);
    app.get("/api/transfers", this::list);
    app.post("/api/transfers/{id}/accept", ctx -> decide(ctx, true));
    app.post("/api/transfers/{id}/refuse", ctx -> decide(ctx, false));
    app.post("/api/transfers/{id}/moved", this::moved);
  }

  private void request(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    JsonNode body = JsonFields.body(ctx);
    long stayId = JsonFields.id(body, "from_stay_id", "from_stay_id");
    long to = JsonFields.id(body, "to_shelter_id", "to_shelter_id");
    JsonNode reason = body.get("reason");
    if (reason == null || !reason.isTextual()) {
      throw new BadRequest("reason", "reason (the triage finding) is required, 1 to 500 characters");
    }
    Stay stay = shelters.findStay(stayId).orElseThrow(() -> new BadRequest("from_stay_id", "No stay " + stayId));
    ShelterScope.require(p, stay.shelterId());
    ShelterEvent e = transfers.request(stayId, to, reason.asText(), p.account().id());
    audit(ctx, p, "create", stay.residentId());
    ctx.status(201).json(ShelterOpsRoutes.event(e));
  }

  private void decide(Context ctx, boolean accept) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    Transfer t = find(ctx);
    ShelterScope.require(p, t.toShelterId());
    JsonNode body = JsonFields.body(ctx);
    JsonNode note = body.get("note");
    if (note != null && !note.isNull() && !note.isTextual()) {
      throw new BadRequest("note", "note is text");
    }
    ShelterEvent e = transfers.decide(t.id(), accept, note == null || note.isNull() ? null : note.asText(), p.account().id());
    audit(ctx, p, "update", t.residentId());
    ctx.json(ShelterOpsRoutes.event(e));
  }

  private void moved(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    Transfer t = find(ctx);
    ShelterScope.requireEither(p, t.fromShelterId(), t.toShelterId());
    ShelterEvent e = transfers.moved(t.id(), p.account().id());
    audit(ctx, p, "update", t.residentId());
    ctx.json(ShelterOpsRoutes.event(e));
  }

  private void list(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    String rawShelter = ctx.queryParam("shelter");
    Long shelter = null;
    if (rawShelter != null && !rawShelter.isBlank()) {
      try {
        shelter = Long.parseLong(rawShelter.trim());
      } catch (NumberFormatException e) {
        throw new BadRequest("shelter", "shelter is a shelter id (a whole number)");
      }
    }
    // shelter staff see the transfers of their own shelters
    java.util.Collection<Long> shelters = shelter == null ? ShelterScope.shelters(p).orElse(null) : List.of(shelter);
    if (shelter != null) {
      ShelterScope.require(p, shelter);
    }
    String status = ctx.queryParam("status");
    if (status != null && !STATUSES.contains(status)) {
      throw new BadRequest("status", "status is requested, accepted, refused or moved");
    }
    int limit = JsonFields.integerParam(ctx, "limit", 100, 1, 1000);
    List<Transfer> list = transfers.list(shelters, status, limit);
    List<Long> residents = list.stream().map(Transfer::residentId).filter(Objects::nonNull).distinct().toList();
    if (!residents.isEmpty()) {
      audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), "read",
          "shelter_transfers", "resident", residents, ctx.ip())));
    }
    ctx.json(list.stream().map(TransferRoutes::describe).toList());
  }

  private Transfer find(Context ctx) throws SQLException {
    long id = JsonFields.pathId(ctx, "id");
    return transfers.find(id).orElseThrow(() -> new NotFoundResponse("No transfer " + id));
  }

  private static Map<String, Object> describe(Transfer t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("emergency_id", t.emergencyId());
    m.put("status", t.status());
    m.put("from_shelter_id", t.fromShelterId());
    m.put("from_stay_id", t.fromStayId());
    m.put("to_shelter_id", t.toShelterId());
    m.put("resident_id", t.residentId());
    m.put("persons", t.persons());
    m.put("family_members", t.familyMembers());
    m.put("reason", t.reason());
    m.put("requested_at", t.requestedAt().toString());
    m.put("decided_at", t.decidedAt() == null ? null : t.decidedAt().toString());
    m.put("decision_note", t.decisionNote());
    m.put("moved_at", t.movedAt() == null ? null : t.movedAt().toString());
    m.put("to_stay_id", t.toStayId());
    return m;
  }

  private void audit(Context ctx, Principal p, String action, Long resident) throws SQLException {
    if (resident == null) {
      return;
    }
    audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), action,
        "shelter_transfers", "resident", List.of(resident), ctx.ip())));
  }
}
