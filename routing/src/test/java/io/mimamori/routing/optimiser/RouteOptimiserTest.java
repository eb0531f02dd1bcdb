package io.mimamori.routing.optimiser;

import static io.mimamori.routing.optimiser.Fixtures.ids;
import static io.mimamori.routing.optimiser.Fixtures.leftOutIds;
import static io.mimamori.routing.optimiser.Fixtures.line;
import static io.mimamori.routing.optimiser.Fixtures.solve;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule on its own, on cases small enough to know the best answer by hand. */
class RouteOptimiserTest {

  private static Task at(String id, int loc) {
    return Task.visit(id, loc, 1, 0);
  }

  @Test
  void visitsInTheShortestOrderWithoutWindows() {
    // depot 0; tasks at 30, 10, 20: out and back is 60 whatever the order along the line
    RoutingProblem p = RoutingProblem.of(line(0, 30, 10, 20), List.of(at("far", 1), at("near", 2), at("mid", 3)),
        List.of(Team.of("t", 0, TimeWindow.ALWAYS)));
    Solution s = solve(p);
    assertThat(s.travelSeconds()).isEqualTo(60.0);
    assertThat(ids(s).get(0)).isIn(List.of("near", "mid", "far"), List.of("far", "mid", "near"));
  }

  @Test
  void timeWindowsForceTheLongerOrder() {
    // a square: depot (0,0), a (10,0), b (10,10), c (0,10); the shortest tour is 40 (a, b, c).
    // b must begin by 15 and c by 30: only b, c, a keeps both, 10 + 2 * 10 sqrt 2 + 10 long
    Task a = at("a", 1);
    Task b = at("b", 2).withWindow(TimeWindow.of(0, 15));
    Task c = at("c", 3).withWindow(TimeWindow.of(0, 30));
    RoutingProblem p = RoutingProblem.of(Fixtures.points(new double[][] {{0, 0}, {10, 0}, {10, 10}, {0, 10}}),
        List.of(a, b, c), List.of(Team.of("t", 0, TimeWindow.ALWAYS)));
    Solution s = solve(p);
    assertThat(ids(s).get(0)).containsExactly("b", "c", "a");
    assertThat(s.travelSeconds()).isCloseTo(20 + 20 * Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-9));
    // without the windows, the square
    Solution free = solve(RoutingProblem.of(p.travelTimes(), List.of(a, at("b", 2), at("c", 3)), p.teams()));
    assertThat(free.travelSeconds()).isEqualTo(40.0);
  }

  @Test
  void teamTimeLeavesOutTheLeastPriority() {
    // a shift of 45 s: one of the two tasks 20 s away (opposite sides) fits, plus service 5
    Task left = Task.visit("left", 1, 3, 5);
    Task right = Task.visit("right", 2, 7, 5);
    RoutingProblem p = RoutingProblem.of(line(0, -20, 20), List.of(left, right),
        List.of(Team.of("t", 0, TimeWindow.of(0, 45))));
    Solution s = solve(p);
    assertThat(ids(s).get(0)).containsExactly("right");
    assertThat(s.priorityReached()).isEqualTo(7);
    assertThat(s.leftOut()).containsExactly(new LeftOut("left", 0, LeftOut.Reason.NO_TIME_LEFT));
  }

  @Test
  void skillsSendTheFartherTeam() {
    // the wheelchair task sits next to team a's home, but only team b (at 100) can do it
    Task chair = at("chair", 1).withSkills(Set.of("wheelchair"));
    Team a = Team.of("a", 0, TimeWindow.ALWAYS);
    Team b = Team.of("b", 2, TimeWindow.ALWAYS).withSkills(Set.of("wheelchair", "sign language"));
    RoutingProblem p = RoutingProblem.of(line(0, 5, 100), List.of(chair), List.of(a, b));
    Solution s = solve(p);
    assertThat(ids(s)).containsExactly(List.of(), List.of("chair"));
    assertThat(s.travelSeconds()).isEqualTo(190.0);
  }

  @Test
  void twoPersonTasksGoToPairs() {
    Task lift = at("lift", 1).withPeopleNeeded(2);
    Team single = Team.of("single", 0, TimeWindow.ALWAYS);
    Team pair = Team.of("pair", 2, TimeWindow.ALWAYS).withSize(2);
    RoutingProblem p = RoutingProblem.of(line(0, 5, 50, -5), List.of(lift, at("check", 3)), List.of(single, pair));
    Solution s = solve(p);
    // the single does the check next door (10), the pair does the lift (90); the pair doing both
    // would travel 110
    assertThat(ids(s)).containsExactly(List.of("check"), List.of("lift"));
    assertThat(s.travelSeconds()).isEqualTo(100.0);
  }

  @Test
  void twoPersonTaskWithNoPairIsLeftOutWithItsReason() {
    Task lift = at("lift", 1).withPeopleNeeded(2);
    Task chair = at("chair", 1).withSkills(Set.of("wheelchair"));
    Task far = at("far", 2).withWindow(TimeWindow.of(0, 10));
    RoutingProblem p = RoutingProblem.of(line(0, 5, 50), List.of(lift, chair, far),
        List.of(Team.of("single", 0, TimeWindow.ALWAYS)));
    Solution s = solve(p);
    assertThat(s.leftOut()).containsExactlyInAnyOrder(
        new LeftOut("lift", 0, LeftOut.Reason.NO_TEAM_LARGE_ENOUGH),
        new LeftOut("chair", 1, LeftOut.Reason.NO_TEAM_WITH_SKILLS),
        new LeftOut("far", 2, LeftOut.Reason.OUT_OF_REACH_IN_TIME));
    assertThat(s.teamsUsed()).isZero();
  }

  @Test
  void capacitySplitsTheLoad() {
    // demands 6 + 6 > 10: two routes even though one would be shorter
    Team t1 = Team.of("t1", 0, TimeWindow.ALWAYS).withCapacity(10);
    Team t2 = Team.of("t2", 0, TimeWindow.ALWAYS).withCapacity(10);
    RoutingProblem p = RoutingProblem.of(line(0, 10, 11),
        List.of(at("a", 1).withDemand(6), at("b", 2).withDemand(6), at("c", 2).withDemand(4)), List.of(t1, t2));
    Solution s = solve(p);
    assertThat(s.teamsUsed()).isEqualTo(2);
    assertThat(s.travelSeconds()).isEqualTo(20.0 + 22.0);
    Task heavy = at("heavy", 1).withDemand(11);
    Solution none = solve(RoutingProblem.of(line(0, 10, 11), List.of(heavy), List.of(t1)));
    assertThat(none.leftOut()).containsExactly(new LeftOut("heavy", 0, LeftOut.Reason.NO_TEAM_WITH_CAPACITY));
  }

  @Test
  void prizeCollectingPicksTheMostPriorityThatFits() {
    // a 100 s shift from 0; tasks at 10 (prio 4), 20 (prio 4), -30 (prio 9), 40 (prio 5)
    // reachable sets: {10, 20, 40} = 13 in 80 s; {-30, 10, 20} = 17 in 100 s; {-30, 40} needs 140 s
    RoutingProblem p = RoutingProblem.of(line(0, 10, 20, -30, 40),
        List.of(Task.visit("a", 1, 4, 0), Task.visit("b", 2, 4, 0), Task.visit("c", 3, 9, 0), Task.visit("d", 4, 5, 0)),
        List.of(Team.of("t", 0, TimeWindow.of(0, 100))));
    Solution s = solve(p);
    assertThat(s.priorityReached()).isEqualTo(17);
    assertThat(leftOutIds(s)).containsExactly("d");
    assertThat(s.travelSeconds()).isEqualTo(100.0);
  }

  @Test
  void priorityComesBeforeTravel() {
    // one team, one of two tasks fits: the far one has the higher priority
    RoutingProblem p = RoutingProblem.of(line(0, 5, -40),
        List.of(Task.visit("near", 1, 1, 0), Task.visit("far", 2, 2, 0)),
        List.of(Team.of("t", 0, TimeWindow.of(0, 80))));
    Solution s = solve(p);
    assertThat(ids(s).get(0)).containsExactly("far");
  }

  @Test
  void minimisingTeamsAcceptsMoreTravel() {
    // a and b at +-10 from a depot: two teams would travel 40 too, one team 40: tie; add c at 1 with
    // a window that one route can still meet; with teams minimised one route serves all
    Team t1 = Team.of("t1", 0, TimeWindow.ALWAYS);
    Team t2 = Team.of("t2", 0, TimeWindow.ALWAYS);
    List<Task> tasks = List.of(at("a", 1), at("b", 2));
    RoutingProblem free = RoutingProblem.of(line(0, 10, -10), tasks, List.of(t1, t2));
    Solution s = solve(free.withObjective(Objective.PRIORITY_TEAMS_TRAVEL));
    assertThat(s.teamsUsed()).isEqualTo(1);
    assertThat(s.travelSeconds()).isEqualTo(40.0);
    // with open ends, one team per task is shorter (20) than one team for both (30), unless minimised
    RoutingProblem open = RoutingProblem.of(line(0, 10, -10), tasks,
        List.of(t1.withEnd(Team.NO_END), t2.withEnd(Team.NO_END)));
    assertThat(solve(open).teamsUsed()).isEqualTo(2);
    assertThat(solve(open).travelSeconds()).isEqualTo(20.0);
    Solution fewer = solve(open.withObjective(Objective.PRIORITY_TEAMS_TRAVEL));
    assertThat(fewer.teamsUsed()).isEqualTo(1);
    assertThat(fewer.travelSeconds()).isEqualTo(30.0);
  }

  @Test
  void reassignmentPenaltyKeepsTasksWithTheirTeamUnlessTheGainIsLarger() {
    // team t at 0, team u at 100; task x at 40 was t's. u is closer to x? no: t is 40 away, u 60.
    // Move x to 55: t travels 110, u 90 -> moving saves 20 seconds.
    Team t = Team.of("t", 0, TimeWindow.ALWAYS);
    Team u = Team.of("u", 1, TimeWindow.ALWAYS);
    List<Task> tasks = List.of(at("x", 2));
    RoutingProblem p = RoutingProblem.of(line(0, 100, 55), tasks, List.of(t, u));
    assertThat(ids(solve(p))).containsExactly(List.of(), List.of("x"));
    RoutingProblem stable = p.withObjective(new Objective(false, Map.of("x", "t"), 30));
    Solution kept = solve(stable);
    assertThat(ids(kept)).containsExactly(List.of("x"), List.of());
    assertThat(kept.cost()).isEqualTo(110.0);
    RoutingProblem cheapMove = p.withObjective(new Objective(false, Map.of("x", "t"), 10));
    Solution moved = solve(cheapMove);
    assertThat(ids(moved)).containsExactly(List.of(), List.of("x"));
    assertThat(moved.cost()).isEqualTo(100.0);
  }

  @Test
  void teamsWithoutAnEndFinishAtTheirLastVisit() {
    Team t = Team.of("t", 0, TimeWindow.of(0, 30)).withEnd(Team.NO_END);
    RoutingProblem p = RoutingProblem.of(line(0, 10, 25), List.of(at("a", 1), at("b", 2)), List.of(t));
    Solution s = solve(p);
    assertThat(ids(s).get(0)).containsExactly("a", "b");
    assertThat(s.routes().get(0).finish()).isEqualTo(25.0);
  }

  @Test
  void sameSeedAndIterationsGiveTheSameSolution() {
    RoutingProblem p = RandomProblems.random(40, 4, 3);
    Solution a = RouteOptimiser.solve(p, SolverSettings.ofIterations(2000, 11));
    Solution b = RouteOptimiser.solve(p, SolverSettings.ofIterations(2000, 11));
    assertThat(ids(a)).isEqualTo(ids(b));
    assertThat(a.cost()).isEqualTo(b.cost());
  }

  @Test
  void noTasksOrNoTeams() {
    RoutingProblem noTasks = RoutingProblem.of(line(0), List.of(), List.of(Team.of("t", 0, TimeWindow.ALWAYS)));
    assertThat(solve(noTasks).teamsUsed()).isZero();
    RoutingProblem noTeams = RoutingProblem.of(line(0, 1), List.of(at("a", 1)), List.of());
    Solution s = solve(noTeams);
    assertThat(s.leftOut()).extracting(LeftOut::taskId).containsExactly("a");
  }
}
