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

/**
 * Reads Chao's team orienteering format: {@code n}, {@code m} (teams) and {@code tmax} (each route's
 * length limit), then n lines of x, y, score. The first point is where every team starts and ends
 * (the copies here list it once); the others are tasks whose priority is their score. Not every
 * task fits: the optimiser maximises the score reached, as the problem asks.
 */
public final class TopReader {

  private TopReader() {}

  public static BenchmarkInstance read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    int n = -1;
    int m = -1;
    double tmax = -1;
    List<double[]> points = new ArrayList<>();
    for (int ln = 0; ln < lines.size(); ln++) {
      String line = lines.get(ln).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      try {
        switch (f[0]) {
          case "n" -> n = Integer.parseInt(f[1]);
          case "m" -> m = Integer.parseInt(f[1]);
          case "tmax" -> tmax = Double.parseDouble(f[1]);
          default -> {
            if (f.length < 3) {
              throw new IOException(file + ": line " + (ln + 1) + ": expected x, y and score");
            }
            points.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
          }
        }
      } catch (NumberFormatException e) {
        throw new IOException(file + ": line " + (ln + 1) + ": not a number: " + e.getMessage(), e);
      }
    }
    if (n < 2 || m < 1 || tmax < 0 || points.size() != n) {
      throw new IOException(file + ": header says n=" + n + ", m=" + m + ", tmax=" + tmax + "; found " + points.size() + " points");
    }
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = points.get(i)[0];
      y[i] = points.get(i)[1];
    }
    EuclideanTravelTimes times = EuclideanTravelTimes.of(x, y);
    List<Task> tasks = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      tasks.add(Task.visit(String.valueOf(i), i, Math.round(points.get(i)[2]), 0));
    }
    List<Team> teams = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      teams.add(Team.of("t" + (k + 1), 0, TimeWindow.of(0, tmax)));
    }
    String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
    return new BenchmarkInstance(name, new RoutingProblem(times, tasks, teams, Objective.PRIORITY_THEN_TRAVEL), times);
  }
}
