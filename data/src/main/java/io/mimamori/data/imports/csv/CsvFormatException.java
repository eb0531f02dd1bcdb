package io.mimamori.data.imports.csv;

import java.io.IOException;

/** Text that is not CSV (an unclosed quote, text after a closing quote), with the line it was found on. */
public final class CsvFormatException extends IOException {

  private final long line;

  public CsvFormatException(long line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
  }

  public long line() {
    return line;
  }
}
