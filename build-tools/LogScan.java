import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build's test-log scan: fails when a log line written during the tests holds a synthetic
 * resident's name, address or condition note from the test data. Run by Maven in every module's
 * verify phase, after the tests, over that module's {@code target/test-logs} (each test JVM writes
 * its log there, see logback-test.xml):
 *
 * <pre>java build-tools/LogScan.java build-tools/test-personal-data.txt module/target/test-logs</pre>
 *
 * The list names family names and given names (any family name followed by any given name is a
 * person's name; a one-character given name counts only after a space, so "見守一丁目" is a place,
 * "見守 一" a person), literal texts and regular expressions. Exit 0 when clean, 1 with every hit
 * listed, 2 on bad usage. Only lines with non-ASCII characters can hold these, so the others are
 * skipped.
 */
public final class LogScan {

  private final Set<String> families = new LinkedHashSet<>();
  private final Set<String> givens = new LinkedHashSet<>();
  private final List<String> texts = new ArrayList<>();
  private final List<Pattern> patterns = new ArrayList<>();

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: java LogScan.java LIST DIR_OR_FILE...");
      System.exit(2);
    }
    LogScan scan = new LogScan(Path.of(args[0]));
    List<String> hits = new ArrayList<>();
    int files = 0;
    for (int i = 1; i < args.length; i++) {
      Path root = Path.of(args[i]);
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path f : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
          files++;
          hits.addAll(scan.file(f));
        }
      }
    }
    if (!hits.isEmpty()) {
      System.err.println("Test log scan: " + hits.size() + " log lines hold synthetic residents' personal data "
          + "(logs must never carry names, addresses or conditions):");
      hits.stream().limit(50).forEach(h -> System.err.println("  " + h));
      System.exit(1);
    }
    if (files > 0 && System.getenv("LOG_SCAN_VERBOSE") != null) {
      System.out.println("Test log scan: " + files + " files clean");
    }
  }

  LogScan(Path list) throws IOException {
    for (String raw : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String kind = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      switch (kind) {
        case "family" -> families.addAll(List.of(value.split("\\s+")));
        case "given" -> givens.addAll(List.of(value.split("\\s+")));
        case "text" -> texts.add(value);
        case "pattern" -> patterns.add(Pattern.compile(value));
        default -> throw new IllegalArgumentException("unknown kind '" + kind + "' in " + list);
      }
    }
  }

  List<String> file(Path f) throws IOException {
    List<String> hits = new ArrayList<>();
    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      String what = line(lines.get(n));
      if (what != null) {
        hits.add(f + ":" + (n + 1) + ": " + what);
      }
    }
    return hits;
  }

  /** What the line holds (a name, a text, a pattern's match), or null. */
  String line(String raw) {
    if (raw.chars().allMatch(c -> c < 128)) {
      return null;
    }
    String s = raw.replace('\u3000', ' ');
    for (String family : families) {
      for (int i = s.indexOf(family); i >= 0; i = s.indexOf(family, i + 1)) {
        int at = i + family.length();
        boolean spaced = at < s.length() && s.charAt(at) == ' ';
        int start = spaced ? at + 1 : at;
        for (String given : givens) {
          if (s.startsWith(given, start) && (spaced || given.length() >= 2)) {
            return "a name (" + family + " " + given + ")";
          }
        }
      }
    }
    for (String t : texts) {
      if (s.contains(t)) {
        return "a text of the test data (" + t + ")";
      }
    }
    for (Pattern p : patterns) {
      var m = p.matcher(s);
      if (m.find()) {
        return "an address (" + m.group() + ")";
      }
    }
    return null;
  }
}
