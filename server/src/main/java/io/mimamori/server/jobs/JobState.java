package io.mimamori.server.jobs;

/** Where a job is. Every state but {@link #RUNNING} is final. */
public enum JobState {
  RUNNING("running"),
  /** Ran to its end; the result is there. */
  FINISHED("finished"),
  /** Asked to stop, and ended early with the best it had: the result is there. */
  STOPPED("stopped"),
  /** Asked to stop, and ended with nothing to keep. */
  CANCELLED("cancelled"),
  /** Failed; the job's error says why. */
  FAILED("failed");

  private final String code;

  JobState(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public boolean ended() {
    return this != RUNNING;
  }

  /** Ended with a result to read. */
  public boolean hasResult() {
    return this == FINISHED || this == STOPPED;
  }
}
