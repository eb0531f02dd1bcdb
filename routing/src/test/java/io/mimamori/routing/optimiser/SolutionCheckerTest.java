package io.mimamori.routing.optimiser;

import static io.mimamori.routing.optimiser.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SolutionCheckerTest {

  // depot at 0, tasks at 10, 20, 30
  private final TravelTimes times = line(0, 10, 20, 30);

  private RoutingProblem problem(List<Task> tasks, List<Team> teams) {
    return RoutingProblem.of(times, tasks, teams);
  }

  private static Task at(String id, int loc) {
    return Task.visit(id, loc, 1, 5);
  }

  @Test
  void acceptsAFeasibleRouteAndRecomputesTimesAndObjective() {
    RoutingProblem p = problem(List.of(at("a", 1), at("b", 2)), List.of(Team.of("t", 0, TimeWindow.of(100, 1000))));
    Solution s = PlanEvaluator.evaluate(p, new int[][] {{0, 1}});
    CheckReport r = SolutionChecker.check(p, s);
    assertThat(r.violations()).isEmpty();
    assertThat(r.travelSeconds()).isEqualTo(40.0);
    assertThat(r.priorityReached()).isEqualTo(2);
    assertThat(r.teamsUsed()).isEqualTo(1);
    // leaves at 100, reaches a at 110, leaves 115, reaches b at 125
    assertThat(s.routes().get(0).visits().get(1).arrival()).isEqualTo(125.0);
    assertThat(s.routes().get(0).finish()).isEqualTo(150.0);
  }

  @Test
  void rejectsAVisitBegunAfterItsWindow() {
    Task b = at("b", 2).withWindow(TimeWindow.of(0, 24));
    RoutingProblem p = problem(List.of(at("a", 1), b), List.of(Team.of("t", 0, TimeWindow.of(0, 1000))));
    // a then b reaches b at 25
    assertThat(SolutionChecker.check(p, PlanEvaluator.evaluate(p, new int[][] {{0, 1}})).violations())
        .singleElement().asString().contains("task b").contains("after its window closes at 24");
    // b first is fine
    assertThat(SolutionChecker.check(p, PlanEvaluator.evaluate(p, new int[][] {{1, 0}})).valid()).isTrue();
  }

  @Test
  void waitsForAWindowToOpen() {
    Task a = at("a", 1).withWindow(TimeWindow.of(50, 60));
    RoutingProblem p = problem(List.of(a), List.of(Team.of("t", 0, TimeWindow.of(0, 1000))));
    Solution s = PlanEvaluator.evaluate(p, new int[][] {{0}});
    assertThat(SolutionChecker.check(p, s).valid()).isTrue();
    Visit v = s.routes().get(0).visits().get(0);
    assertThat(v.arrival()).isEqualTo(10.0);
    assertThat(v.start()).isEqualTo(50.0);
    assertThat(v.departure()).isEqualTo(55.0);
  }

  @Test
  void rejectsATeamBackAfterItsShift() {
    RoutingProblem p = problem(List.of(at("a", 3)), List.of(Team.of("t", 0, TimeWindow.of(0, 64))));
    // 30 out, 5 service, 30 back = 65
    assertThat(SolutionChecker.check(p, PlanEvaluator.evaluate(p, new int[][] {{0}})).violations())
        .singleElement().asString().contains("after its shift ends at 64");
  }

  @Test
  void rejectsMissingSkillsTooFewPeopleAndTooMuchLoad() {
    Task skilled = at("s", 1).withSkills(Set.of("wheelchair"));
    Task pair = at("p", 2).withPeopleNeeded(2);
    Task heavy = at("h", 3).withDemand(8);
    Task light = at("l", 3).withDemand(3);
    Team team = Team.of("t", 0, TimeWindow.ALWAYS).withCapacity(10);
    RoutingProblem p = problem(List.of(skilled, pair, heavy, light), List.of(team));
    List<String> v = SolutionChecker.check(p, PlanEvaluator.evaluate(p, new int[][] {{0, 1, 2, 3}})).violations();
    assertThat(v).hasSize(3);
    assertThat(v.get(0)).contains("task s").contains("needs skills [wheelchair]");
    assertThat(v.get(1)).contains("task p").contains("needs 2 people, team has 1");
    assertThat(v.get(2)).contains("carries 11, capacity 10");
  }

  @Test
  void rejectsATaskServedTwiceOrNeitherServedNorLeftOut() {
    RoutingProblem p = problem(List.of(at("a", 1), at("b", 2)),
        List.of(Team.of("t", 0, TimeWindow.ALWAYS), Team.of("u", 0, TimeWindow.ALWAYS)));
    assertThat(SolutionChecker.check(p, PlanEvaluator.evaluate(p, new int[][] {{0, 1}, {0}})).violations())
        .anyMatch(s -> s.contains("already served by team t"));
    Solution ok = PlanEvaluator.evaluate(p, new int[][] {{0}, {}});
    Solution dropped = new Solution(ok.routes(), List.of(), ok.priorityReached(), ok.teamsUsed(), ok.travelSeconds(), ok.cost());
    assertThat(SolutionChecker.check(p, dropped).violations()).containsExactly("task b is neither served nor left out");
  }

  @Test
  void rejectsReportedFiguresThatDoNotAddUp() {
    RoutingProblem p = problem(List.of(at("a", 1)), List.of(Team.of("t", 0, TimeWindow.ALWAYS)));
    Solution s = PlanEvaluator.evaluate(p, new int[][] {{0}});
    Solution lying = new Solution(s.routes(), s.leftOut(), 5, 1, 19.0, 19.0);
    assertThat(SolutionChecker.check(p, lying).violations())
        .containsExactly("reported priority 5, recomputed 1", "reported travel 19.0, recomputed 20.0",
            "reported cost 19.0, recomputed 20.0");
    List<Visit> early = new ArrayList<>(List.of(new Visit("a", 0, 9, 9, 14)));
    PlannedRoute r = s.routes().get(0);
    Solution badTimes = new Solution(List.of(new PlannedRoute("t", 0, early, 0, r.finish(), r.travelSeconds())),
        s.leftOut(), 1, 1, 20, 20);
    assertThat(SolutionChecker.check(p, badTimes).violations()).singleElement().asString().contains("recomputed 10.0");
    assertThatThrownBy(() -> SolutionChecker.check(p, lying).orThrow()).hasMessageContaining("3 violation(s)");
  }

  @Test
  void rejectsAReasonThatDoesNotHold() {
    RoutingProblem p = problem(List.of(at("a", 1)), List.of(Team.of("t", 0, TimeWindow.ALWAYS)));
    Solution s = PlanEvaluator.evaluate(p, new int[][] {{}});
    assertThat(s.leftOut()).containsExactly(new LeftOut("a", 0, LeftOut.Reason.NO_TIME_LEFT));
    assertThat(SolutionChecker.check(p, s).valid()).isTrue();
    Solution wrong = new Solution(s.routes(), List.of(new LeftOut("a", 0, LeftOut.Reason.NO_TEAM_WITH_SKILLS)), 0, 0, 0, 0);
    assertThat(SolutionChecker.check(p, wrong).violations()).singleElement().asString().contains("a team has the skills");
  }

  @Test
  void countsTheReassignmentPenalty() {
    RoutingProblem p = new RoutingProblem(times, List.of(at("a", 1)),
        List.of(Team.of("t", 0, TimeWindow.ALWAYS), Team.of("u", 0, TimeWindow.ALWAYS)),
        new Objective(false, java.util.Map.of("a", "t"), 100));
    assertThat(SolutionChecker.check(p, PlanEvaluator.evaluate(p, new int[][] {{}, {0}})).cost()).isEqualTo(120.0);
    assertThat(SolutionChecker.check(p, PlanEvaluator.evaluate(p, new int[][] {{0}, {}})).cost()).isEqualTo(20.0);
  }
}
