package io.mimamori.data.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides how a text file from a Japanese municipality is encoded. Such files come as UTF-8 (often
 * with a BOM, as Excel writes "CSV UTF-8") or as Shift_JIS in Microsoft's variant (CP932, Java's
 * {@code windows-31j}, which has the NEC and IBM extension characters such as ① and 髙). A BOM
 * decides; otherwise a file that is valid UTF-8 throughout is UTF-8, else one that is valid CP932
 * is CP932. Every byte is checked, so a bad byte is found up front and named by its line.
 *
 * <p>CP932 has no MINUS SIGN (U+2212) or WAVE DASH (U+301C): text that went through Shift_JIS
 * carries FULLWIDTH HYPHEN-MINUS (U+FF0D) and FULLWIDTH TILDE (U+FF5E) in their place.
 */
public final class TextEncoding {

  public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private TextEncoding() {}

  /**
   * The charset to read {@code file} with: {@code declared} when given (after checking every byte
   * decodes), else detected as described above.
   */
  public static Charset resolve(Path file, Charset declared) throws IOException {
    String name = file.getFileName().toString();
    if (declared != null) {
      long bad = firstBadLine(file, declared);
      if (bad > 0) {
        throw new UnreadableFileException(name, bad, "not valid " + declared.name() + " text");
      }
      return declared;
    }
    if (startsWith(file, UTF8_BOM)) {
      long bad = firstBadLine(file, StandardCharsets.UTF_8);
      if (bad > 0) {
        throw new UnreadableFileException(name, bad, "starts with a UTF-8 byte order mark but is not valid UTF-8");
      }
      return StandardCharsets.UTF_8;
    }
    long badUtf8 = firstBadLine(file, StandardCharsets.UTF_8);
    if (badUtf8 == 0) {
      return StandardCharsets.UTF_8;
    }
    long badSjis = firstBadLine(file, SHIFT_JIS);
    if (badSjis == 0) {
      return SHIFT_JIS;
    }
    throw new UnreadableFileException(name, badUtf8,
        "neither UTF-8 nor Shift_JIS (CP932) text (not UTF-8 from this line, not Shift_JIS from line " + badSjis + ")");
  }

  /** The line (from 1) holding the first byte that does not decode in {@code charset}, or 0 if all do. */
  public static long firstBadLine(Path file, Charset charset) throws IOException {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    CharBuffer out = CharBuffer.allocate(1 << 16);
    long newlines = 0;
    try (InputStream stream = Files.newInputStream(file)) {
      boolean end = false;
      while (true) {
        if (!end) {
          int n = stream.read(in.array(), in.position(), in.remaining());
          if (n < 0) {
            end = true;
          } else {
            in.position(in.position() + n);
          }
        }
        in.flip();
        CoderResult r = decoder.decode(in, out, end);
        newlines += countNewlines(out);
        if (r.isError()) {
          return newlines + 1;
        }
        in.compact();
        if (end && r.isUnderflow()) {
          CoderResult f = decoder.flush(out);
          newlines += countNewlines(out);
          return f.isError() ? newlines + 1 : 0;
        }
      }
    }
  }

  private static long countNewlines(CharBuffer out) {
    out.flip();
    long n = 0;
    while (out.hasRemaining()) {
      if (out.get() == '\n') {
        n++;
      }
    }
    out.clear();
    return n;
  }

  private static boolean startsWith(Path file, byte[] prefix) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(prefix.length);
      return java.util.Arrays.equals(head, prefix);
    }
  }
}
