package io.mimamori.server.http;

import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.routing.optimiser.LeftOut;
import io.mimamori.routing.optimiser.PlannedRoute;
import io.mimamori.routing.optimiser.Solution;
import io.mimamori.routing.optimiser.Task;
import io.mimamori.routing.optimiser.Visit;
import io.mimamori.server.dispatch.DispatchInput;
import io.mimamori.server.dispatch.DispatchPlan;
import io.mimamori.server.dispatch.PlanGeometry;
import io.mimamori.server.dispatch.TaskRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dispatch plan as JSON: a summary (no personal data), and in full each team's visits in order
 * with the resident, the home's position, planned arrival (minutes on the plan's clock and as an
 * instant), the road geometry when asked, and the checks left out with the reason in English and
 * Japanese.
 */
final class PlanJson {

  private PlanJson() {}

  static Map<String, Object> summary(DispatchPlan plan) {
    Solution s = plan.solution();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("emergency_id", plan.input().emergencyId());
    m.put("profile", plan.input().profile().code());
    m.put("clock_start", plan.input().clockStart().toString());
    m.put("tasks", plan.problem().tasks().size());
    m.put("served", s.served());
    m.put("left_out", s.leftOut().size());
    m.put("priority_reached", s.priorityReached());
    m.put("priority_total", plan.problem().totalPriority());
    m.put("teams", plan.problem().teams().size());
    m.put("teams_used", s.teamsUsed());
    m.put("travel_minutes", JsonFields.minutes(s.travelSeconds()));
    return m;
  }

  /** The whole plan; with {@code router} the road geometry of each route (null: none). */
  static Map<String, Object> full(DispatchPlan plan, HazardAwareRouter router) {
    Map<String, Object> m = summary(plan);
    DispatchInput in = plan.input();
    List<Map<String, Object>> routes = new ArrayList<>();
    for (int r = 0; r < plan.solution().routes().size(); r++) {
      PlannedRoute route = plan.solution().routes().get(r);
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("supporter_id", in.teams().get(route.teamId()).supporterId());
      rm.put("start", lonLat(in.point(plan.problem().teams().get(r).start())));
      int end = plan.problem().teams().get(r).end();
      rm.put("end", end < 0 ? null : lonLat(in.point(end)));
      rm.put("departure_at", in.at(route.departure()).toString());
      rm.put("finish_at", route.isUsed() ? in.at(route.finish()).toString() : null);
      rm.put("finish_minutes", route.isUsed() ? JsonFields.minutes(route.finish()) : null);
      rm.put("travel_minutes", JsonFields.minutes(route.travelSeconds()));
      List<Map<String, Object>> visits = new ArrayList<>();
      for (Visit v : route.visits()) {
        Task t = plan.problem().tasks().get(v.taskIndex());
        TaskRef ref = plan.task(v.taskIndex());
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("check_id", ref.checkId());
        vm.put("resident_id", ref.residentId());
        vm.put("location", lonLat(in.point(t.location())));
        vm.put("priority", t.priority());
        vm.put("arrival_minutes", JsonFields.minutes(v.arrival()));
        vm.put("start_minutes", JsonFields.minutes(v.start()));
        vm.put("departure_minutes", JsonFields.minutes(v.departure()));
        vm.put("arrival_at", in.at(v.arrival()).toString());
        vm.put("service_minutes", JsonFields.minutes(t.serviceSeconds()));
        vm.put("skills", t.skills().stream().sorted().toList());
        vm.put("people_needed", t.peopleNeeded());
        visits.add(vm);
      }
      rm.put("visits", visits);
      if (router != null) {
        List<GeoPoint> line = PlanGeometry.route(plan, r, router);
        rm.put("geometry", line.size() < 2 ? null : RoutingRoutes.lineString(line));
      }
      routes.add(rm);
    }
    m.put("routes", routes);
    List<Map<String, Object>> out = new ArrayList<>();
    for (LeftOut l : plan.solution().leftOut()) {
      Task t = plan.problem().tasks().get(l.taskIndex());
      TaskRef ref = plan.task(l.taskIndex());
      Map<String, Object> lm = new LinkedHashMap<>();
      lm.put("check_id", ref.checkId());
      lm.put("resident_id", ref.residentId());
      lm.put("location", lonLat(in.point(t.location())));
      lm.put("priority", t.priority());
      lm.put("skills", t.skills().stream().sorted().toList());
      lm.put("people_needed", t.peopleNeeded());
      lm.put("reason", l.reason().name().toLowerCase());
      lm.put("reason_en", english(l.reason()));
      lm.put("reason_ja", japanese(l.reason()));
      out.add(lm);
    }
    m.put("left_out", out);
    m.put("left_out_count", out.size());
    return m;
  }

  static String english(LeftOut.Reason r) {
    return switch (r) {
      case NO_TEAM_WITH_SKILLS -> "no team has every skill this visit needs";
      case NO_TEAM_LARGE_ENOUGH -> "this visit needs two people and no team has two";
      case NO_TEAM_WITH_CAPACITY -> "no team can carry what this visit needs";
      case OUT_OF_REACH_IN_TIME -> "no suitable team can get there within its time, even going there alone (blocked roads or distance)";
      case NO_TIME_LEFT -> "the teams' time went to visits of higher priority";
    };
  }

  static String japanese(LeftOut.Reason r) {
    return switch (r) {
      case NO_TEAM_WITH_SKILLS -> "この訪問に必要な技能をすべて持つチームがありません";
      case NO_TEAM_LARGE_ENOUGH -> "2人での対応が必要ですが、2人以上のチームがありません";
      case NO_TEAM_WITH_CAPACITY -> "必要な積載量を持つチームがありません";
      case OUT_OF_REACH_IN_TIME -> "通行止めや距離のため、対応できるチームが時間内に到着できません";
      case NO_TIME_LEFT -> "より優先度の高い訪問でチームの時間が埋まっています";
    };
  }

  private static double[] lonLat(GeoPoint p) {
    return new double[] {Math.round(p.lon() * 1e7) / 1e7, Math.round(p.lat() * 1e7) / 1e7};
  }
}
