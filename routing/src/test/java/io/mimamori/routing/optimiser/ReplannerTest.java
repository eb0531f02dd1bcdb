package io.mimamori.routing.optimiser;

import static io.mimamori.routing.optimiser.Fixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplannerTest {

  // locations 0..4 on a line: team homes at 0 and 100, tasks at 10, 20, 80, 90; 5: an urgent case at 50;
  // 6: team a's current position at 15
  private final TravelTimes now = Fixtures.line(0, 100, 10, 20, 80, 90, 50, 15);

  private RoutingProblem first() {
    TravelTimes before = Fixtures.line(0, 100, 10, 20, 80, 90);
    List<Task> tasks = List.of(Task.visit("p", 2, 1, 0), Task.visit("q", 3, 1, 0), Task.visit("r", 4, 1, 0),
        Task.visit("s", 5, 1, 0));
    List<Team> teams = List.of(Team.of("a", 0, TimeWindow.of(0, 1000)), Team.of("b", 1, TimeWindow.of(0, 1000)));
    return RoutingProblem.of(before, tasks, teams);
  }

  @Test
  void replansTheRestFromWhereTheTeamsAreKeepingStableRoutes() {
    RoutingProblem p = first();
    Solution plan = Fixtures.solve(p);
    assertThat(sets(plan)).containsExactly(Set.of("p", "q"), Set.of("s", "r"));
    // a has done p and stands at 15 at t=20; r is cancelled; an urgent case u comes in at 50
    Replanner.Changes changes = new Replanner.Changes(List.of(new Replanner.TeamState("a", 7, 20)),
        Set.of("p", "r"), List.of(Task.visit("u", 6, 5, 0)), 1000);
    Replanner.Replan replan = Replanner.prepare(p, plan, now, changes);
    RoutingProblem next = replan.problem();
    assertThat(next.tasks()).extracting(Task::id).containsExactly("q", "s", "u");
    assertThat(next.teams().get(0).start()).isEqualTo(7);
    assertThat(next.teams().get(0).shift().earliest()).isEqualTo(20.0);
    assertThat(replan.initialRoutes()).isDeepEqualTo(new int[][] {{0}, {1}});
    Solution s = Fixtures.solve(next, SolverSettings.ofIterations(2000, 3));
    // q stays with a and s with b (moving costs 1000); u goes to whoever adds least: a from 20 via 50
    // back home adds 2 * 30 = 60, b via 50 adds 2 * 40 = 80 (b: 100 -> 90 -> 50 -> 100)
    assertThat(ids(s)).containsExactly(List.of("q", "u"), List.of("s"));
    assertThat(s.routes().get(0).departure()).isEqualTo(20.0);
    assertThat(s.routes().get(0).visits().get(0).arrival()).isEqualTo(25.0);
  }

  @Test
  void movesATaskWhenTheGainOutweighsThePenalty() {
    RoutingProblem p = first();
    Solution plan = Fixtures.solve(p);
    // team b is suddenly at 20 (next to q) with the whole shift left; a is still at home
    Replanner.Changes cheap = new Replanner.Changes(List.of(new Replanner.TeamState("b", 3, 0)), Set.of(), List.of(), 1);
    Solution moved = Fixtures.solve(Replanner.prepare(p, plan, now, cheap).problem());
    Replanner.Changes dear = new Replanner.Changes(List.of(new Replanner.TeamState("b", 3, 0)), Set.of(), List.of(), 500);
    Solution kept = Fixtures.solve(Replanner.prepare(p, plan, now, dear).problem());
    assertThat(sets(kept)).containsExactly(Set.of("p", "q"), Set.of("s", "r"));
    assertThat(ids(moved).get(0)).doesNotContain("q");
    assertThat(moved.travelSeconds()).isLessThan(kept.travelSeconds());
  }

  @Test
  void aPenaltyMovesFewerTasksOnARandomReplan() {
    RoutingProblem p = RandomProblems.random(60, 5, 21);
    Solution plan = Fixtures.solve(p, SolverSettings.ofIterations(3000, 1));
    Set<String> finished = new java.util.HashSet<>();
    for (PlannedRoute r : plan.routes()) {
      if (!r.visits().isEmpty()) {
        finished.add(r.visits().get(0).taskId());
      }
    }
    Replanner.Replan stable = Replanner.prepare(p, plan, p.travelTimes(), new Replanner.Changes(List.of(), finished, List.of(), 200));
    Replanner.Replan free = Replanner.prepare(p, plan, p.travelTimes(), new Replanner.Changes(List.of(), finished, List.of(), 0));
    Solution keep = Fixtures.solve(stable.problem(), SolverSettings.ofIterations(3000, 1));
    Solution any = Fixtures.solve(free.problem(), SolverSettings.ofIterations(3000, 1));
    // the previous routes, less the finished tasks, are still feasible: the new plan is no worse
    Solution previous = PlanEvaluator.evaluate(stable.problem(), stable.initialRoutes());
    assertThat(SolutionChecker.check(stable.problem(), previous).valid()).isTrue();
    assertThat(keep.priorityReached()).isGreaterThanOrEqualTo(previous.priorityReached());
    if (keep.priorityReached() == previous.priorityReached()) {
      assertThat(keep.cost()).isLessThanOrEqualTo(previous.cost() + 1e-9);
    }
    assertThat(moved(plan, keep)).hasSizeLessThan(moved(plan, any).size());
  }

  private static List<String> moved(Solution before, Solution after) {
    Map<String, String> team = new HashMap<>();
    for (PlannedRoute r : before.routes()) {
      r.visits().forEach(v -> team.put(v.taskId(), r.teamId()));
    }
    List<String> out = new ArrayList<>();
    for (PlannedRoute r : after.routes()) {
      for (Visit v : r.visits()) {
        String was = team.get(v.taskId());
        if (was != null && !was.equals(r.teamId())) {
          out.add(v.taskId());
        }
      }
    }
    return out;
  }

  private static List<Set<String>> sets(Solution s) {
    return ids(s).stream().map(Set::copyOf).toList();
  }
}
