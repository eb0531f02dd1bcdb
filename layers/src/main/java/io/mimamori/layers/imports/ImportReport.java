package io.mimamori.layers.imports;

import java.util.List;

/**
 * What one import did. {@code COMMITTED}: the valid rows are stored; {@code REJECTED}: some rows
 * were bad and, as asked, nothing was stored; {@code FAILED}: the file could not be read at all.
 */
public record ImportReport(
    String kind, String file, Outcome outcome, int rowsRead, int rowsStored, List<Rejection> rejections, String message) {

  public enum Outcome {
    COMMITTED,
    REJECTED,
    FAILED
  }

  public ImportReport {
    rejections = List.copyOf(rejections);
  }

  public boolean stored() {
    return outcome == Outcome.COMMITTED;
  }

  /** A summary line for a log or a console: counts only, never row contents. */
  public String summary() {
    return kind + " " + file + ": " + outcome.name().toLowerCase() + ", " + rowsRead + " read, " + rowsStored
        + " stored, " + rejections.size() + " rejected" + (message == null ? "" : " (" + message + ")");
  }
}
