package io.mimamori.server.cli;

import java.io.PrintStream;

/**
 * Shows long work on the terminal: a bar redrawn in place when the output is a terminal, otherwise
 * one line per 10% (so CI logs and redirected output stay readable).
 */
final class ProgressBar {

  private final PrintStream out;
  private final boolean terminal = System.console() != null;
  private final long started = System.nanoTime();
  private int lastShown = -1;

  ProgressBar(PrintStream out) {
    this.out = out;
  }

  synchronized void update(String phase, double fraction) {
    int percent = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
    double seconds = (System.nanoTime() - started) / 1e9;
    if (terminal) {
      if (percent == lastShown) {
        return;
      }
      int filled = percent * 30 / 100;
      out.printf("\r  [%s%s] %3d%%  %-12s %6.1f s", "#".repeat(filled), " ".repeat(30 - filled), percent, phase, seconds);
      out.flush();
    } else if (percent / 10 != lastShown / 10 || lastShown < 0) {
      out.printf("  %3d%%  %-12s %6.1f s%n", percent, phase, seconds);
    }
    lastShown = percent;
  }

  synchronized void done() {
    if (terminal) {
      out.println();
    }
  }
}
