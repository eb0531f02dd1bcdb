package io.mimamori.data.imports;

import io.mimamori.data.imports.register.RegisterOptions;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * How to run an import. {@code charset}: for text files (CSV), null to detect it (a BOM, else
 * valid UTF-8, else Shift_JIS as Windows writes it, windows-31j). {@code cancelled} is polled
 * between rows; the thread's interrupt flag cancels too. A cancelled import stores nothing.
 * {@code register}: what only a register import asks (full-file and municipality options).
 */
public record ImportOptions(
    ImportMode mode, Charset charset, ImportProgress progress, BooleanSupplier cancelled, RegisterOptions register) {

  public ImportOptions {
    Objects.requireNonNull(mode, "mode");
    progress = progress == null ? ImportProgress.NONE : progress;
    cancelled = cancelled == null ? () -> false : cancelled;
    register = register == null ? RegisterOptions.DEFAULTS : register;
  }

  public ImportOptions(ImportMode mode, Charset charset, ImportProgress progress, BooleanSupplier cancelled) {
    this(mode, charset, progress, cancelled, null);
  }

  /** All or nothing, charset detected, no progress, never cancelled. */
  public static ImportOptions defaults() {
    return new ImportOptions(ImportMode.ALL_OR_NOTHING, null, null, null);
  }

  public ImportOptions withMode(ImportMode newMode) {
    return new ImportOptions(newMode, charset, progress, cancelled, register);
  }

  public ImportOptions withCharset(Charset newCharset) {
    return new ImportOptions(mode, newCharset, progress, cancelled, register);
  }

  public ImportOptions withProgress(ImportProgress newProgress) {
    return new ImportOptions(mode, charset, newProgress, cancelled, register);
  }

  public ImportOptions withCancellation(BooleanSupplier newCancelled) {
    return new ImportOptions(mode, charset, progress, newCancelled, register);
  }

  public ImportOptions withRegister(RegisterOptions newRegister) {
    return new ImportOptions(mode, charset, progress, cancelled, newRegister);
  }

  /** Throws {@link CancellationException} if the caller asked to stop or the thread was interrupted. */
  public void checkCancelled(String file) {
    if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
      throw new CancellationException("import of " + file + " cancelled");
    }
  }
}
