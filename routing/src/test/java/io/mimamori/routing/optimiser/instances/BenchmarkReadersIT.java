package io.mimamori.routing.optimiser.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.routing.optimiser.CheckReport;
import io.mimamori.routing.optimiser.PlanEvaluator;
import io.mimamori.routing.optimiser.RoutingProblem;
import io.mimamori.routing.optimiser.SolutionChecker;
import io.mimamori.routing.optimiser.Task;
import io.mimamori.routing.optimiser.Team;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers on the real benchmark files, and the best-known solutions that come with them
 * replayed through the checker: their cost, recomputed, must be the published one.
 */
class BenchmarkReadersIT {

  @Test
  void readsSolomonC101WithItsCrlfLines() throws IOException {
    BenchmarkInstance c101 = SolomonReader.read(SharedData.dir("vrp-solomon-jsprit").resolve("C101.txt"));
    RoutingProblem p = c101.problem();
    assertThat(c101.name()).isEqualTo("C101");
    assertThat(p.tasks()).hasSize(100);
    assertThat(p.teams()).hasSize(25);
    Team v = p.teams().get(0);
    assertThat(v.capacity()).isEqualTo(200);
    assertThat(v.shift().latest()).isEqualTo(1236.0);
    Task first = p.tasks().get(0);
    assertThat(first.location()).isEqualTo(1);
    assertThat(first.demand()).isEqualTo(10);
    assertThat(first.window().earliest()).isEqualTo(912.0);
    assertThat(first.window().latest()).isEqualTo(967.0);
    assertThat(first.serviceSeconds()).isEqualTo(90.0);
    // depot (40, 50) to customer 1 (45, 68)
    assertThat(p.travelTimes().seconds(0, 1)).isCloseTo(Math.hypot(5, 18), Offset.offset(1e-12));
    assertThat(p.objective().minimiseTeams()).isTrue();
  }

  @Test
  void readsAllSolomonInstancesAndTheirBestKnownValues() throws IOException {
    Path dir = SharedData.dir("vrp-solomon-jsprit");
    Map<String, BestKnown> bks = BestKnownReader.solomon(
        SharedData.dir("vrp-solomon-bks-lkh3").resolve("solomon_100_bks_from_lkh3_tables.csv"));
    assertThat(bks).hasSize(56);
    assertThat(bks.get("R101")).isEqualTo(new BestKnown("R101", 19, 1650.80));
    assertThat(bks.get("RC101")).isEqualTo(new BestKnown("RC101", 14, 1696.95));
    int read = 0;
    try (var files = Files.newDirectoryStream(dir, "*.txt")) {
      for (Path f : files) {
        BenchmarkInstance inst = SolomonReader.read(f);
        assertThat(inst.problem().tasks()).hasSize(100);
        assertThat(bks).containsKey(inst.name());
        read++;
      }
    }
    assertThat(read).isEqualTo(56);
  }

  @Test
  void gehringHombergerBestKnownSolutionReplaysToItsPublishedDistance() throws IOException {
    Path dir = SharedData.dir("vrp-gehring-homberger");
    BenchmarkInstance inst = SolomonReader.read(dir.resolve("instances/c1_2_1.txt"));
    assertThat(inst.problem().tasks()).hasSize(200);
    Map<String, BestKnown> bks = BestKnownReader.gehringHomberger(dir.resolve("bks_table_gehring_homberger.csv"));
    assertThat(bks).hasSize(300);
    BestKnown b = bks.get("C1_2_1");
    assertThat(b).isEqualTo(new BestKnown("C1_2_1", 20, 2704.5678));
    CheckReport report = replay(inst.problem(), dir.resolve("bks_solutions/c1_2_1.20_2704.5678.txt"));
    assertThat(report.violations()).isEmpty();
    assertThat(report.teamsUsed()).isEqualTo(20);
    assertThat(report.travelSeconds()).isCloseTo(2704.5678, Offset.offset(0.01));
  }

  @Test
  void cvrpLibSolutionReplaysToItsRoundedCost() throws IOException {
    Path dir = SharedData.dir("vrp-cvrplib-x-pyvrp");
    BenchmarkInstance inst = CvrpLibReader.read(dir.resolve("X-n101-k25.vrp"));
    assertThat(inst.problem().tasks()).hasSize(100);
    assertThat(inst.problem().teams().get(0).capacity()).isEqualTo(206);
    BestKnown b = CvrpLibReader.readSolution(dir.resolve("X-n101-k25.sol"));
    assertThat(b.value()).isEqualTo(27591.0);
    assertThat(b.vehicles()).isEqualTo(26);
    // .sol numbers customers 1..n-1, which are locations 1..n-1 here (the depot is node 1 of the file)
    CheckReport report = replay(inst.problem(), dir.resolve("X-n101-k25.sol"));
    assertThat(report.violations()).isEmpty();
    assertThat(report.travelSeconds()).isEqualTo(27591.0);
  }

  @Test
  void readsChaoTopWithTheDepotFirst() throws IOException {
    Path dir = SharedData.dir("vrp-top-chao");
    BenchmarkInstance inst = TopReader.read(dir.resolve("p4.2.a.txt"));
    assertThat(inst.problem().tasks()).hasSize(98);
    assertThat(inst.problem().teams()).hasSize(2);
    assertThat(inst.problem().teams().get(0).shift().latest()).isEqualTo(25.0);
    assertThat(inst.problem().tasks().get(0).priority()).isEqualTo(7);
    assertThat(inst.coordinates().x(0)).isEqualTo(18.19);
    Map<String, BestKnown> bks = BestKnownReader.chao(dir.resolve("chaoResults_best_known_scores.txt"));
    assertThat(bks.get("P4.2.A").value()).isEqualTo(206.0);
    assertThat(bks.get("P4.4.T").value()).isEqualTo(1285.0);
  }

  @Test
  void refusesBrokenFilesNamingTheLine(@TempDir Path tmp) throws IOException {
    Path solomon = tmp.resolve("bad.txt");
    Files.writeString(solomon, "BAD\r\nVEHICLE\r\nNUMBER CAPACITY\r\n 5 100\r\nCUSTOMER\r\n 0 1 2 0 0 100 0\r\n 1 3 x 1 0 50 5\r\n",
        StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> SolomonReader.read(solomon)).hasMessageContaining("line 7").hasMessageContaining("not a number");
    Path top = tmp.resolve("top.txt");
    Files.writeString(top, "n 3\nm 1\ntmax 10\n0 0 0\n1 1 5\n", StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> TopReader.read(top)).hasMessageContaining("found 2 points");
  }

  /** Reads "Route N : a b c" lines and checks them. */
  private static CheckReport replay(RoutingProblem p, Path solution) throws IOException {
    List<int[]> routes = new ArrayList<>();
    for (String line : Files.readAllLines(solution, StandardCharsets.US_ASCII)) {
      if (!line.startsWith("Route")) {
        continue;
      }
      String[] f = line.substring(line.indexOf(':') + 1).strip().split("\\s+");
      int[] r = new int[f.length];
      for (int k = 0; k < f.length; k++) {
        // customer c is task c-1 in both formats
        r[k] = Integer.parseInt(f[k]) - 1;
      }
      routes.add(r);
    }
    int[][] order = new int[p.teams().size()][0];
    for (int k = 0; k < routes.size(); k++) {
      order[k] = routes.get(k);
    }
    return SolutionChecker.check(p, PlanEvaluator.evaluate(p, order));
  }
}
