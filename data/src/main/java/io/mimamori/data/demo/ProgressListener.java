package io.mimamori.data.demo;

/** Told how far the demo town has got: a phase name and the fraction of the whole job done (0..1). */
@FunctionalInterface
public interface ProgressListener {

  void progress(String phase, double fraction);

  static ProgressListener none() {
    return (phase, fraction) -> {};
  }
}
