package io.mimamori.server.dispatch;

import io.mimamori.layers.dispatch.CheckToVisit;
import io.mimamori.layers.register.ResidentNeeds;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.routing.ProgressListener;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.TravelTimeMatrix;
import io.mimamori.routing.optimiser.OptimisationJob;
import io.mimamori.routing.optimiser.Replanner;
import io.mimamori.routing.optimiser.RoutingProblem;
import io.mimamori.routing.optimiser.Solution;
import io.mimamori.routing.optimiser.SolutionChecker;
import io.mimamori.routing.optimiser.SolverSettings;
import io.mimamori.routing.optimiser.Task;
import io.mimamori.routing.optimiser.Team;
import io.mimamori.routing.optimiser.TimeWindow;
import io.mimamori.server.jobs.JobControl;
import io.mimamori.server.routing.SupportNeeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Turns safety checks and teams into the optimiser's problem on the road graph, runs it, and
 * re-plans. Each check is a task at its resident's home with the check's priority score plus one
 * (so every check counts) and the visit {@link SupportNeeds} says it takes; each team leaves its
 * start at second 0 of the plan's clock and must be back at its end (if it has one) within its
 * minutes. Travel times are one road matrix over every point, on the run's profile, with the roads
 * blocked when it is computed. Inputs here are already checked by the caller.
 */
public final class DispatchPlanner {

  /** A check to visit with its resident's facts. */
  public record Visit(CheckToVisit check, ResidentNeeds resident) {}

  /** A run to make: the emergency's checks to visit and the teams, on one travel profile. */
  public record Draft(long emergencyId, TravelProfile profile, List<Visit> visits, List<TeamRequest> teams) {
    public Draft {
      visits = List.copyOf(visits);
      teams = List.copyOf(teams);
    }
  }

  /** Where a team is when re-planning: its position (null: where it set out) and when it is free, minutes from now. */
  public record TeamPosition(long supporterId, GeoPoint position, int freeInMinutes) {}

  /**
   * A re-plan of {@code previous}: tasks done or cancelled (task ids), checks added, where the teams
   * are, and the cost in seconds of giving a planned task to another team.
   */
  public record ReplanDraft(DispatchPlan previous, Set<String> finished, List<Visit> added, List<TeamPosition> teams,
      double reassignPenaltySeconds) {}

  /** A problem ready to solve, and the routes to start from (null: build from scratch). */
  public record Prepared(DispatchInput input, RoutingProblem problem, int[][] initialRoutes) {}

  private DispatchPlanner() {}

  /** The optimiser's task for a visit at location {@code location}. */
  public static Task task(Visit v, int location) {
    SupportNeeds.Visit what = SupportNeeds.visit(v.resident());
    Set<String> skills = what.skills();
    if (v.check().consentRefused()) {
      // the supporter would not see whom to visit: a refusal yields to fire brigade and police only
      skills = new java.util.TreeSet<>(skills);
      skills.add(SupportNeeds.RESCUE_SERVICE);
    }
    return new Task(Long.toString(v.check().checkId()), location, v.check().priorityScore() + 1L, what.serviceSeconds(),
        TimeWindow.ALWAYS, skills, what.peopleNeeded(), 0);
  }

  /** Lays out the points (homes, then each team's start and end), computes the matrix, builds the problem. */
  public static Prepared prepare(Draft d, HazardAwareRouter router, Instant clockStart, ProgressListener listener,
      BooleanSupplier cancelled) {
    List<GeoPoint> points = new ArrayList<>();
    Map<String, TaskRef> refs = new LinkedHashMap<>();
    List<Task> tasks = new ArrayList<>();
    for (Visit v : d.visits()) {
      int at = points.size();
      points.add(SupportNeeds.home(v.resident()));
      TaskRef ref = new TaskRef(v.check().checkId(), v.resident().id(), at);
      refs.put(ref.taskId(), ref);
      tasks.add(task(v, at));
    }
    List<Team> teams = new ArrayList<>();
    Map<String, TeamRequest> teamRefs = new LinkedHashMap<>();
    for (TeamRequest t : d.teams()) {
      int start = points.size();
      points.add(t.start());
      int end = Team.NO_END;
      if (t.end() != null) {
        end = points.size();
        points.add(t.end());
      }
      String id = Long.toString(t.supporterId());
      teams.add(new Team(id, start, end, TimeWindow.of(0, t.minutes() * 60.0), t.skills(), t.size(), Integer.MAX_VALUE));
      teamRefs.put(id, t);
    }
    TravelTimeMatrix m = router.matrix(d.profile(), points, points, listener, cancelled);
    DispatchInput input = DispatchInput.of(d.emergencyId(), d.profile(), clockStart, points, refs, teamRefs);
    return new Prepared(input, RoutingProblem.of(new MatrixTravelTimes(m), tasks, teams), null);
  }

  /**
   * The re-plan's problem: the previous tasks less those finished, plus those added; each team
   * from its position (appended to the points), free from now plus its delay; travel times
   * computed anew over every point with the roads blocked now; the previous routes to start from.
   */
  public static Prepared prepareReplan(ReplanDraft d, HazardAwareRouter router, Instant now, ProgressListener listener,
      BooleanSupplier cancelled) {
    DispatchPlan prev = d.previous();
    DispatchInput in = prev.input();
    List<GeoPoint> points = new ArrayList<>(in.points());
    Map<String, TaskRef> refs = new LinkedHashMap<>(in.tasks());
    List<Task> added = new ArrayList<>();
    for (Visit v : d.added()) {
      int at = points.size();
      points.add(SupportNeeds.home(v.resident()));
      TaskRef ref = new TaskRef(v.check().checkId(), v.resident().id(), at);
      refs.put(ref.taskId(), ref);
      added.add(task(v, at));
    }
    double elapsed = Math.max(0, Duration.between(in.clockStart(), now).toMillis() / 1000.0);
    Map<String, TeamPosition> byTeam = new LinkedHashMap<>();
    d.teams().forEach(t -> byTeam.put(Long.toString(t.supporterId()), t));
    List<Replanner.TeamState> states = new ArrayList<>();
    for (Team t : prev.problem().teams()) {
      TeamPosition pos = byTeam.get(t.id());
      int location = t.start();
      double delay = 0;
      if (pos != null) {
        delay = pos.freeInMinutes() * 60.0;
        if (pos.position() != null) {
          location = points.size();
          points.add(pos.position());
        }
      }
      states.add(new Replanner.TeamState(t.id(), location, elapsed + delay));
    }
    TravelTimeMatrix m = router.matrix(in.profile(), points, points, listener, cancelled);
    Replanner.Replan replan = Replanner.prepare(prev.problem(), prev.solution(), new MatrixTravelTimes(m),
        new Replanner.Changes(states, d.finished(), added, d.reassignPenaltySeconds()));
    return new Prepared(in.extended(points, refs), replan.problem(), replan.initialRoutes());
  }

  /**
   * Runs the optimiser for {@code limit} (or until the job is asked to stop), telling the job of
   * every new best; returns the best plan, checked once more by {@link SolutionChecker}.
   */
  public static DispatchPlan optimise(Prepared p, Duration limit, int threads, JobControl<DispatchPlan> control)
      throws InterruptedException {
    SolverSettings settings = SolverSettings.ofTime(limit).withThreads(threads);
    long t0 = System.nanoTime();
    OptimisationJob job = OptimisationJob.start(p.problem(), settings, p.initialRoutes(),
        progress -> control.best(new DispatchPlan(p.input(), p.problem(), progress.best())));
    CompletableFuture<Solution> done = job.future();
    while (true) {
      try {
        Solution s = done.get(200, TimeUnit.MILLISECONDS);
        SolutionChecker.check(p.problem(), s).orThrow();
        return new DispatchPlan(p.input(), p.problem(), s);
      } catch (TimeoutException e) {
        if (control.stopRequested()) {
          job.stop();
        }
        double f = (System.nanoTime() - t0) / (double) limit.toNanos();
        control.progress("optimising", 0.3 + 0.7 * Math.min(1, f));
      } catch (ExecutionException e) {
        job.stop();
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new IllegalStateException("the optimiser failed: " + cause.getMessage(), cause);
      }
    }
  }

  /** The matrix's share of a run's progress (0 to 0.3). */
  public static ProgressListener matrixProgress(JobControl<?> control) {
    return (phase, f) -> control.progress("travel times: " + phase, 0.3 * f);
  }
}
