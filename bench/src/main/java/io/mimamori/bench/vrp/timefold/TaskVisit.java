package io.mimamori.bench.vrp.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.NextElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;
import io.mimamori.routing.optimiser.Task;

/**
 * One task as an element of a team's planning list. Timefold keeps the route it is on, its
 * neighbours in that route and its arrival time (a declarative shadow variable that follows the
 * previous visit's arrival) up to date; the times here are worked out exactly as the checker
 * works them out: leave the start at the shift's beginning, wait when early, serve, travel on.
 */
@PlanningEntity
public class TaskVisit {

  @PlanningId
  private int id;
  private Task task;
  private int location;
  private TravelMatrix matrix;

  @InverseRelationShadowVariable(sourceVariableName = "visits")
  private TeamRoute route;

  @PreviousElementShadowVariable(sourceVariableName = "visits")
  private TaskVisit previous;

  @NextElementShadowVariable(sourceVariableName = "visits")
  private TaskVisit next;

  @ShadowVariable(supplierName = "arrivalSupplier")
  private Double arrival;

  /** For Timefold's solution cloner. */
  public TaskVisit() {}

  /** @param id the task's index in the problem */
  public TaskVisit(int id, Task task, TravelMatrix matrix) {
    this.id = id;
    this.task = task;
    this.matrix = matrix;
    this.location = matrix.index(task.location());
  }

  @ShadowSources({"route", "previous.arrival"})
  public Double arrivalSupplier() {
    if (route == null) {
      return null;
    }
    if (previous == null) {
      return route.departure() + matrix.seconds(route.startLocation(), location);
    }
    if (previous.arrival == null) {
      return null;
    }
    return previous.departure() + matrix.seconds(previous.location, location);
  }

  /** The task's index in the problem. */
  public int id() {
    return id;
  }

  public Task task() {
    return task;
  }

  /** The route serving this task, or null while it is left out. */
  public TeamRoute route() {
    return route;
  }

  public TaskVisit previous() {
    return previous;
  }

  public TaskVisit next() {
    return next;
  }

  /** When the visit begins: on arrival, or at the window's opening when early. */
  public double start() {
    return Math.max(arrival, task.window().earliest());
  }

  public double departure() {
    return start() + task.serviceSeconds();
  }

  /** Seconds by which the visit begins after its window closes; 0 when on time. */
  public double lateness() {
    return Math.max(0, start() - task.window().latest());
  }

  /** Travel from the previous visit, or from the team's start for the first. */
  public double legIn() {
    return matrix.seconds(previous == null ? route.startLocation() : previous.location, location);
  }

  /** Travel from here to the team's end (0 when the route may end here). */
  public double legToEnd() {
    return route.hasEnd() ? matrix.seconds(location, route.endLocation()) : 0;
  }

  /** Seconds by which the route, if it ends after this visit, overruns the shift; 0 within it. */
  public double overtime() {
    return Math.max(0, departure() + legToEnd() - route.team().shift().latest());
  }

  @Override
  public String toString() {
    return task.id();
  }
}
