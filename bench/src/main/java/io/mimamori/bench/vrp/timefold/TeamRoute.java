package io.mimamori.bench.vrp.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import io.mimamori.routing.optimiser.Team;
import java.util.ArrayList;
import java.util.List;

/**
 * One team and the visits it makes, in order: the genuine planning variable. A task may be on no
 * list at all (left out), as the problem allows; the score makes that cost its priority.
 */
@PlanningEntity
public class TeamRoute {

  @PlanningId
  private int id;
  private Team team;
  private int startLocation;
  private int endLocation;
  private long teamWeight;

  @PlanningListVariable(allowsUnassignedValues = true)
  private List<TaskVisit> visits = new ArrayList<>();

  /** For Timefold's solution cloner. */
  public TeamRoute() {}

  /**
   * @param id the team's index in the problem
   * @param teamWeight what sending this team out costs on the teams level (1 when the objective
   *     minimises teams, else 0)
   */
  public TeamRoute(int id, Team team, TravelMatrix matrix, long teamWeight) {
    this.id = id;
    this.team = team;
    this.startLocation = matrix.index(team.start());
    this.endLocation = team.end() == Team.NO_END ? -1 : matrix.index(team.end());
    this.teamWeight = teamWeight;
  }

  public int id() {
    return id;
  }

  public Team team() {
    return team;
  }

  public List<TaskVisit> visits() {
    return visits;
  }

  /** When the team leaves its start: the beginning of its shift. */
  public double departure() {
    return team.shift().earliest();
  }

  public int startLocation() {
    return startLocation;
  }

  public boolean hasEnd() {
    return endLocation >= 0;
  }

  public int endLocation() {
    return endLocation;
  }

  public long teamWeight() {
    return teamWeight;
  }

  @Override
  public String toString() {
    return team.id() + visits;
  }
}
