package io.mimamori.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.register.ResidentNeeds;
import io.mimamori.layers.register.ResidentNeedsStore;
import io.mimamori.layers.shelter.DestinationShelterStore;
import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.shelter.DestinationFinder;
import io.mimamori.routing.shelter.PreAssigner;
import io.mimamori.routing.shelter.PreAssignment;
import io.mimamori.routing.shelter.Resident;
import io.mimamori.routing.shelter.ResidentDestinations;
import io.mimamori.routing.shelter.ShelterSite;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Principal;
import io.mimamori.server.jobs.Job;
import io.mimamori.server.jobs.JobRegistry;
import io.mimamori.server.routing.RoadGraphService;
import io.mimamori.server.routing.ShelterSites;
import io.mimamori.server.routing.SupportNeeds;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where residents should go, on the road graph with the roads blocked now:
 *
 * <ul>
 *   <li>{@code GET /api/residents/{id}/destinations?count=3&profile=}: the best shelters for one
 *       resident by travel time on their own profile (or the one asked), allowed by their needs,
 *       the hazards at their home and the places left, each with its reasons, and the nearer
 *       shelters passed over with why;
 *   <li>{@code POST /api/preassignments} ({@code {"max_minutes": 60}}, optional): the welfare
 *       shelter pre-assignment of every resident who needs a welfare or child welfare shelter,
 *       started as a job (202 with the job; {@code Location} names it);
 *   <li>{@code GET /api/preassignments/{id}}: the job's state and progress, and its result once
 *       finished: placements with reasons, who could not be placed and why, how full each
 *       shelter is;
 *   <li>{@code POST /api/preassignments/{id}/cancel}: stops it; it ends cancelled.
 * </ul>
 *
 * Register readers only (AccessRules); a district-scoped planner gets destinations in their
 * district and no pre-assignment (it covers the whole town). Every answer naming residents is
 * audited before it is sent.
 */
public final class DestinationRoutes {

  static final String KIND = "preassignment";

  private final RoadGraphService graphs;
  private final ResidentNeedsStore residents;
  private final DestinationShelterStore shelters;
  private final AuditLog audit;
  private final JobRegistry jobs;

  public DestinationRoutes(RoadGraphService graphs, ResidentNeedsStore residents, DestinationShelterStore shelters,
      AuditLog audit, JobRegistry jobs) {
    this.graphs = graphs;
    this.residents = residents;
    this.shelters = shelters;
    this.audit = audit;
    this.jobs = jobs;
  }

  public void register(Javalin app) {
    app.get("/api/residents/{id}/destinations", this::destinations);
    app.post("/api/preassignments", this::start);
    app.get("/api/preassignments/{id}", this::get);
    app.post("/api/preassignments/{id}/cancel", this::cancel);
  }

  private void destinations(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long id = JsonFields.pathId(ctx, "id");
    int count = JsonFields.integerParam(ctx, "count", 3, 1, 10);
    String profileParam = ctx.queryParam("profile");
    TravelProfile asked = profileParam == null || profileParam.isBlank() ? null : JsonFields.profile(profileParam, "profile");
    HazardAwareRouter router = RoutingGate.router(ctx, graphs);
    ResidentNeeds needs = residents.find(id).orElseThrow(() -> new NotFoundResponse("No resident " + id + " on the register"));
    Optional<Integer> district = ReaderScope.district(p);
    if (district.isPresent() && !district.get().equals(needs.districtId())) {
      throw new ForbiddenResponse("This resident is outside your district.");
    }
    Resident r = asked == null ? SupportNeeds.resident(needs, LocalDate.now())
        : SupportNeeds.resident(needs, asked, LocalDate.now());
    List<ShelterSite> sites = ShelterSites.of(shelters.list());
    ResidentDestinations d = new DestinationFinder(router).find(List.of(r), sites, count, ProgressListener.none(),
        () -> false).get(0);
    audit(ctx, p, "read", "planning", List.of(id));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("resident_id", id);
    out.put("profile", r.profile().code());
    out.put("needs_welfare_shelter", SupportNeeds.needsWelfareShelter(needs));
    out.put("home_hazards", needs.homeHazards().stream().sorted().toList());
    out.putAll(ShelterJson.destinations(d));
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  private void start(Context ctx) {
    Principal p = AuthRoutes.require(ctx);
    if (ReaderScope.district(p).isPresent()) {
      throw new ForbiddenResponse("The pre-assignment covers the whole town; a district planner cannot start it.");
    }
    JsonNode body = JsonFields.body(ctx);
    int maxMinutes = JsonFields.integer(body, "max_minutes", "max_minutes", 1, 600, 0);
    double maxSeconds = maxMinutes == 0 ? Double.POSITIVE_INFINITY : maxMinutes * 60.0;
    HazardAwareRouter router = RoutingGate.router(ctx, graphs);
    Job<PreAssignment> job;
    try {
      job = jobs.start(KIND, p.account().id(), control -> {
        control.progress("reading the register and shelters", 0);
        LocalDate today = LocalDate.now();
        List<Resident> who = new ArrayList<>();
        for (ResidentNeeds n : residents.listAll()) {
          if (SupportNeeds.needsWelfarePlacement(n)) {
            who.add(SupportNeeds.resident(n, today));
          }
        }
        List<ShelterSite> sites = ShelterSites.of(shelters.list());
        if (control.stopRequested()) {
          throw new java.util.concurrent.CancellationException("cancelled before the travel times");
        }
        return new PreAssigner(router).assign(who, sites, maxSeconds, control::progress, control::stopRequested);
      });
    } catch (JobRegistry.TooManyJobs e) {
      throw new HttpResponseException(429, e.getMessage());
    }
    ctx.header("Location", "/api/preassignments/" + job.id());
    ctx.status(202).json(JobJson.describe(job));
  }

  private void get(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    Job<PreAssignment> job = find(ctx, p);
    Map<String, Object> out = new LinkedHashMap<>(JobJson.describe(job));
    Optional<PreAssignment> result = job.result();
    if (result.isPresent()) {
      List<Long> ids = new ArrayList<>();
      result.get().placements().forEach(x -> ids.add(Long.parseLong(x.residentId())));
      result.get().unplaced().forEach(x -> ids.add(Long.parseLong(x.residentId())));
      audit(ctx, p, "read", "planning", ids);
      out.put("result", ShelterJson.preAssignment(result.get()));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  private void cancel(Context ctx) {
    Principal p = AuthRoutes.require(ctx);
    Job<PreAssignment> job = find(ctx, p);
    job.stop();
    ctx.status(job.state().ended() ? 200 : 202).json(JobJson.describe(job));
  }

  private Job<PreAssignment> find(Context ctx, Principal p) {
    if (ReaderScope.district(p).isPresent()) {
      throw new ForbiddenResponse("The pre-assignment covers the whole town; a district planner cannot read it.");
    }
    String id = ctx.pathParam("id");
    return jobs.<PreAssignment>find(id, KIND).orElseThrow(() -> new NotFoundResponse(
        "No pre-assignment job " + id.replaceAll("[^0-9a-f]", "") + " (finished jobs are kept for a while, then forgotten)"));
  }

  private void audit(Context ctx, Principal p, String action, String purpose, List<Long> ids) throws SQLException {
    audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), action, purpose,
        "resident", ids, ctx.ip())));
  }
}
