package io.mimamori.data.imports;

/**
 * Told now and then how far an import has got: while reading, {@code done} and {@code total} are
 * bytes of the file; while storing, rows. Called on the importing thread; keep it quick.
 */
@FunctionalInterface
public interface ImportProgress {

  enum Phase {
    READING,
    STORING
  }

  ImportProgress NONE = (file, phase, done, total) -> {};

  void update(String file, Phase phase, long done, long total);
}
