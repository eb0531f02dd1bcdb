package io.mimamori.bench.vrp;

import io.mimamori.routing.optimiser.CheckReport;
import io.mimamori.routing.optimiser.PlanEvaluator;
import io.mimamori.routing.optimiser.RouteOptimiser;
import io.mimamori.routing.optimiser.Solution;
import io.mimamori.routing.optimiser.SolutionChecker;
import io.mimamori.routing.optimiser.SolverSettings;
import io.mimamori.routing.optimiser.instances.BenchmarkInstance;
import io.mimamori.routing.optimiser.instances.BestKnown;
import io.mimamori.routing.optimiser.instances.BestKnownReader;
import io.mimamori.routing.optimiser.instances.CvrpLibReader;
import io.mimamori.routing.optimiser.instances.SolomonReader;
import io.mimamori.routing.optimiser.instances.TopReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs the route optimiser (and peers) on a literature benchmark set, one instance after another
 * with the same wall-clock budget each, checks every result with {@link SolutionChecker}, and prints
 * a Markdown table per instance and a summary.
 *
 * <pre>
 * java -cp 'bench/target/classes:bench/target/lib/*' io.mimamori.bench.vrp.VrpBench \
 *     SET SECONDS[cpu] SOLVERS [INSTANCE_REGEX] [DATA_DIR] [THREADS]
 * SET: solomon | gh200 | gh400 | top | cvrp   SOLVERS: ours,jsprit,ortools,timefold
 * </pre>
 *
 * For VRPTW (Solomon, Gehring-Homberger) the gap is to the best-known distance and the vehicles
 * are compared too (the hierarchical objective: vehicles first); for CVRP the gap is to the
 * best-known cost with distances rounded as CVRPLIB does; for the team orienteering problem the
 * score is given as a percentage of the best-known score.
 */
public final class VrpBench {

  private VrpBench() {}

  record Row(String instance, BestKnown bks, List<Result> results) {}

  record Result(String solver, boolean valid, int vehicles, double distance, long score, double metric) {}

  public static void main(String[] args) throws Exception {
    String set = args[0];
    // "10" is ten seconds of wall-clock time, "10cpu" ten seconds of the solving thread's CPU time
    boolean cpu = args[1].endsWith("cpu");
    double seconds = Double.parseDouble(args[1].replace("cpu", ""));
    List<String> solvers = List.of(args.length > 2 ? args[2].split(",") : new String[] {"ours"});
    Pattern filter = Pattern.compile(args.length > 3 ? args[3] : ".*");
    Path data = Path.of(args.length > 4 ? args[4] : "../shared/data");
    int threads = args.length > 5 ? Integer.parseInt(args[5]) : 1;
    boolean top = set.equals("top");
    List<Path> files = files(set, data);
    Map<String, BestKnown> bks = bestKnown(set, data);
    System.out.printf(Locale.ROOT, "# %s, %.0f s %s per instance and solver, %d thread(s) for ours%n%n", set, seconds,
        cpu ? "of CPU time" : "wall-clock", threads);
    StringBuilder header = new StringBuilder("| instance | best-known " + (top ? "score" : "veh / dist") + " |");
    StringBuilder rule = new StringBuilder("|---|---:|");
    for (String s : solvers) {
      header.append(' ').append(s).append(top ? " score | " : " veh / dist | ").append(s).append(top ? " % |" : " gap % |");
      rule.append("---:|---:|");
    }
    System.out.println(header);
    System.out.println(rule);
    List<Row> rows = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString().replaceFirst("\\.(txt|vrp)$", "");
      if (!filter.matcher(name).matches()) {
        continue;
      }
      BenchmarkInstance inst = read(set, f);
      BestKnown b = set.equals("cvrp") ? CvrpLibReader.readSolution(f.resolveSibling(name + ".sol"))
          : bks.get(name.toUpperCase(Locale.ROOT));
      List<Result> results = new ArrayList<>();
      for (String solver : solvers) {
        Solution s = switch (solver) {
          case "ours" -> RouteOptimiser.solve(inst.problem(),
              new SolverSettings(Duration.ofMillis((long) (seconds * 1000)), Long.MAX_VALUE, 1, threads, cpu));
          case "jsprit" -> PlanEvaluator.evaluate(inst.problem(),
              JspritPeer.solve(inst.problem(), seconds, inst.problem().objective().minimiseTeams(), cpu));
          case "ortools" -> PlanEvaluator.evaluate(inst.problem(),
              OrToolsPeer.solve(inst.problem(), seconds, inst.problem().objective().minimiseTeams(), cpu));
          case "timefold" -> PlanEvaluator.evaluate(inst.problem(),
              TimefoldPeer.solve(inst.problem(), seconds, inst.problem().objective().minimiseTeams(), cpu));
          default -> throw new IllegalArgumentException("unknown solver " + solver);
        };
        CheckReport report = SolutionChecker.check(inst.problem(), s);
        boolean complete = top || s.leftOut().isEmpty();
        double metric = top ? 100.0 * s.priorityReached() / b.value() : 100.0 * (s.travelSeconds() / b.value() - 1);
        results.add(new Result(solver, report.valid() && complete, s.teamsUsed(), s.travelSeconds(), s.priorityReached(), metric));
      }
      Row row = new Row(name, b, results);
      rows.add(row);
      System.out.println(format(row, top));
    }
    System.out.println();
    summary(rows, solvers, top);
  }

  private static String format(Row row, boolean top) {
    StringBuilder sb = new StringBuilder("| " + row.instance() + " | ");
    sb.append(top ? String.format(Locale.ROOT, "%.0f", row.bks().value())
        : String.format(Locale.ROOT, "%s / %.2f", row.bks().vehicles() < 0 ? "-" : row.bks().vehicles(), row.bks().value()));
    sb.append(" |");
    for (Result r : row.results()) {
      String invalid = r.valid() ? "" : " INVALID";
      if (top) {
        sb.append(String.format(Locale.ROOT, " %d%s | %.2f |", r.score(), invalid, r.metric()));
      } else {
        sb.append(String.format(Locale.ROOT, " %d / %.2f%s | %.2f |", r.vehicles(), r.distance(), invalid, r.metric()));
      }
    }
    return sb.toString();
  }

  private static void summary(List<Row> rows, List<String> solvers, boolean top) {
    System.out.println("| solver | instances | valid | " + (top ? "mean score % of best-known | min % | total score"
        : "mean gap % | vehicles = best-known | mean gap % there | fewer | more | total vehicles (best-known)") + " |");
    System.out.println(top ? "|---|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int k = 0; k < solvers.size(); k++) {
      int valid = 0;
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      int same = 0;
      int fewer = 0;
      int more = 0;
      int veh = 0;
      int bveh = 0;
      int counted = 0;
      long scoreSum = 0;
      double sameSum = 0;
      for (Row row : rows) {
        Result r = row.results().get(k);
        valid += r.valid() ? 1 : 0;
        scoreSum += r.score();
        if (Double.isFinite(r.metric())) {
          // a best-known score of 0 (nothing reachable in the original instance) gives no ratio
          counted++;
          sum += r.metric();
          min = Math.min(min, r.metric());
        }
        veh += r.vehicles();
        bveh += Math.max(0, row.bks().vehicles());
        if (row.bks().vehicles() >= 0) {
          if (r.vehicles() == row.bks().vehicles()) {
            same++;
            sameSum += r.metric();
          } else if (r.vehicles() < row.bks().vehicles()) {
            fewer++;
          } else {
            more++;
          }
        }
      }
      double mean = sum / Math.max(1, counted);
      if (top) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f (%d with a positive best-known) | %.2f | %d |%n",
            solvers.get(k), rows.size(), valid, mean, counted, min, scoreSum);
      } else {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %d | %.2f | %d | %d | %d (%d) |%n", solvers.get(k),
            rows.size(), valid, mean, same, sameSum / Math.max(1, same), fewer, more, veh, bveh);
      }
    }
  }

  private static BenchmarkInstance read(String set, Path f) throws IOException {
    return switch (set) {
      case "solomon", "gh200", "gh400" -> SolomonReader.read(f);
      case "top" -> TopReader.read(f);
      case "cvrp" -> CvrpLibReader.read(f);
      default -> throw new IllegalArgumentException("unknown set " + set);
    };
  }

  private static Map<String, BestKnown> bestKnown(String set, Path data) throws IOException {
    return switch (set) {
      case "solomon" -> BestKnownReader.solomon(data.resolve("vrp-solomon-bks-lkh3/solomon_100_bks_from_lkh3_tables.csv"));
      case "gh200", "gh400" -> BestKnownReader.gehringHomberger(data.resolve("vrp-gehring-homberger/bks_table_gehring_homberger.csv"));
      case "top" -> BestKnownReader.chao(data.resolve("vrp-top-chao/chaoResults_best_known_scores.txt"));
      default -> Map.of();
    };
  }

  private static List<Path> files(String set, Path data) throws IOException {
    Path dir;
    String glob;
    switch (set) {
      case "solomon" -> { dir = data.resolve("vrp-solomon-jsprit"); glob = "[CR]*.txt"; }
      case "gh200" -> { dir = data.resolve("vrp-gehring-homberger/instances"); glob = "*_2_*.txt"; }
      case "gh400" -> { dir = data.resolve("vrp-gehring-homberger/instances"); glob = "*_4_*.txt"; }
      case "top" -> { dir = data.resolve("vrp-top-chao"); glob = "p4.*.txt"; }
      case "cvrp" -> { dir = data.resolve("vrp-cvrplib-x-pyvrp"); glob = "X-*.vrp"; }
      default -> throw new IllegalArgumentException("unknown set " + set);
    }
    List<Path> out = new ArrayList<>();
    try (var ds = Files.newDirectoryStream(dir, glob)) {
      ds.forEach(out::add);
    }
    out.sort((a, b) -> naturalKey(a).compareTo(naturalKey(b)));
    return out;
  }

  /** Orders X-n101 before X-n1001 and c1_2_2 before c1_2_10. */
  private static String naturalKey(Path p) {
    String n = p.getFileName().toString();
    StringBuilder sb = new StringBuilder();
    var m = Pattern.compile("\\d+|\\D+").matcher(n);
    while (m.find()) {
      String g = m.group();
      sb.append(Character.isDigit(g.charAt(0)) ? String.format("%08d", Long.parseLong(g)) : g);
    }
    return sb.toString();
  }

}
