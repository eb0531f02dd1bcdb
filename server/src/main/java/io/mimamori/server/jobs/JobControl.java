package io.mimamori.server.jobs;

/**
 * What a job's work sees of its job: it reports how far it has got and its best result so far,
 * and asks whether it should stop.
 */
public interface JobControl<R> {

  /** A short phase (English, no personal data) and the fraction done, 0 to 1. */
  void progress(String phase, double fraction);

  /** The best result so far, for clients watching a job that improves as it runs. */
  void best(R bestSoFar);

  /** Whether the client asked the job to stop. */
  boolean stopRequested();
}
