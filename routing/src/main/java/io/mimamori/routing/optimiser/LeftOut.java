package io.mimamori.routing.optimiser;

/** A task no route serves, and why. */
public record LeftOut(String taskId, int taskIndex, Reason reason) {

  /** Why a task was left out, the first that applies in this order. */
  public enum Reason {
    /** No team has all the skills the task needs. */
    NO_TEAM_WITH_SKILLS,
    /** No team has as many people as the task needs. */
    NO_TEAM_LARGE_ENOUGH,
    /** The task's load exceeds every team's capacity. */
    NO_TEAM_WITH_CAPACITY,
    /** No suitable team can reach it within its window and the team's shift, even going there alone. */
    OUT_OF_REACH_IN_TIME,
    /** It could be served alone, but the teams' time went to tasks of higher priority (or to fit more). */
    NO_TIME_LEFT
  }
}
