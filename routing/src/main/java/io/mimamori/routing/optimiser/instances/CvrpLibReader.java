package io.mimamori.routing.optimiser.instances;

import io.mimamori.routing.optimiser.EuclideanTravelTimes;
import io.mimamori.routing.optimiser.Objective;
import io.mimamori.routing.optimiser.RoutingProblem;
import io.mimamori.routing.optimiser.Task;
import io.mimamori.routing.optimiser.Team;
import io.mimamori.routing.optimiser.TimeWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a CVRPLIB (TSPLIB-style) CVRP instance with EUC_2D distances rounded to the nearest
 * integer, as the X set's best-known costs are counted. The depot becomes location 0 and the fleet
 * is as large as the number of customers (unlimited in effect); the objective is the distance.
 * Also reads the cost from a CVRPLIB {@code .sol} file.
 */
public final class CvrpLibReader {

  private CvrpLibReader() {}

  public static BenchmarkInstance read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    String name = null;
    int dimension = -1;
    int capacity = -1;
    double[][] coords = null;
    int[] demand = null;
    int depot = -1;
    String section = "";
    for (int ln = 0; ln < lines.size(); ln++) {
      String line = lines.get(ln).strip();
      if (line.isEmpty() || line.equals("EOF")) {
        continue;
      }
      try {
        if (line.contains(":")) {
          String key = line.substring(0, line.indexOf(':')).strip();
          String value = line.substring(line.indexOf(':') + 1).strip();
          switch (key) {
            case "NAME" -> name = value;
            case "DIMENSION" -> dimension = Integer.parseInt(value);
            case "CAPACITY" -> capacity = Integer.parseInt(value);
            case "EDGE_WEIGHT_TYPE" -> {
              if (!value.equals("EUC_2D")) {
                throw new IOException(file + ": line " + (ln + 1) + ": only EUC_2D is read, found " + value);
              }
            }
            default -> { }
          }
          continue;
        }
        if (line.endsWith("_SECTION")) {
          section = line;
          if (dimension < 1) {
            throw new IOException(file + ": line " + (ln + 1) + ": section before DIMENSION");
          }
          if (coords == null) {
            coords = new double[dimension][];
            demand = new int[dimension];
          }
          continue;
        }
        String[] f = line.split("\\s+");
        switch (section) {
          case "NODE_COORD_SECTION" -> coords[Integer.parseInt(f[0]) - 1] =
              new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
          case "DEMAND_SECTION" -> demand[Integer.parseInt(f[0]) - 1] = Integer.parseInt(f[1]);
          case "DEPOT_SECTION" -> {
            int d = Integer.parseInt(f[0]);
            if (d > 0 && depot < 0) {
              depot = d - 1;
            }
          }
          default -> throw new IOException(file + ": line " + (ln + 1) + ": data outside a known section");
        }
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new IOException(file + ": line " + (ln + 1) + ": malformed: " + e.getMessage(), e);
      }
    }
    if (coords == null || depot < 0 || capacity < 0) {
      throw new IOException(file + ": missing coordinates, depot or capacity");
    }
    // location 0 is the depot, then the customers in file order
    double[] x = new double[dimension];
    double[] y = new double[dimension];
    int[] node = new int[dimension];
    node[0] = depot;
    for (int i = 0, k = 1; i < dimension; i++) {
      if (i != depot) {
        node[k++] = i;
      }
    }
    for (int k = 0; k < dimension; k++) {
      if (coords[node[k]] == null) {
        throw new IOException(file + ": node " + (node[k] + 1) + " has no coordinates");
      }
      x[k] = coords[node[k]][0];
      y[k] = coords[node[k]][1];
    }
    EuclideanTravelTimes times = new EuclideanTravelTimes(x, y, 1, EuclideanTravelTimes.Rounding.NEAREST_INTEGER);
    List<Task> tasks = new ArrayList<>();
    for (int k = 1; k < dimension; k++) {
      tasks.add(new Task(String.valueOf(node[k] + 1), k, 1, 0, TimeWindow.ALWAYS, Set.of(), 1, demand[node[k]]));
    }
    List<Team> teams = new ArrayList<>();
    for (int k = 0; k < dimension - 1; k++) {
      teams.add(new Team("v" + (k + 1), 0, 0, TimeWindow.ALWAYS, Set.of(), 1, capacity));
    }
    return new BenchmarkInstance(name == null ? file.getFileName().toString() : name,
        new RoutingProblem(times, tasks, teams, Objective.PRIORITY_THEN_TRAVEL), times);
  }

  /** The cost and route count of a CVRPLIB solution file ("Route #i: ..." lines, then "Cost N"). */
  public static BestKnown readSolution(Path sol) throws IOException {
    int routes = 0;
    Double cost = null;
    for (String line : Files.readAllLines(sol, StandardCharsets.US_ASCII)) {
      String s = line.strip();
      if (s.startsWith("Route")) {
        routes++;
      } else if (s.startsWith("Cost")) {
        cost = Double.parseDouble(s.substring(4).strip());
      }
    }
    if (cost == null) {
      throw new IOException(sol + ": no Cost line");
    }
    return new BestKnown(sol.getFileName().toString().replaceFirst("\\.sol$", ""), routes, cost);
  }
}
