package io.mimamori.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.plancheck.PlanCheckFailure;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityFactor;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityScore;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.layers.priority.RankedQuery;
import io.mimamori.layers.priority.RankedResident;
import io.mimamori.layers.register.RegisterStore;
import io.mimamori.server.auth.AccessRules;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Principal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The planner's register: {@code GET /api/residents} (the ranked list with filters and keyset
 * paging), {@code GET /api/residents.csv} (the same selection as CSV, up to 10,000 rows),
 * {@code GET /api/residents.geojson} (the selection's homes as points, for the planner's map) and
 * {@code GET /api/residents/{id}} (register entry, plan, consent, the score with its reasons and
 * the plan's failed checks). {@link AccessRules} admits admin, HQ and planner roles; a
 * district-scoped planner sees only that district; every answer is audited with the ids it
 * carried, before it is sent.
 */
public final class RegisterRoutes {

  private static final Set<Role> READERS = AccessRules.REGISTER_READERS;
  static final int CSV_LIMIT = 10_000;

  private final PriorityStore priorities;
  private final PlanCheckStore checks;
  private final RegisterStore register;
  private final AuditLog audit;

  public RegisterRoutes(PriorityStore priorities, PlanCheckStore checks, RegisterStore register, AuditLog audit) {
    this.priorities = priorities;
    this.checks = checks;
    this.register = register;
    this.audit = audit;
  }

  public void register(Javalin app) {
    app.get("/api/residents", this::list);
    app.get("/api/residents.csv", this::csv);
    app.get("/api/residents.geojson", this::geoJson);
    app.get("/api/residents/{id}", this::detail);
  }

  private void list(Context ctx) throws SQLException {
    Principal p = reader(ctx);
    RankedQuery q = query(ctx, p, bounded(ctx.queryParam("limit"), "limit", 50, 1, 500));
    List<RankedResident> page = priorities.rank(q);
    List<Long> ids = page.stream().map(RankedResident::residentId).toList();
    Map<Long, RegisterStore.Summary> names = register.summaries(ids);
    audit(ctx, p, "read", "planning", ids);
    List<Map<String, Object>> items = new ArrayList<>();
    for (RankedResident r : page) {
      RegisterStore.Summary s = names.get(r.residentId());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.residentId());
      m.put("name", s == null ? null : s.familyName() + " " + s.givenName());
      m.put("age", s == null ? null : s.age());
      m.put("district", s == null ? null : s.district());
      m.put("score", r.score());
      m.put("band", r.band());
      m.put("reasons", r.factors().stream().map(RegisterRoutes::reason).toList());
      m.put("plan_status", r.planStatus());
      m.put("hazard_types", r.hazardTypes());
      m.put("failed_checks", r.failedChecks());
      items.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("profile", q.profile().id());
    body.put("items", items);
    if (page.size() == q.limit()) {
      RankedResident last = page.get(page.size() - 1);
      body.put("next", Map.of("after_score", last.score(), "after_id", last.residentId()));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(body);
  }

  private void csv(Context ctx) throws SQLException {
    Principal p = reader(ctx);
    RankedQuery q = query(ctx, p, CSV_LIMIT);
    List<RankedResident> rows = priorities.rank(q);
    List<Long> ids = rows.stream().map(RankedResident::residentId).toList();
    Map<Long, RegisterStore.Summary> names = register.summaries(ids);
    audit(ctx, p, "export", "planning", ids);
    StringBuilder out = new StringBuilder("\uFEFFid,氏名,年齢,地区,点数,区分,理由,計画の状況,災害,要確認\r\n");
    for (RankedResident r : rows) {
      RegisterStore.Summary s = names.get(r.residentId());
      out.append(r.residentId()).append(',')
          .append(Csv.field(s == null ? "" : s.familyName() + " " + s.givenName())).append(',')
          .append(s == null ? "" : s.age()).append(',')
          .append(Csv.field(s == null || s.district() == null ? "" : s.district())).append(',')
          .append(r.score()).append(',').append(r.band()).append(',')
          .append(Csv.field(String.join(" / ", r.factors().stream()
              .map(k -> PriorityFactor.fromKey(k).map(PriorityFactor::japanese).orElse(k)).toList()))).append(',')
          .append(r.planStatus()).append(',')
          .append(Csv.field(String.join(" ", r.hazardTypes()))).append(',')
          .append(Csv.field(String.join(" ", r.failedChecks()))).append("\r\n");
    }
    ctx.header("Content-Disposition", "attachment; filename=\"residents.csv\"");
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/csv; charset=utf-8").result(out.toString());
  }

  /** The selection's homes as GeoJSON points (id, band, score, name) for the planner's map; up to 10,000. */
  private void geoJson(Context ctx) throws SQLException {
    Principal p = reader(ctx);
    List<RankedResident> rows = priorities.rank(query(ctx, p, CSV_LIMIT));
    List<Long> ids = rows.stream().map(RankedResident::residentId).toList();
    Map<Long, RegisterStore.Summary> names = register.summaries(ids);
    audit(ctx, p, "read", "planning", ids);
    StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    int n = 0;
    for (RankedResident r : rows) {
      RegisterStore.Summary s = names.get(r.residentId());
      if (s == null) {
        continue;
      }
      b.append(n++ == 0 ? "" : ",").append("{\"type\":\"Feature\",\"id\":").append(r.residentId())
          .append(",\"geometry\":{\"type\":\"Point\",\"coordinates\":[").append(s.lon()).append(',').append(s.lat())
          .append("]},\"properties\":{\"band\":").append(Json.string(r.band())).append(",\"score\":").append(r.score())
          .append(",\"name\":").append(Json.string(s.familyName() + " " + s.givenName()))
          .append(",\"plan_status\":").append(Json.string(r.planStatus())).append("}}");
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/geo+json; charset=utf-8").result(b.append("]}").toString());
  }

  private void detail(Context ctx) throws SQLException {
    Principal p = reader(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new BadRequest("id", "a resident id is a whole number");
    }
    PriorityProfile profile = profile(ctx);
    String detail = register.detailJson(id).orElseThrow(() -> new NotFoundResponse("No resident " + id));
    Optional<Integer> district = scopedDistrict(p);
    if (district.isPresent() && !register.districtOf(id).equals(district)) {
      throw new ForbiddenResponse("This resident is outside your district.");
    }
    audit(ctx, p, "read", "planning", List.of(id));
    Optional<PriorityScore> score = priorities.find(id, profile);
    List<PlanCheckFailure> failures = checks.failuresOf(id);
    StringBuilder body = new StringBuilder("{\"resident\":").append(detail);
    body.append(",\"priority\":").append(score.map(RegisterRoutes::scoreJson).orElse("null"));
    body.append(",\"plan_checks\":[");
    for (int i = 0; i < failures.size(); i++) {
      PlanCheckFailure f = failures.get(i);
      body.append(i == 0 ? "" : ",").append("{\"check\":").append(Json.string(f.check().key()))
          .append(",\"detail\":").append(f.detail() == null ? "null" : Json.string(f.detail()))
          .append(",\"reason_ja\":").append(Json.string(f.reasonJa()))
          .append(",\"reason_en\":").append(Json.string(f.reasonEn())).append('}');
    }
    body.append("]}");
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json; charset=utf-8").result(body.toString());
  }

  private static String scoreJson(PriorityScore s) {
    StringBuilder b = new StringBuilder("{\"profile\":").append(Json.string(s.profile()))
        .append(",\"profile_version\":").append(s.profileVersion())
        .append(",\"score\":").append(s.score()).append(",\"band\":").append(Json.string(s.band()))
        .append(",\"home_hazards\":{");
    int i = 0;
    for (var e : s.homeHazards().entrySet()) {
      b.append(i++ == 0 ? "" : ",").append(Json.string(e.getKey())).append(':').append(e.getValue());
    }
    b.append("},\"reasons\":[");
    for (int j = 0; j < s.contributions().size(); j++) {
      PriorityScore.Contribution c = s.contributions().get(j);
      b.append(j == 0 ? "" : ",").append("{\"factor\":").append(Json.string(c.factor().key()))
          .append(",\"points\":").append(c.points())
          .append(",\"ja\":").append(Json.string(c.factor().japanese()))
          .append(",\"en\":").append(Json.string(c.factor().english())).append('}');
    }
    return b.append("]}").toString();
  }

  private static Map<String, Object> reason(String key) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("factor", key);
    PriorityFactor.fromKey(key).ifPresent(f -> {
      m.put("ja", f.japanese());
      m.put("en", f.english());
    });
    return m;
  }

  private RankedQuery query(Context ctx, Principal p, int limit) {
    PriorityProfile profile = profile(ctx);
    Optional<Integer> district = scopedDistrict(p);
    if (district.isEmpty() && ctx.queryParam("district") != null) {
      district = Optional.of(bounded(ctx.queryParam("district"), "district", 0, 1, Integer.MAX_VALUE));
    }
    Optional<PriorityFactor> factor = Optional.ofNullable(ctx.queryParam("factor")).map(k ->
        PriorityFactor.fromKey(k).orElseThrow(() -> new BadRequest("factor", "unknown factor")));
    Optional<RankedQuery.After> after = Optional.empty();
    if (ctx.queryParam("after_score") != null || ctx.queryParam("after_id") != null) {
      after = Optional.of(new RankedQuery.After(
          bounded(ctx.queryParam("after_score"), "after_score", 0, 0, 100_000),
          bounded(ctx.queryParam("after_id"), "after_id", 0, 0, Integer.MAX_VALUE)));
    }
    Optional<String> check = Optional.ofNullable(ctx.queryParam("check"));
    check.ifPresent(k -> {
      if (io.mimamori.layers.plancheck.PlanCheck.fromKey(k).isEmpty()) {
        throw new BadRequest("check", "unknown plan check");
      }
    });
    try {
      return new RankedQuery(profile, district, Optional.ofNullable(ctx.queryParam("hazard")), factor,
          Optional.ofNullable(ctx.queryParam("plan_status")), Optional.ofNullable(ctx.queryParam("band")), check, after, limit);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("filter", e.getMessage());
    }
  }

  private static PriorityProfile profile(Context ctx) {
    String id = ctx.queryParamAsClass("profile", String.class).getOrDefault("national");
    return PriorityProfile.shipped().stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new BadRequest("profile", "unknown profile; profiles: national, kobe"));
  }

  /** A planner scoped to one district sees that district only; municipality-wide roles see all. */
  private static Optional<Integer> scopedDistrict(Principal p) {
    boolean wide = p.account().roles().stream().anyMatch(g -> READERS.contains(g.role()) && g.districtId() == null);
    if (wide) {
      return Optional.empty();
    }
    return p.account().roles().stream().filter(g -> READERS.contains(g.role())).map(RoleGrant::districtId).findFirst();
  }

  /** The caller; {@link AccessRules} has already let only register readers through. */
  private static Principal reader(Context ctx) {
    return AuthRoutes.require(ctx);
  }

  private void audit(Context ctx, Principal p, String action, String purpose, List<Long> ids) throws SQLException {
    audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), action, purpose,
        "resident", ids, ctx.ip())));
  }

  private static int bounded(String raw, String name, int fallback, int min, int max) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.trim());
      if (v < min || v > max) {
        throw new BadRequest(name, name + " must be " + min + ".." + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadRequest(name, name + " must be a whole number");
    }
  }
}
