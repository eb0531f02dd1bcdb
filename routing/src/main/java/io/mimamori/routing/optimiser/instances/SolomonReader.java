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
 * Reads Solomon's VRPTW text format, also used by Gehring and Homberger: a name, the vehicle count
 * and capacity, then one line per customer (number, x, y, demand, ready time, due date, service
 * time), customer 0 being the depot. Line ends may be CRLF. Distances and travel times are the
 * exact Euclidean distances; every customer has priority 1 and the objective is the literature's
 * hierarchical one (all customers, then fewest vehicles, then distance).
 */
public final class SolomonReader {

  private SolomonReader() {}

  public static BenchmarkInstance read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    String name = null;
    int vehicles = -1;
    int capacity = -1;
    List<double[]> rows = new ArrayList<>();
    boolean vehicleNext = false;
    for (int ln = 0; ln < lines.size(); ln++) {
      String line = lines.get(ln).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (name == null) {
        name = line;
        continue;
      }
      if (line.startsWith("NUMBER")) {
        vehicleNext = true;
        continue;
      }
      char c = line.charAt(0);
      if (!Character.isDigit(c) && c != '-') {
        continue;
      }
      String[] f = line.split("\\s+");
      try {
        if (vehicleNext) {
          if (f.length != 2) {
            throw new IOException(file + ": line " + (ln + 1) + ": expected vehicle number and capacity");
          }
          vehicles = Integer.parseInt(f[0]);
          capacity = Integer.parseInt(f[1]);
          vehicleNext = false;
          continue;
        }
        if (f.length < 7) {
          throw new IOException(file + ": line " + (ln + 1) + ": expected 7 numbers, found " + f.length);
        }
        double[] row = new double[7];
        for (int k = 0; k < 7; k++) {
          row[k] = Double.parseDouble(f[k]);
        }
        if ((int) row[0] != rows.size()) {
          throw new IOException(file + ": line " + (ln + 1) + ": customer " + (int) row[0] + " out of order");
        }
        rows.add(row);
      } catch (NumberFormatException e) {
        throw new IOException(file + ": line " + (ln + 1) + ": not a number: " + e.getMessage(), e);
      }
    }
    if (vehicles < 1 || capacity < 0 || rows.size() < 2) {
      throw new IOException(file + ": missing vehicle section or customers");
    }
    double[] x = new double[rows.size()];
    double[] y = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      x[i] = rows.get(i)[1];
      y[i] = rows.get(i)[2];
    }
    EuclideanTravelTimes times = EuclideanTravelTimes.of(x, y);
    double[] depot = rows.get(0);
    List<Task> tasks = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      double[] r = rows.get(i);
      tasks.add(new Task(String.valueOf(i), i, 1, r[6], TimeWindow.of(r[4], r[5]), Set.of(), 1, (int) r[3]));
    }
    List<Team> teams = new ArrayList<>();
    for (int k = 0; k < vehicles; k++) {
      teams.add(new Team("v" + (k + 1), 0, 0, TimeWindow.of(depot[4], depot[5]), Set.of(), 1, capacity));
    }
    return new BenchmarkInstance(name, new RoutingProblem(times, tasks, teams, Objective.PRIORITY_TEAMS_TRAVEL), times);
  }
}
