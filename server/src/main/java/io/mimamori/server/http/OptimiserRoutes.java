package io.mimamori.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.dispatch.DispatchStore;
import io.mimamori.layers.dispatch.PublishedRouteStore;
import io.mimamori.layers.register.ResidentNeedsStore;
import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.optimiser.CheckReport;
import io.mimamori.routing.optimiser.PlanEvaluator;
import io.mimamori.routing.optimiser.Solution;
import io.mimamori.routing.optimiser.SolutionChecker;
import io.mimamori.server.auth.AuthRoutes;
import io.mimamori.server.auth.Principal;
import io.mimamori.server.dispatch.DispatchPlan;
import io.mimamori.server.dispatch.DispatchPlanner;
import io.mimamori.server.dispatch.PlanPublisher;
import io.mimamori.server.dispatch.TeamRequest;
import io.mimamori.server.jobs.Job;
import io.mimamori.server.jobs.JobRegistry;
import io.mimamori.server.routing.RoadGraphService;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dispatcher's route optimiser (dispatchers, HQ and admins):
 *
 * <ul>
 *   <li>{@code GET /api/emergencies/{id}/supporters?limit=50}: persons who may be sent, living in or
 *       near the emergency's area, nearest first (audited: their names and homes are personal data);
 *   <li>{@code POST /api/optimisations}: plans routes for an emergency's open safety checks (or
 *       the checks of the residents listed) and the teams given; a job (202, {@code Location});
 *   <li>{@code GET /api/optimisations}: the runs kept, with their summaries;
 *   <li>{@code GET /api/optimisations/{id}?view=summary|full&geometry=}: progress, and the best plan
 *       so far or the result: routes in visiting order with arrival times and road geometry, and
 *       the checks left out with why;
 *   <li>{@code POST /api/optimisations/{id}/stop}: ends the run early with its best plan;
 *   <li>{@code POST /api/optimisations/{id}/moves}: moves a check to another team or position (or
 *       out of every route) and answers the effect, checked; {@code "apply": true} keeps it;
 *   <li>{@code POST /api/optimisations/{id}/replan}: plans again from where the teams are, with
 *       checks done, cancelled or added: a new run starting from these routes;
 *   <li>{@code POST /api/optimisations/{id}/publish}: writes each team's route to its supporter,
 *       assigning the checks.
 * </ul>
 *
 * Every plan handed out has passed the optimiser's independent checker; an edited one is handed
 * out with the checker's findings. Answers naming residents are audited before they are sent.
 */
public final class OptimiserRoutes {

  static final String KIND = "optimisation";

  private final RoadGraphService graphs;
  private final DispatchStore dispatch;
  private final DispatchRequests requests;
  private final PublishedRouteStore published;
  private final AuditLog audit;
  private final JobRegistry jobs;
  private final int threads;

  public OptimiserRoutes(RoadGraphService graphs, DispatchStore dispatch, ResidentNeedsStore residents,
      PublishedRouteStore published, AuditLog audit, JobRegistry jobs, int threads) {
    this.graphs = graphs;
    this.dispatch = dispatch;
    this.requests = new DispatchRequests(dispatch, residents);
    this.published = published;
    this.audit = audit;
    this.jobs = jobs;
    this.threads = threads;
  }

  public void register(Javalin app) {
    app.get("/api/emergencies/{id}/supporters", this::supporters);
    app.post("/api/optimisations", this::start);
    app.get("/api/optimisations", this::list);
    app.get("/api/optimisations/{id}", this::get);
    app.post("/api/optimisations/{id}/stop", this::stop);
    app.post("/api/optimisations/{id}/moves", this::move);
    app.post("/api/optimisations/{id}/replan", this::replan);
    app.post("/api/optimisations/{id}/publish", this::publish);
  }

  /** The supporters a dispatcher may send for an emergency: persons living in or near its area; audited. */
  private void supporters(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    long emergency = JsonFields.pathId(ctx, "id");
    int limit = JsonFields.integerParam(ctx, "limit", 50, 1, DispatchRequests.MAX_TEAMS);
    if (dispatch.emergencyActive(emergency).isEmpty()) {
      throw new NotFoundResponse("No emergency " + emergency);
    }
    List<DispatchStore.SupporterAt> near = dispatch.supportersNear(emergency, limit);
    audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), "read", "dispatch",
        "supporter", near.stream().map(DispatchStore.SupporterAt::id).toList(), ctx.ip())));
    List<Map<String, Object>> out = new ArrayList<>();
    for (DispatchStore.SupporterAt s : near) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("name", s.name());
      m.put("relation", s.relation());
      m.put("skills", s.skills());
      m.put("location", new double[] {s.lon(), s.lat()});
      out.add(m);
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  private void start(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    JsonNode body = JsonFields.body(ctx);
    long emergency = requests.activeEmergency(body);
    TravelProfile profile = DispatchRequests.profile(body);
    List<TeamRequest> teams = requests.teams(body, profile);
    DispatchRequests.Selection selection = requests.visits(body, emergency);
    List<DispatchPlanner.Visit> visits = selection.visits();
    Duration limit = Duration.ofSeconds(JsonFields.integer(body, "seconds", "seconds", 1, 600, 30));
    if (visits.isEmpty()) {
      throw new HttpResponseException(409, "Emergency " + emergency + " has no open safety checks to plan.");
    }
    HazardAwareRouter router = RoutingGate.router(ctx, graphs);
    DispatchPlanner.Draft draft = new DispatchPlanner.Draft(emergency, profile, visits, teams);
    Job<DispatchPlan> job = startJob(p, control -> DispatchPlanner.optimise(DispatchPlanner.prepare(draft, router,
        Instant.now(), DispatchPlanner.matrixProgress(control), control::stopRequested), limit, threads, control));
    Map<String, Object> out = new LinkedHashMap<>(JobJson.describe(job));
    out.put("tasks", visits.size());
    out.put("teams", teams.size());
    out.put("open_checks_not_planned", selection.notPlanned());
    ctx.header("Location", "/api/optimisations/" + job.id());
    ctx.status(202).json(out);
  }

  private void list(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Job<?> j : jobs.list()) {
      if (j.kind().equals(KIND)) {
        Map<String, Object> m = new LinkedHashMap<>(JobJson.describe(j));
        j.latest().ifPresent(plan -> m.put("plan", PlanJson.summary((DispatchPlan) plan)));
        out.add(m);
      }
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  private void get(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    Job<DispatchPlan> job = find(ctx);
    String view = ctx.queryParamAsClass("view", String.class).getOrDefault("full");
    if (!view.equals("full") && !view.equals("summary")) {
      throw new BadRequest("view", "view must be summary or full");
    }
    boolean geometry = bool(ctx, "geometry", job.state().ended());
    Map<String, Object> out = new LinkedHashMap<>(JobJson.describe(job));
    DispatchPlan plan = job.latest().orElse(null);
    if (plan != null && view.equals("full")) {
      HazardAwareRouter router = geometry ? RoutingGate.router(ctx, graphs) : null;
      audit(ctx, p, "read", "dispatch", plan.residentIds());
      out.put("plan", PlanJson.full(plan, router));
    } else if (plan != null) {
      out.put("plan", PlanJson.summary(plan));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  private void stop(Context ctx) {
    AuthRoutes.require(ctx);
    Job<DispatchPlan> job = find(ctx);
    job.stop();
    ctx.status(job.state().ended() ? 200 : 202).json(JobJson.describe(job));
  }

  private void move(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    Job<DispatchPlan> job = find(ctx);
    DispatchPlan plan = ended(job);
    JsonNode body = JsonFields.body(ctx);
    String task = Long.toString(JsonFields.id(body, "check_id", "check_id"));
    int taskIndex = indexOfTask(plan, task);
    JsonNode to = body.get("to_supporter_id");
    int team = -1;
    if (to != null && !to.isNull()) {
      String teamId = Long.toString(JsonFields.id(body, "to_supporter_id", "to_supporter_id"));
      for (int r = 0; r < plan.problem().teams().size(); r++) {
        if (plan.problem().teams().get(r).id().equals(teamId)) {
          team = r;
        }
      }
      if (team < 0) {
        throw new BadRequest("to_supporter_id", "to_supporter_id: supporter " + teamId + " is not a team of this plan");
      }
    }
    int position = JsonFields.integer(body, "position", "position", 0, 100_000, Integer.MAX_VALUE);
    boolean apply = body.path("apply").asBoolean(false);
    int targetTeam = team;
    Solution[] evaluated = new Solution[1];
    CheckReport[] report = new CheckReport[1];
    DispatchPlan[] before = {plan};
    if (apply) {
      job.editResult(current -> {
        before[0] = current;
        evaluated[0] = moved(current, taskIndex, targetTeam, position);
        report[0] = SolutionChecker.check(current.problem(), evaluated[0]);
        return report[0].valid() ? current.withSolution(evaluated[0]) : current;
      });
    } else {
      evaluated[0] = moved(plan, taskIndex, targetTeam, position);
      report[0] = SolutionChecker.check(plan.problem(), evaluated[0]);
    }
    DispatchPlan result = before[0].withSolution(evaluated[0]);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("valid", report[0].valid());
    out.put("violations", report[0].violations());
    out.put("applied", apply && report[0].valid());
    out.put("before", PlanJson.summary(before[0]));
    out.put("after", PlanJson.summary(result));
    audit(ctx, p, "read", "dispatch", result.residentIds());
    out.put("plan", PlanJson.full(result, bool(ctx, "geometry", false) ? RoutingGate.router(ctx, graphs) : null));
    ctx.status(apply && !report[0].valid() ? 409 : 200).json(out);
  }

  /** The solution with task {@code taskIndex} taken from its route and put on team {@code team} (-1: left out). */
  private static Solution moved(DispatchPlan plan, int taskIndex, int team, int position) {
    int[][] order = plan.solution().taskOrder();
    for (int r = 0; r < order.length; r++) {
      order[r] = java.util.Arrays.stream(order[r]).filter(i -> i != taskIndex).toArray();
    }
    if (team >= 0) {
      int[] route = order[team];
      int at = Math.min(position, route.length);
      int[] next = new int[route.length + 1];
      System.arraycopy(route, 0, next, 0, at);
      next[at] = taskIndex;
      System.arraycopy(route, at, next, at + 1, route.length - at);
      order[team] = next;
    }
    return PlanEvaluator.evaluate(plan.problem(), order);
  }

  private void replan(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    Job<DispatchPlan> previous = find(ctx);
    DispatchPlan plan = ended(previous);
    JsonNode body = JsonFields.body(ctx);
    long emergency = requests.requireActive(plan.input().emergencyId());
    Set<String> inPlan = new HashSet<>();
    plan.problem().tasks().forEach(t -> inPlan.add(t.id()));
    Set<String> finished = new HashSet<>();
    for (String key : List.of("done", "cancelled")) {
      for (long id : JsonFields.ids(body, key, DispatchRequests.MAX_TASKS)) {
        if (!inPlan.contains(Long.toString(id))) {
          throw new BadRequest(key, key + ": safety check " + id + " is not a task of this plan");
        }
        finished.add(Long.toString(id));
      }
    }
    List<Long> planned = inPlan.stream().map(Long::parseLong).toList();
    requests.closedNow(emergency, planned).forEach(id -> finished.add(Long.toString(id)));
    List<DispatchPlanner.Visit> added = requests.checks(body, "added", emergency);
    for (DispatchPlanner.Visit v : added) {
      if (inPlan.contains(Long.toString(v.check().checkId()))) {
        throw new BadRequest("added", "added: safety check " + v.check().checkId() + " is already in this plan");
      }
    }
    List<DispatchPlanner.TeamPosition> positions = positions(body, plan);
    int penalty = JsonFields.integer(body, "reassign_penalty_minutes", "reassign_penalty_minutes", 0, 240, 10);
    Duration limit = Duration.ofSeconds(JsonFields.integer(body, "seconds", "seconds", 1, 600, 10));
    HazardAwareRouter router = RoutingGate.router(ctx, graphs);
    DispatchPlanner.ReplanDraft draft = new DispatchPlanner.ReplanDraft(plan, finished, added, positions, penalty * 60.0);
    Job<DispatchPlan> job = startJob(p, control -> DispatchPlanner.optimise(DispatchPlanner.prepareReplan(draft, router,
        Instant.now(), DispatchPlanner.matrixProgress(control), control::stopRequested), limit, threads, control));
    Map<String, Object> out = new LinkedHashMap<>(JobJson.describe(job));
    out.put("replans", previous.id());
    out.put("finished", finished.size());
    out.put("added", added.size());
    ctx.header("Location", "/api/optimisations/" + job.id());
    ctx.status(202).json(out);
  }

  private static List<DispatchPlanner.TeamPosition> positions(JsonNode body, DispatchPlan plan) {
    JsonNode list = body.get("teams");
    List<DispatchPlanner.TeamPosition> out = new ArrayList<>();
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray() || list.size() > DispatchRequests.MAX_TEAMS) {
      throw new BadRequest("teams", "teams must be a list of where each team is");
    }
    for (int i = 0; i < list.size(); i++) {
      String f = "teams[" + i + "]";
      JsonNode t = list.get(i);
      if (!t.isObject()) {
        throw new BadRequest(f, f + " must be an object");
      }
      long supporter = JsonFields.id(t, "supporter_id", f + ".supporter_id");
      if (!plan.input().teams().containsKey(Long.toString(supporter))) {
        throw new BadRequest(f + ".supporter_id", f + ".supporter_id: supporter " + supporter + " is not a team of this plan");
      }
      out.add(new DispatchPlanner.TeamPosition(supporter, JsonFields.lonLat(t, "position", f + ".position", false),
          JsonFields.integer(t, "free_in_minutes", f + ".free_in_minutes", 0, 1440, 0)));
    }
    return out;
  }

  private void publish(Context ctx) throws SQLException {
    Principal p = AuthRoutes.require(ctx);
    Job<DispatchPlan> job = find(ctx);
    DispatchPlan plan = ended(job);
    HazardAwareRouter router = RoutingGate.router(ctx, graphs);
    List<PublishedRouteStore.PublishedRoute> routes;
    try {
      routes = PlanPublisher.publish(plan, router, published, p.account().id());
    } catch (IllegalArgumentException e) {
      throw new HttpResponseException(409, "Not published: " + e.getMessage());
    }
    List<Long> served = new ArrayList<>();
    plan.solution().routes().forEach(r -> r.visits().forEach(v -> served.add(plan.task(v.taskIndex()).residentId())));
    audit(ctx, p, "disclose", "safety_check_routes", served);
    List<Map<String, Object>> out = new ArrayList<>();
    for (PublishedRouteStore.PublishedRoute r : routes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("supporter_id", r.supporterId());
      m.put("route_id", r.id());
      m.put("revision", r.revision());
      m.put("stops", r.stops().size());
      m.put("published_at", r.publishedAt().toString());
      out.add(m);
    }
    ctx.status(201).json(Map.of("emergency_id", plan.input().emergencyId(), "published", out));
  }

  private Job<DispatchPlan> startJob(Principal p, Job.Work<DispatchPlan> work) {
    try {
      return jobs.start(KIND, p.account().id(), work);
    } catch (JobRegistry.TooManyJobs e) {
      throw new HttpResponseException(429, e.getMessage());
    }
  }

  private Job<DispatchPlan> find(Context ctx) {
    String id = ctx.pathParam("id");
    return jobs.<DispatchPlan>find(id, KIND).orElseThrow(() -> new NotFoundResponse(
        "No optimisation " + id.replaceAll("[^0-9a-f]", "") + " (finished runs are kept for a while, then forgotten)"));
  }

  /** The run's plan once it has ended with one; 409 while it runs or when it failed. */
  private static DispatchPlan ended(Job<DispatchPlan> job) {
    if (!job.state().hasResult()) {
      throw new HttpResponseException(409, "The optimisation is " + job.state().code()
          + (job.state().ended() ? "" : "; stop it or wait for it to finish") + ".");
    }
    return job.result().orElseThrow();
  }

  private static int indexOfTask(DispatchPlan plan, String taskId) {
    for (int i = 0; i < plan.problem().tasks().size(); i++) {
      if (plan.problem().tasks().get(i).id().equals(taskId)) {
        return i;
      }
    }
    throw new BadRequest("check_id", "check_id: safety check " + taskId + " is not a task of this plan");
  }

  private static boolean bool(Context ctx, String name, boolean fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    if (!raw.equals("true") && !raw.equals("false")) {
      throw new BadRequest(name, name + " must be true or false");
    }
    return raw.equals("true");
  }

  private void audit(Context ctx, Principal p, String action, String purpose, List<Long> ids) throws SQLException {
    audit.append(List.of(new AuditEntry(Instant.now(), p.account().id(), p.account().login(), action, purpose,
        "resident", ids, ctx.ip())));
  }
}
