package io.mimamori.server.dispatch;

import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.TravelProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a dispatch plan was made from, beyond the optimiser's own problem: the emergency, the
 * travel profile of every team, the moment the plan's clock starts (second 0: teams set out), the
 * points every location index stands for, the checks behind the tasks (by task id) and the teams
 * (by supporter id as text, the team's id). {@code legs} keeps the road geometry of legs already
 * drawn, shared by every edit and re-plan of the same points (each leg remembers the blocked set
 * it was drawn with).
 */
public record DispatchInput(
    long emergencyId,
    TravelProfile profile,
    Instant clockStart,
    List<GeoPoint> points,
    Map<String, TaskRef> tasks,
    Map<String, TeamRequest> teams,
    Map<Long, PlanGeometry.Leg> legs) {

  public DispatchInput {
    points = List.copyOf(points);
    tasks = Map.copyOf(tasks);
    teams = Map.copyOf(teams);
  }

  public static DispatchInput of(long emergencyId, TravelProfile profile, Instant clockStart, List<GeoPoint> points,
      Map<String, TaskRef> tasks, Map<String, TeamRequest> teams) {
    return new DispatchInput(emergencyId, profile, clockStart, points, tasks, teams, new ConcurrentHashMap<>());
  }

  /** The same, with more points and tasks (a re-plan); the legs drawn so far are kept. */
  public DispatchInput extended(List<GeoPoint> allPoints, Map<String, TaskRef> allTasks) {
    return new DispatchInput(emergencyId, profile, clockStart, allPoints, allTasks, teams, legs);
  }

  /** The point of a location index. */
  public GeoPoint point(int location) {
    return points.get(location);
  }

  /** The instant of a time on the plan's clock. */
  public Instant at(double seconds) {
    return clockStart.plusMillis(Math.round(seconds * 1000));
  }
}
