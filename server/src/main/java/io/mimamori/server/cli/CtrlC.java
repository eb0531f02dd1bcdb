package io.mimamori.server.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Turns Ctrl-C (or SIGTERM) during long work into a cancellation the work can see: the shutdown
 * hook raises the flag and waits (up to a minute) for the work to roll back and {@link #close}.
 * Closing after the work is done removes the hook.
 */
final class CtrlC implements AutoCloseable, BooleanSupplier {

  private volatile boolean cancelled;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  CtrlC() {
    hook = new Thread(() -> {
      cancelled = true;
      try {
        finished.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "mimamori-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public boolean getAsBoolean() {
    return cancelled;
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running; it returns now that the work is finished
    }
  }
}
