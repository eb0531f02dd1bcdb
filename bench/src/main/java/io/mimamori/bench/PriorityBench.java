package io.mimamori.bench;

import io.mimamori.data.demo.DemoTown;
import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.db.EmbeddedPostgres;
import io.mimamori.layers.disclosure.Viewer;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityFactor;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.layers.priority.RankedQuery;
import io.mimamori.layers.priority.RankedResident;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Scores a whole demo register (default 1,000,000 residents) with the set-based pass and, beside
 * it, a naive per-resident query on a random sample (extrapolated to the register), then times
 * filtered pages of the ranked list.
 *
 * <pre>
 * java -Xmx2g -cp 'bench/target/classes:bench/target/lib/*' io.mimamori.bench.PriorityBench \
 *     [residents=1000000] [cluster folder=bench/target/pg-bench] [naive sample=2000]
 * </pre>
 *
 * A naive sample of 0 times only the ranked pages (scoring once if the database has no scores).
 * The pages are timed three ways: the store alone, and through the disclosure policy's visible set
 * as a planner of the whole town and as a planner of one district (what the server runs).
 *
 * The database {@code bench_priority} is reused when it already holds a demo town of that size.
 */
public final class PriorityBench {

  private static final String DATABASE = "bench_priority";

  /** The naive way: one resident at a time, against the whole (not subdivided) zones. */
  private static final String NAIVE_HAZARDS =
      """
      SELECT max(z.rank) FILTER (WHERE z.hazard_type = 'flood'), max(z.rank) FILTER (WHERE z.hazard_type = 'tsunami'),
             max(z.rank) FILTER (WHERE z.hazard_type = 'landslide')
      FROM resident r JOIN household hh ON hh.id = r.household_id
      JOIN hazard_zone z ON ST_Intersects(z.geom, hh.geom)
      WHERE r.id = ?
      """;
  private static final String NAIVE_PERSON =
      """
      SELECT r.care_level, r.physical_disability_grade, r.intellectual_disability_grade, r.severe_motor_intellectual,
             r.medical_devices, r.ventilator_24h, hh.composition, hh.family_frail, hh.alone_daytime,
             (SELECT count(*) FROM resident o WHERE o.household_id = r.household_id AND o.register_status = 'active'),
             (SELECT count(*) FROM evacuation_plan ep JOIN plan_supporter ps ON ps.plan_id = ep.id WHERE ep.resident_id = r.id)
      FROM resident r JOIN household hh ON hh.id = r.household_id WHERE r.id = ?
      """;

  private PriorityBench() {}

  public static void main(String[] args) throws Exception {
    int residents = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    Path home = Path.of(args.length > 1 ? args[1] : "bench/target/pg-bench");
    int sample = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    Path out = home.toAbsolutePath().resolveSibling("demo-town-out");
    Files.createDirectories(out);
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(home, DATABASE);
        Database db = Database.open(pg.config(DATABASE), 4)) {
      if (DemoTown.loaded(db.dataSource()).map(d -> d.residents() != residents).orElse(true)) {
        if (DemoTown.isLoaded(db.dataSource())) {
          throw new IllegalStateException("bench_priority holds a town of another size; remove " + home);
        }
        System.out.printf(Locale.ROOT, "Generating a demo town of %,d residents ...%n", residents);
        long t0 = System.nanoTime();
        DemoTownGenerator.generateAndLoad(db.dataSource(), DemoTownSpec.of(DemoTownSpec.DEFAULT_SEED, residents, 1.0),
            out, (phase, f) -> {}, () -> false);
        System.out.printf(Locale.ROOT, "  loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      }
      PriorityStore store = new PriorityStore(db.dataSource());
      new PlanCheckStore(db.dataSource()).checkAll(LocalDate.of(2026, 11, 22));

      if (sample > 0) {
        double[] setBased = new double[3];
        int scored = 0;
        for (int i = 0; i < setBased.length; i++) {
          long t0 = System.nanoTime();
          scored = store.scoreAll(PriorityProfile.NATIONAL);
          setBased[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(setBased);

        long[] ids = sampleIds(db, sample);
        long t0 = System.nanoTime();
        naive(db, ids);
        double naivePerResident = (System.nanoTime() - t0) / 1e9 / ids.length;
        double naiveTotal = naivePerResident * scored;

        System.out.println();
        System.out.println("| method | residents | seconds (median of 3) | residents/s | ratio |");
        System.out.println("|---|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| set-based pass (`PriorityStore.scoreAll`, national) | %,d | %.1f | %,.0f | 1.0 |%n",
            scored, setBased[1], scored / setBased[1]);
        System.out.printf(Locale.ROOT, "| naive per-resident queries (sample of %,d, extrapolated) | %,d | %.1f | %,.0f | %.1f |%n",
            ids.length, scored, naiveTotal, 1 / naivePerResident, naiveTotal / setBased[1]);
      } else {
        boolean scored;
        try (Connection c = db.dataSource().getConnection()) {
          scored = PriorityStore.scored(c, PriorityProfile.NATIONAL);
        }
        if (!scored) {
          store.scoreAll(PriorityProfile.NATIONAL); // pages only: score once if the database has no scores yet
        }
      }
      String municipality;
      try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT municipality_code FROM resident LIMIT 1")) {
        rs.next();
        municipality = rs.getString(1);
      }
      // the server ranks through the disclosure policy: the visible set joined in the same query
      java.util.Map<String, Viewer> viewers = new java.util.LinkedHashMap<>();
      viewers.put("store only (no viewer)", null);
      viewers.put("planner, whole town", new Viewer(1, "bench.planner", municipality, List.of(RoleGrant.everywhere(Role.PLANNER))));
      viewers.put("planner of district 7", new Viewer(2, "bench.district", municipality, List.of(new RoleGrant(Role.PLANNER, 7, null))));
      for (var viewer : viewers.entrySet()) {
        System.out.println();
        System.out.println("Ranked pages, " + viewer.getKey() + ":");
        System.out.println();
        System.out.println("| ranked page (50 rows) | p50 ms | p99 ms | rows |");
        System.out.println("|---|---:|---:|---:|");
        for (var entry : pages(store).entrySet()) {
          double[] ms = new double[40];
          int rows = 0;
          for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            rows = store.rank(entry.getValue(), viewer.getValue()).size();
            ms[i] = (System.nanoTime() - s) / 1e6;
          }
          Arrays.sort(ms);
          System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %d |%n", entry.getKey(), ms[ms.length / 2],
              ms[(int) Math.ceil(ms.length * 0.99) - 1], rows);
        }
      }
    }
  }

  private static java.util.Map<String, RankedQuery> pages(PriorityStore store) throws Exception {
    PriorityProfile p = PriorityProfile.NATIONAL;
    java.util.Map<String, RankedQuery> m = new java.util.LinkedHashMap<>();
    m.put("first page, no filter", RankedQuery.firstPage(p, 50));
    m.put("district 7", q(p, Optional.of(7), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    m.put("home in a flood zone", q(p, Optional.empty(), Optional.of("flood"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    m.put("24-hour ventilator", q(p, Optional.empty(), Optional.empty(), Optional.of(PriorityFactor.VENTILATOR_24H), Optional.empty(), Optional.empty(), Optional.empty()));
    m.put("band A without a plan", q(p, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("none"), Optional.of("A"), Optional.empty()));
    m.put("failed check: supporter exposed", q(p, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("supporter_exposed")));
    m.put("tsunami + district 3 + no supporter", q(p, Optional.of(3), Optional.of("tsunami"), Optional.of(PriorityFactor.NO_SUPPORTER), Optional.empty(), Optional.empty(), Optional.empty()));
    // the 200th page, by keyset
    List<RankedResident> first = store.rank(RankedQuery.firstPage(p, 1000));
    RankedResident at = first.get(first.size() - 1);
    m.put("page after 10,000 rows (keyset)", new RankedQuery(p, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new RankedQuery.After(at.score() - 20, 0)), 50));
    return m;
  }

  private static RankedQuery q(PriorityProfile p, Optional<Integer> district, Optional<String> hazard,
      Optional<PriorityFactor> factor, Optional<String> plan, Optional<String> band, Optional<String> check) {
    return new RankedQuery(p, district, hazard, factor, plan, band, check, Optional.empty(), 50);
  }

  private static long[] sampleIds(Database db, int n) throws Exception {
    List<Long> all = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM resident WHERE register_status = 'active' ORDER BY id")) {
      while (rs.next()) {
        all.add(rs.getLong(1));
      }
    }
    SplittableRandom r = new SplittableRandom(1);
    long[] ids = new long[Math.min(n, all.size())];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = all.get(r.nextInt(all.size()));
    }
    return ids;
  }

  private static void naive(Database db, long[] ids) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement hz = c.prepareStatement(NAIVE_HAZARDS);
        PreparedStatement person = c.prepareStatement(NAIVE_PERSON)) {
      for (long id : ids) {
        hz.setLong(1, id);
        try (ResultSet rs = hz.executeQuery()) {
          rs.next();
        }
        person.setLong(1, id);
        try (ResultSet rs = person.executeQuery()) {
          rs.next();
        }
      }
    }
  }
}
