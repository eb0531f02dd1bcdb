package io.mimamori.routing;

/**
 * Told how far a long piece of work has got: a short phase label (English, no personal data) and
 * the fraction of the whole job done, 0 to 1. Called on the working thread: keep it short.
 */
@FunctionalInterface
public interface ProgressListener {

  void progress(String phase, double fraction);

  static ProgressListener none() {
    return (phase, fraction) -> {};
  }
}
