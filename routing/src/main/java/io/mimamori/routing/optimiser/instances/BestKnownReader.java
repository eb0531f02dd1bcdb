package io.mimamori.routing.optimiser.instances;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the best-known tables that come with the benchmark sets; keys are upper-case instance names. */
public final class BestKnownReader {

  private BestKnownReader() {}

  /**
   * Solomon's table transcribed from LKH-3's results: the exact-distance columns
   * ({@code exact_table_vehicles}, {@code exact_table_bks_distance}).
   */
  public static Map<String, BestKnown> solomon(Path csv) throws IOException {
    return csv(csv, "instance", "exact_table_vehicles", "exact_table_bks_distance");
  }

  /** Gehring and Homberger's table from SINTEF ({@code instance}, {@code routes}, {@code distance}). */
  public static Map<String, BestKnown> gehringHomberger(Path csv) throws IOException {
    return csv(csv, "instance", "routes", "distance");
  }

  /** Chao's best-known scores: lines of {@code <instance file> <score>}. */
  public static Map<String, BestKnown> chao(Path txt) throws IOException {
    Map<String, BestKnown> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(txt, StandardCharsets.US_ASCII);
    for (int ln = 0; ln < lines.size(); ln++) {
      String[] f = lines.get(ln).strip().split("\\s+");
      if (f.length < 2) {
        continue;
      }
      String name = f[0].replaceFirst("\\.txt$", "").toUpperCase(Locale.ROOT);
      try {
        out.put(name, new BestKnown(name, -1, Double.parseDouble(f[1])));
      } catch (NumberFormatException e) {
        throw new IOException(txt + ": line " + (ln + 1) + ": score is not a number", e);
      }
    }
    return out;
  }

  private static Map<String, BestKnown> csv(Path csv, String nameCol, String vehiclesCol, String valueCol)
      throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).strip().split(","));
    int ni = header.indexOf(nameCol);
    int vi = header.indexOf(vehiclesCol);
    int di = header.indexOf(valueCol);
    if (ni < 0 || vi < 0 || di < 0) {
      throw new IOException(csv + ": header lacks " + nameCol + ", " + vehiclesCol + " or " + valueCol);
    }
    Map<String, BestKnown> out = new LinkedHashMap<>();
    for (int ln = 1; ln < lines.size(); ln++) {
      String line = lines.get(ln).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",");
      try {
        String name = f[ni].toUpperCase(Locale.ROOT);
        out.put(name, new BestKnown(name, Integer.parseInt(f[vi]), Double.parseDouble(f[di])));
      } catch (RuntimeException e) {
        throw new IOException(csv + ": line " + (ln + 1) + ": expected a name, vehicles and a number", e);
      }
    }
    return out;
  }
}
