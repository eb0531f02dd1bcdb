package io.mimamori.server.dispatch;

/**
 * What an optimiser task stands for: a safety check of a resident, at location {@code location}
 * of the plan's points. The task's id is the check's id as text.
 */
public record TaskRef(long checkId, long residentId, int location) {

  public String taskId() {
    return Long.toString(checkId);
  }
}
