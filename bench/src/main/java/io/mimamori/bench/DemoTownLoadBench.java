package io.mimamori.bench;

import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.data.demo.DemoTownSummary;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.db.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Generates and loads a demo town of N residents into a private PostgreSQL cluster and prints how
 * long it took, rows per second, the JVM's peak heap and peak resident set, and the database size.
 *
 * <pre>
 * java -Xmx2g -cp 'bench/target/classes:bench/target/lib/*' io.mimamori.bench.DemoTownLoadBench \
 *     [residents=1000000] [cluster folder=bench/target/pg-bench] [scale=1.0] [seed=20260101]
 * </pre>
 *
 * The database {@code bench_demo} is dropped and created anew on each run; the cluster is stopped at
 * the end.
 */
public final class DemoTownLoadBench {

  private static final String DATABASE = "bench_demo";

  private DemoTownLoadBench() {}

  public static void main(String[] args) throws Exception {
    int residents = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    Path home = Path.of(args.length > 1 ? args[1] : "bench/target/pg-bench");
    double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : DemoTownSpec.DEFAULT_SEED;
    Path out = home.toAbsolutePath().resolveSibling("demo-town-out");
    Files.createDirectories(out);

    try (EmbeddedPostgres pg = EmbeddedPostgres.start(home, "postgres")) {
      try (Connection c = pg.connect("postgres");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      }
      pg.ensureDatabase(DATABASE);
      try (Database db = Database.open(pg.config(DATABASE), 2)) {
        resetPeaks();
        long t0 = System.nanoTime();
        long[] lastPrint = {0};
        DemoTownSummary summary = DemoTownGenerator.generateAndLoad(db.dataSource(),
            new DemoTownSpec(seed, residents, scale, java.util.List.of(), java.util.List.of()), out,
            (phase, f) -> {
              long now = System.nanoTime();
              if (now - lastPrint[0] > 2_000_000_000L || f >= 1.0) {
                System.out.printf(Locale.ROOT, "  %5.1f s  %-10s %3.0f%%%n", (now - t0) / 1e9, phase, f * 100);
                lastPrint[0] = now;
              }
            },
            () -> false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long rows = summary.rowsPerTable().values().stream().mapToLong(Long::longValue).sum();
        long dbBytes;
        try (Connection c = db.dataSource().getConnection();
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
          rs.next();
          dbBytes = rs.getLong(1);
        }
        System.out.println();
        System.out.println("rows per table: " + summary.rowsPerTable());
        System.out.printf(Locale.ROOT, "OSM file: %s (%.1f MiB)%n", summary.osmFile(), Files.size(summary.osmFile()) / 1048576.0);
        System.out.println();
        System.out.println("| residents | scale | generate+load s | rows | rows/s | residents/s | peak heap MiB | max heap MiB | peak RSS MiB | database MiB |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| %,d | %.1f | %.1f | %,d | %,.0f | %,.0f | %d | %d | %d | %d |%n", residents, scale,
            seconds, rows, rows / seconds, residents / seconds, peakHeapBytes() / 1048576,
            Runtime.getRuntime().maxMemory() / 1048576, peakRssKib() / 1024, dbBytes / 1048576);
      }
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** The sum of the heap pools' peak usage since the reset (eden, survivor, old generation). */
  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** VmHWM: the most resident memory this process has held, in KiB (Linux only; -1 elsewhere). */
  private static long peakRssKib() throws java.io.IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
