package io.mimamori.data.imports.csv;

import io.mimamori.data.imports.TextEncoding;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 and Excel write it: fields separated by commas; a field in double quotes
 * may hold commas, line breaks and doubled quotes ({@code ""} for one {@code "}); records end with
 * CRLF, LF or CR. A byte order mark at the start is skipped, and empty lines are skipped (they hold
 * no record). A quote inside an unquoted field is kept as text. An unclosed quote, or text right
 * after a closing quote, is a {@link CsvFormatException} naming the line.
 *
 * <p>{@link #recordLine()} is the line on which the last record began, which is what a person
 * looking at the file in an editor needs (a record with line breaks inside spans several lines).
 */
public final class CsvReader implements Closeable {

  private static final int EOF = -1;

  private final Reader in;
  private final char delimiter;
  private final Charset charset;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private int pushedBack = Integer.MIN_VALUE;
  private long line = 1;
  private long recordLine;
  private boolean atStart = true;

  public CsvReader(Reader in) {
    this(in, ',', null);
  }

  public CsvReader(Reader in, char delimiter, Charset charset) {
    this.in = in;
    this.delimiter = delimiter;
    this.charset = charset;
  }

  /**
   * Opens a file in {@code charset}, or in the charset {@link TextEncoding#resolve detected} when
   * it is null. Decoding is strict: a byte that does not decode is an error, never a silent
   * replacement character.
   */
  public static CsvReader open(Path file, Charset charset) throws IOException {
    Charset cs = TextEncoding.resolve(file, charset);
    Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    return new CsvReader(reader, ',', cs);
  }

  /** The charset the file was opened with, or null for a reader given by the caller. */
  public Charset charset() {
    return charset;
  }

  /** The line (from 1) on which the record last returned by {@link #next()} began. */
  public long recordLine() {
    return recordLine;
  }

  /** The line (from 1) the reader is on now. */
  public long line() {
    return line;
  }

  /** The next record's fields, or null at the end of the input. */
  public List<String> next() throws IOException {
    int c = read();
    while (c == '\n' || c == '\r') {
      endOfLine(c);
      c = read();
    }
    if (c == EOF) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"') {
        c = quoted(field);
      } else {
        while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
          field.append((char) c);
          c = read();
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (c == delimiter) {
        c = read();
        continue;
      }
      if (c == '\n' || c == '\r') {
        endOfLine(c);
      }
      return fields;
    }
  }

  /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
  private int quoted(StringBuilder field) throws IOException {
    long opened = line;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new CsvFormatException(opened, "a quoted field opened on this line is never closed");
      }
      if (c == '"') {
        int after = read();
        if (after == '"') {
          field.append('"');
          continue;
        }
        if (after != delimiter && after != '\n' && after != '\r' && after != EOF) {
          throw new CsvFormatException(line, "unexpected text after a closing quote (a quote inside a quoted field must be doubled)");
        }
        return after;
      }
      if (c == '\r') {
        field.append('\r');
        int next = read();
        if (next == '\n') {
          field.append('\n');
        } else {
          unread(next);
        }
        line++;
      } else {
        if (c == '\n') {
          line++;
        }
        field.append((char) c);
      }
    }
  }

  /** Consumes a line end starting with {@code c} (CRLF counts once). */
  private void endOfLine(int c) throws IOException {
    if (c == '\r') {
      int next = read();
      if (next != '\n') {
        unread(next);
      }
    }
    line++;
  }

  private int read() throws IOException {
    if (pushedBack != Integer.MIN_VALUE) {
      int c = pushedBack;
      pushedBack = Integer.MIN_VALUE;
      return c;
    }
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
    }
    char c = buffer[position++];
    if (atStart) {
      atStart = false;
      if (c == '\uFEFF') {
        return read();
      }
    }
    return c;
  }

  private void unread(int c) {
    pushedBack = c;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
