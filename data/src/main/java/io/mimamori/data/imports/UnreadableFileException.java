package io.mimamori.data.imports;

import java.io.IOException;

/**
 * A file that cannot be read at all: not JSON, not well-formed XML, not in the expected encoding,
 * missing required columns. The message names the file and, where known, the line.
 */
public final class UnreadableFileException extends IOException {

  private final String file;
  private final long line;

  /** {@code line} counted from 1, or 0 when unknown. */
  public UnreadableFileException(String file, long line, String problem, Throwable cause) {
    super(file + (line > 0 ? ", line " + line : "") + ": " + problem, cause);
    this.file = file;
    this.line = line;
  }

  public UnreadableFileException(String file, long line, String problem) {
    this(file, line, problem, null);
  }

  public String file() {
    return file;
  }

  /** The line counted from 1, or 0 when unknown. */
  public long line() {
    return line;
  }
}
