package io.mimamori.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.disclosure.Disclosure;
import io.mimamori.layers.disclosure.Field;
import io.mimamori.layers.disclosure.Viewer;
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
import io.mimamori.server.auth.Disclosures;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planner's register: {@code GET /api/residents} (the ranked list with filters and keyset
 * paging), {@code GET /api/residents.csv} (the same selection as CSV, up to 10,000 rows),
 * {@code GET /api/residents.geojson} (the selection's homes as points, for the planner's map) and
 * {@code GET /api/residents/{id}} (register entry, plan, consent, the score with its reasons and
 * the plan's failed checks). {@link AccessRules} admits admin, HQ and planner roles; the
 * disclosure policy decides whom each caller sees (a district planner their district, HQ nobody
 * who refused unless an emergency covers them) and which fields: the lists are made over the
 * visible residents in SQL, and every row, CSV cell and map point goes through the resident's
 * {@link Disclosure}. Every answer is audited with the ids it carried, before it is sent.
 */
public final class RegisterRoutes {

  static final int CSV_LIMIT = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PriorityStore priorities;
  private final PlanCheckStore checks;
  private final RegisterStore register;
  private final Disclosures disclosures;

  public RegisterRoutes(PriorityStore priorities, PlanCheckStore checks, RegisterStore register, Disclosures disclosures) {
    this.priorities = priorities;
    this.checks = checks;
    this.register = register;
    this.disclosures = disclosures;
  }

  public void register(Javalin app) {
    app.get("/api/residents", this::list);
    app.get("/api/residents.csv", this::csv);
    app.get("/api/residents.geojson", this::geoJson);
    app.get("/api/residents/{id}", this::detail);
  }

  private void list(Context ctx) throws SQLException {
    Viewer viewer = Disclosures.viewer(ctx);
    RankedQuery q = query(ctx, bounded(ctx.queryParam("limit"), "limit", 50, 1, 500));
    List<RankedResident> page = priorities.rank(q, viewer);
    Selection sel = select(viewer, page);
    disclosures.record(ctx, viewer, "read", "planning", sel.decisions().values());
    List<Map<String, Object>> items = new ArrayList<>();
    for (RankedResident r : sel.rows()) {
      RegisterStore.Summary s = sel.names().get(r.residentId());
      Disclosure d = sel.decisions().get(r.residentId());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.residentId());
      if (d.allows(Field.NAME)) {
        m.put("name", s == null ? null : s.familyName() + " " + s.givenName());
      }
      if (d.allows(Field.AGE)) {
        m.put("age", s == null ? null : s.age());
      }
      if (d.allows(Field.DISTRICT)) {
        m.put("district", s == null ? null : s.district());
      }
      if (d.allows(Field.PRIORITY)) {
        m.put("score", r.score());
        m.put("band", r.band());
        m.put("reasons", r.factors().stream().map(RegisterRoutes::reason).toList());
        m.put("hazard_types", r.hazardTypes());
      }
      if (d.allows(Field.PLAN_STATUS)) {
        m.put("plan_status", r.planStatus());
      }
      if (d.allows(Field.PLAN_CHECKS)) {
        m.put("failed_checks", r.failedChecks());
      }
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

  /** The CSV: one row per visible resident; a cell whose field the disclosure does not allow is left empty. */
  private void csv(Context ctx) throws SQLException {
    Viewer viewer = Disclosures.viewer(ctx);
    RankedQuery q = query(ctx, CSV_LIMIT);
    Selection sel = select(viewer, priorities.rank(q, viewer));
    disclosures.record(ctx, viewer, "export", "planning", sel.decisions().values());
    StringBuilder out = new StringBuilder("\uFEFFid,氏名,年齢,地区,点数,区分,理由,計画の状況,災害,要確認\r\n");
    for (RankedResident r : sel.rows()) {
      RegisterStore.Summary s = sel.names().get(r.residentId());
      Disclosure d = sel.decisions().get(r.residentId());
      boolean priority = d.allows(Field.PRIORITY);
      out.append(r.residentId()).append(',')
          .append(Csv.field(s == null || !d.allows(Field.NAME) ? "" : s.familyName() + " " + s.givenName())).append(',')
          .append(s == null || !d.allows(Field.AGE) ? "" : s.age()).append(',')
          .append(Csv.field(s == null || s.district() == null || !d.allows(Field.DISTRICT) ? "" : s.district())).append(',')
          .append(priority ? r.score() : "").append(',').append(priority ? r.band() : "").append(',')
          .append(Csv.field(!priority ? "" : String.join(" / ", r.factors().stream()
              .map(k -> PriorityFactor.fromKey(k).map(PriorityFactor::japanese).orElse(k)).toList()))).append(',')
          .append(d.allows(Field.PLAN_STATUS) ? r.planStatus() : "").append(',')
          .append(Csv.field(priority ? String.join(" ", r.hazardTypes()) : "")).append(',')
          .append(Csv.field(d.allows(Field.PLAN_CHECKS) ? String.join(" ", r.failedChecks()) : "")).append("\r\n");
    }
    ctx.header("Content-Disposition", "attachment; filename=\"residents.csv\"");
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/csv; charset=utf-8").result(out.toString());
  }

  /**
   * The selection's homes as GeoJSON points (id, band, score, name, plan status, each as the
   * disclosure allows) for the planner's map; up to 10,000. Residents whose home point is not
   * disclosed are left out.
   */
  private void geoJson(Context ctx) throws SQLException {
    Viewer viewer = Disclosures.viewer(ctx);
    Selection sel = select(viewer, priorities.rank(query(ctx, CSV_LIMIT), viewer));
    List<Disclosure> placed = sel.rows().stream().map(r -> sel.decisions().get(r.residentId()))
        .filter(d -> d.allows(Field.LOCATION) && sel.names().containsKey(d.residentId())).toList();
    disclosures.record(ctx, viewer, "read", "planning", placed);
    StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    int n = 0;
    for (RankedResident r : sel.rows()) {
      RegisterStore.Summary s = sel.names().get(r.residentId());
      Disclosure d = sel.decisions().get(r.residentId());
      if (s == null || !d.allows(Field.LOCATION)) {
        continue;
      }
      List<String> props = new ArrayList<>();
      if (d.allows(Field.PRIORITY)) {
        props.add("\"band\":" + Json.string(r.band()));
        props.add("\"score\":" + r.score());
      }
      if (d.allows(Field.NAME)) {
        props.add("\"name\":" + Json.string(s.familyName() + " " + s.givenName()));
      }
      if (d.allows(Field.PLAN_STATUS)) {
        props.add("\"plan_status\":" + Json.string(r.planStatus()));
      }
      b.append(n++ == 0 ? "" : ",").append("{\"type\":\"Feature\",\"id\":").append(r.residentId())
          .append(",\"geometry\":{\"type\":\"Point\",\"coordinates\":[").append(s.lon()).append(',').append(s.lat())
          .append("]},\"properties\":{").append(String.join(",", props)).append("}}");
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/geo+json; charset=utf-8").result(b.append("]}").toString());
  }

  /** One resident: the masked register entry, and the priority and plan checks when the disclosure allows them. */
  private void detail(Context ctx) throws SQLException {
    Viewer viewer = Disclosures.viewer(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new BadRequest("id", "a resident id is a whole number");
    }
    PriorityProfile profile = profile(ctx);
    String detail = register.detailJson(id).orElseThrow(() -> new NotFoundResponse("No resident " + id));
    Disclosure d = disclosures.require(viewer, id);
    disclosures.record(ctx, viewer, "read", "planning", List.of(d));
    String resident;
    try {
      resident = JSON.writeValueAsString(ResidentMask.apply(JSON.readTree(detail), d));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the register store sent JSON that does not parse", e);
    }
    Optional<PriorityScore> score = d.allows(Field.PRIORITY) ? priorities.find(id, profile) : Optional.empty();
    List<PlanCheckFailure> failures = d.allows(Field.PLAN_CHECKS) ? checks.failuresOf(id) : List.of();
    StringBuilder body = new StringBuilder("{\"resident\":").append(resident);
    if (d.allows(Field.PRIORITY)) {
      body.append(",\"priority\":").append(score.map(RegisterRoutes::scoreJson).orElse("null"));
    }
    if (d.allows(Field.PLAN_CHECKS)) {
      body.append(",\"plan_checks\":[");
      for (int i = 0; i < failures.size(); i++) {
        PlanCheckFailure f = failures.get(i);
        body.append(i == 0 ? "" : ",").append("{\"check\":").append(Json.string(f.check().key()))
            .append(",\"detail\":").append(f.detail() == null ? "null" : Json.string(f.detail()))
            .append(",\"reason_ja\":").append(Json.string(f.reasonJa()))
            .append(",\"reason_en\":").append(Json.string(f.reasonEn())).append('}');
      }
      body.append(']');
    }
    body.append('}');
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

  /** The page's rows with their decisions and names; a row the decisions lack (changed since the list) is dropped. */
  private record Selection(List<RankedResident> rows, Map<Long, Disclosure> decisions,
      Map<Long, RegisterStore.Summary> names) {}

  private Selection select(Viewer viewer, List<RankedResident> ranked) throws SQLException {
    Map<Long, Disclosure> decisions = disclosures.decide(viewer, ranked.stream().map(RankedResident::residentId).toList());
    List<RankedResident> rows = ranked.stream().filter(r -> decisions.containsKey(r.residentId())).toList();
    return new Selection(rows, decisions, register.summaries(rows.stream().map(RankedResident::residentId).toList()));
  }

  /** The filters; whom the caller may see at all (their district, ...) is the disclosure policy's, not a filter. */
  private RankedQuery query(Context ctx, int limit) {
    PriorityProfile profile = profile(ctx);
    Optional<Integer> district = Optional.empty();
    if (ctx.queryParam("district") != null) {
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
