package io.mimamori.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.register.RegisterStore;
import io.mimamori.layers.register.SupporterChoice;
import io.mimamori.layers.register.SupporterStore;
import io.mimamori.layers.register.edit.Actor;
import io.mimamori.layers.register.edit.ChangeHistoryStore;
import io.mimamori.layers.register.edit.ConsentDecisions;
import io.mimamori.layers.register.edit.EditOutcome;
import io.mimamori.layers.register.edit.EditRejected;
import io.mimamori.layers.register.edit.EditableEntities;
import io.mimamori.layers.register.edit.RegisterEditStore;
import io.mimamori.server.auth.AccessRules;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Principal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Edits of the register and plans, with optimistic locking: {@code PATCH /api/residents/{id}}
 * (register items and status), {@code PATCH /api/households/{id}}, {@code PATCH
 * /api/residents/{id}/plan} (creates the plan when {@code version} is null), {@code POST
 * /api/residents/{id}/consent} (a new decision), {@code POST /api/supporters}, {@code PATCH
 * /api/supporters/{id}}; and the reads that editing needs: {@code GET /api/supporters} (choices,
 * nearest a resident's home first) and {@code GET /api/residents/{id}/history}.
 *
 * <p>Every edit is a JSON object with the {@code version} the client read and the fields to
 * change. The answer is 200 (201 for a new supporter) with the new version and the changed fields;
 * 409 {@code version_conflict} with the record as it now is when the version is stale; 400 naming
 * the field for a bad value; 404; 403 outside a district-scoped planner's district. The change,
 * its history row, its audit entry and the fresh scores and plan checks are one transaction
 * ({@link RegisterEditStore}). Admin and planner roles write; HQ reads the history.
 */
public final class RegisterEditRoutes {

  static final String PURPOSE = "planning";
  private static final int HISTORY_LIMIT = 200;
  private static final int CHOICES_LIMIT = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegisterEditStore edits;
  private final ConsentDecisions consents;
  private final ChangeHistoryStore history;
  private final SupporterStore supporters;
  private final RegisterStore register;
  private final AuditLog audit;

  public RegisterEditRoutes(RegisterEditStore edits, ConsentDecisions consents, ChangeHistoryStore history,
      SupporterStore supporters, RegisterStore register, AuditLog audit) {
    this.edits = edits;
    this.consents = consents;
    this.history = history;
    this.supporters = supporters;
    this.register = register;
    this.audit = audit;
  }

  public void register(Javalin app) {
    app.patch("/api/residents/{id}", ctx -> {
      Body b = body(ctx, true);
      answer(ctx, edit(() -> edits.update(EditableEntities.RESIDENT, id(ctx), b.version(), b.fields(), actor(ctx))), 200);
    });
    app.patch("/api/households/{id}", ctx -> {
      Body b = body(ctx, true);
      answer(ctx, edit(() -> edits.update(EditableEntities.HOUSEHOLD, id(ctx), b.version(), b.fields(), actor(ctx))), 200);
    });
    app.patch("/api/residents/{id}/plan", ctx -> {
      Body b = body(ctx, false);
      answer(ctx, edit(() -> edits.editPlan(id(ctx), b.versionOrNull(), b.fields(), actor(ctx))), 200);
    });
    app.post("/api/residents/{id}/consent", ctx -> {
      Body b = body(ctx, true);
      answer(ctx, edit(() -> consents.record(id(ctx), b.version(), b.fields(), actor(ctx))), 201);
    });
    app.post("/api/supporters", ctx -> {
      Map<String, Object> fields = body(ctx, false).fields();
      answer(ctx, edit(() -> edits.createSupporter(fields, actor(ctx))), 201);
    });
    app.patch("/api/supporters/{id}", ctx -> {
      Body b = body(ctx, true);
      answer(ctx, edit(() -> edits.update(EditableEntities.SUPPORTER, id(ctx), b.version(), b.fields(), actor(ctx))), 200);
    });
    app.get("/api/supporters", this::choices);
    app.get("/api/residents/{id}/history", this::history);
  }

  /** An edit's JSON body: the version read (absent only where allowed) and the fields to change. */
  private record Body(Integer versionOrNull, Map<String, Object> fields) {
    int version() {
      return versionOrNull;
    }
  }

  @FunctionalInterface
  private interface Edit {
    EditOutcome run() throws SQLException;
  }

  private static EditOutcome edit(Edit e) throws SQLException {
    try {
      return e.run();
    } catch (EditRejected r) {
      throw new BadRequest(r.field(), r.getMessage());
    }
  }

  private static void answer(Context ctx, EditOutcome outcome, int createdStatus) {
    ctx.header("Cache-Control", "no-store");
    if (outcome instanceof EditOutcome.Applied a) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("entity", a.entity());
      m.put("id", a.id());
      m.put("version", a.version());
      m.put("changed", a.changed());
      ctx.status(a.changed().isEmpty() ? 200 : createdStatus).json(m);
    } else if (outcome instanceof EditOutcome.Conflict c) {
      String body = "{\"status\":409,\"error\":\"version_conflict\",\"message\":"
          + Json.string("Someone changed this " + c.entity().replace('_', ' ')
              + " after you read it; nothing was saved. Compare with the current values and try again.")
          + ",\"entity\":" + Json.string(c.entity()) + ",\"id\":" + c.id()
          + ",\"current_version\":" + c.currentVersion() + ",\"current\":" + c.currentJson() + "}";
      ctx.status(409).contentType("application/json; charset=utf-8").result(body);
    } else if (outcome instanceof EditOutcome.Missing m) {
      throw new NotFoundResponse("No " + m.entity().replace('_', ' ') + " " + m.id());
    } else if (outcome instanceof EditOutcome.OutOfScope o) {
      throw new ForbiddenResponse("This " + o.entity().replace('_', ' ') + " is outside your district.");
    }
  }

  private void choices(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    String q = ctx.queryParam("q");
    if (q != null && q.length() > 50) {
      throw new BadRequest("q", "q is at most 50 characters");
    }
    Long near = ctx.queryParam("near") == null ? null : longParam(ctx.queryParam("near"), "near");
    Optional<Integer> district = writerDistrict(p);
    if (near != null && district.isPresent() && !register.districtOf(near).equals(district)) {
      throw new ForbiddenResponse("This resident is outside your district.");
    }
    List<SupporterChoice> found = supporters.choices(q == null || q.isBlank() ? null : q.strip(), district.orElse(null),
        near, CHOICES_LIMIT);
    audit(ctx, p, "read", "supporter", found.stream().map(SupporterChoice::id).toList());
    ctx.header("Cache-Control", "no-store");
    ctx.json(found.stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("version", s.version());
      m.put("kind", s.kind());
      m.put("relation", s.relation());
      m.put("name", s.name());
      m.put("phone", s.phone());
      m.put("address", s.address());
      m.put("lon", s.lon());
      m.put("lat", s.lat());
      m.put("plans", s.plans());
      m.put("distance_m", s.distanceMetres());
      return m;
    }).toList());
  }

  private void history(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long id = id(ctx);
    if (!register.exists(id)) {
      throw new NotFoundResponse("No resident " + id);
    }
    Optional<Integer> district = readerDistrict(p);
    if (district.isPresent() && !register.districtOf(id).equals(district)) {
      throw new ForbiddenResponse("This resident is outside your district.");
    }
    audit(ctx, p, "read", "resident", List.of(id));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json; charset=utf-8")
        .result("{\"resident_id\":" + id + ",\"changes\":" + history.forResidentJson(id, HISTORY_LIMIT) + "}");
  }

  private void audit(Context ctx, Principal p, String action, String recordType, List<Long> ids) throws SQLException {
    audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), action, PURPOSE,
        recordType, ids, ctx.ip())));
  }

  private static Actor actor(Context ctx) {
    Principal p = AuthRoutes.require(ctx);
    return new Actor(p.account().id(), p.account().login(), ctx.ip(), PURPOSE, p.account().municipalityCode(),
        writerDistrict(p));
  }

  /** The district a writer is limited to: none when any of their writing grants covers the municipality. */
  static Optional<Integer> writerDistrict(Principal p) {
    return district(p, AccessRules.REGISTER_WRITERS);
  }

  private static Optional<Integer> readerDistrict(Principal p) {
    return district(p, AccessRules.REGISTER_READERS);
  }

  private static Optional<Integer> district(Principal p, Set<Role> roles) {
    List<RoleGrant> grants = p.account().roles().stream().filter(g -> roles.contains(g.role())).toList();
    if (grants.isEmpty() || grants.stream().anyMatch(g -> g.districtId() == null)) {
      return Optional.empty();
    }
    return Optional.of(grants.get(0).districtId());
  }

  /**
   * The request's JSON object: {@code version} (a whole number 0 or more; when
   * {@code versionRequired} is false it may be null or absent) and the other members as the fields.
   */
  @SuppressWarnings("unchecked")
  private static Body body(Context ctx, boolean versionRequired) {
    JsonNode node;
    try {
      node = JSON.readTree(ctx.body());
    } catch (Exception e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw new BadRequest("body", "expected a JSON object with the version you read and the fields to change");
    }
    JsonNode v = node.get("version");
    Integer version = null;
    if (v != null && !v.isNull()) {
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
        throw new BadRequest("version", "version must be the whole number you read (0 or more)");
      }
      version = v.asInt();
    } else if (versionRequired) {
      throw new BadRequest("version", "version is required: the version of the record you read");
    }
    Map<String, Object> fields = JSON.convertValue(node, LinkedHashMap.class);
    fields.remove("version");
    return new Body(version, fields);
  }

  private static long id(Context ctx) {
    return longParam(ctx.pathParam("id"), "id");
  }

  private static long longParam(String raw, String name) {
    try {
      long v = Long.parseLong(raw.trim());
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadRequest(name, name + " is an id (a whole number, 1 or more)");
    }
  }
}
