package io.mimamori.server.cli;

import io.mimamori.data.demo.DemoTown;
import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.data.demo.DemoTownSummary;
import io.mimamori.data.imports.ReadResult;
import io.mimamori.data.imports.gsi.GsiShelterReader;
import io.mimamori.data.imports.plateau.PlateauHazardReader;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.layers.register.SupporterStore;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.server.DatabaseRuntime;
import io.mimamori.server.MimamoriApp;
import io.mimamori.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mimamori demo [--residents N] [--seed S] [--scale X] [--shelters FILE,...] [--hazards FILE,...] [--generated]}:
 * starts the database, generates and loads the demo town unless one is loaded, scores priorities
 * and checks plans, creates one account per role on first start (passwords printed once), and
 * serves. Real data: GSI shelter files and PLATEAU hazard files given with the options, or else
 * Numazu's from {@code data.shared} (../shared/data) when that folder exists; {@code --generated}
 * ignores real data. Ctrl-C during generation cancels it and stores nothing.
 */
final class DemoCommand {

  private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);
  /** Numazu's real files under the shared data folder: GSI shelters and PLATEAU hazard zones. */
  static final String[] NUMAZU_SHELTERS = {
    "gsi-shelters-jp-shelter-api/emergency_222038.geojson", "gsi-shelters-jp-shelter-api/evacuation_222038.geojson"};
  static final String[] NUMAZU_HAZARDS = {
    "plateau-numazu/tnm_22_4_523856_tnm_6697_op.gml", "plateau-numazu/lsld_523856_lsld_6668_op.gml",
    "plateau-numazu/fld_natl_kanogawa_kanogawa_52385628_fld_6697_l2_op.gml"};

  static final List<String> OPTIONS = List.of("residents", "seed", "scale", "shelters", "hazards", "generated");

  private DemoCommand() {}

  static int run(ServerConfig config, Path sharedData, List<String> args, PrintStream out) throws Exception {
    Map<String, String> opts = CliOptions.parse(args, OPTIONS);
    DemoTownSpec spec = DemoTownSpec.of(
        opts.containsKey("seed") ? Long.parseLong(opts.get("seed")) : DemoTownSpec.DEFAULT_SEED,
        opts.containsKey("residents") ? CliOptions.integer(opts, "residents") : DemoTownSpec.DEFAULT_RESIDENTS,
        opts.containsKey("scale") ? Double.parseDouble(opts.get("scale")) : 1.0);
    boolean generatedOnly = opts.containsKey("generated");
    List<Path> shelterFiles = generatedOnly ? List.of() : files(opts.get("shelters"), sharedData, NUMAZU_SHELTERS);
    List<Path> hazardFiles = generatedOnly ? List.of() : files(opts.get("hazards"), sharedData, NUMAZU_HAZARDS);

    DatabaseRuntime db = DatabaseRuntime.open(config);
    MimamoriApp app;
    CtrlC ctrlC = new CtrlC(); // closed only after the database, so a cancelled load stops cleanly
    try {
      DataSource ds = db.dataSource();
      if (!prepare(ds, spec, shelterFiles, hazardFiles, config.home().resolve("demo"), ctrlC, out)) {
        out.println("The demo town is already loaded (remove " + config.home() + " to start anew).");
      }
      app = MimamoriApp.start(withDemoRoads(config, ds, out), ds);
    } catch (CancellationException e) {
      out.println("Cancelled: nothing was stored.");
      db.close();
      ctrlC.close();
      return 130;
    } catch (Exception e) {
      db.close();
      ctrlC.close();
      throw e;
    }
    ctrlC.close();
    out.println("mimamori is serving http://localhost:" + app.port() + "/  (Ctrl-C stops it)");
    Commands.awaitShutdown(app, db);
    return 0;
  }

  /**
   * Loads the demo town, scores and checks it and creates the demo accounts, unless a demo town is
   * loaded already; returns whether it loaded one.
   */
  static boolean prepare(DataSource ds, DemoTownSpec spec, List<Path> shelterFiles, List<Path> hazardFiles, Path outDir,
      java.util.function.BooleanSupplier cancelled, PrintStream out) throws IOException, SQLException {
    if (DemoTown.isLoaded(ds)) {
      return false;
    }
    load(ds, spec, shelterFiles, hazardFiles, outDir, cancelled, out);
    analyse(ds, out);
    createAccounts(ds, out);
    return true;
  }

  private static void load(DataSource ds, DemoTownSpec spec, List<Path> shelterFiles, List<Path> hazardFiles,
      Path outDir, java.util.function.BooleanSupplier cancelled, PrintStream out) throws IOException, SQLException {
    List<Shelter> shelters = new ArrayList<>();
    for (Path f : shelterFiles) {
      shelters.addAll(readAll(GsiShelterReader.read(f), out));
    }
    List<HazardZone> hazards = new ArrayList<>();
    for (Path f : hazardFiles) {
      hazards.addAll(readAll(PlateauHazardReader.read(f), out));
    }
    if (!shelters.isEmpty()) {
      spec = spec.withRealShelters(shelters);
    }
    if (!hazards.isEmpty()) {
      spec = spec.withRealHazards(hazards);
    }
    out.println("Generating the demo town: " + spec.residents() + " residents, seed " + spec.seed()
        + (shelters.isEmpty() ? ", generated shelters" : ", " + shelters.size() + " real GSI shelters")
        + (hazards.isEmpty() ? ", generated hazards" : ", " + hazards.size() + " real PLATEAU hazard zones"));
    ProgressBar bar = new ProgressBar(out);
    DemoTownSummary s = DemoTownGenerator.generateAndLoad(ds, spec, outDir, bar::update, cancelled);
    bar.done();
    out.printf("Loaded in %.1f s: %s%n", s.elapsed().toMillis() / 1000.0, s.rowsPerTable());
  }

  private static <T> List<T> readAll(ReadResult<T> read, PrintStream out) {
    if (!read.clean()) {
      out.println(read.file() + ": " + read.rejections().size() + " rows rejected, " + read.records().size() + " used; first: "
          + read.rejections().get(0));
    }
    return read.records();
  }

  /**
   * Routes on the demo town's roads (the OSM file the generator wrote, as recorded with the town)
   * unless another road network is configured.
   */
  static ServerConfig withDemoRoads(ServerConfig config, DataSource ds, PrintStream out) throws SQLException {
    if (config.routing().osmFile().isPresent()) {
      return config;
    }
    Optional<Path> osm = DemoTown.loaded(ds).map(d -> Path.of(d.osmFile()));
    if (osm.isEmpty() || !Files.isRegularFile(osm.get())) {
      out.println("The demo town's road network (" + osm.map(Path::toString).orElse("town.osm")
          + ") is missing: routing stays off (remove " + config.home() + " to generate the town anew).");
      return config;
    }
    out.println("Routing on the demo town's roads: " + osm.get() + " (graph cached in " + config.routing().graphCache() + ")");
    return config.withRouting(config.routing().withOsmFile(osm.get()));
  }

  /** Scores the register under each shipped profile and checks every plan, so the planner's lists are ready. */
  private static void analyse(DataSource ds, PrintStream out) throws SQLException {
    PriorityStore priorities = new PriorityStore(ds);
    for (PriorityProfile p : PriorityProfile.shipped()) {
      long t0 = System.nanoTime();
      int n = priorities.scoreAll(p);
      out.printf("Scored %d residents under the %s profile in %.1f s: bands %s%n", n, p.id(),
          (System.nanoTime() - t0) / 1e9, priorities.bandCounts(p));
    }
    long t0 = System.nanoTime();
    new PlanCheckStore(ds).checkAll(LocalDate.now());
    out.printf("Checked every plan in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, new PlanCheckStore(ds).countsByCheck());
  }

  /** One account per role, created once; passwords are printed here and nowhere else. */
  private static void createAccounts(DataSource ds, PrintStream out) throws SQLException {
    AccountStore accounts = new AccountStore(ds);
    if (accounts.count() > 0) {
      return;
    }
    Optional<Long> organisation = new SupporterStore(ds).findBusiestOrganisation();
    PasswordHasher hasher = new PasswordHasher();
    out.println();
    out.println("Demo accounts (passwords are shown this once):");
    for (Role role : Role.values()) {
      if (role == Role.SUPPORTER && organisation.isEmpty()) {
        continue;
      }
      char[] password = AccountCommands.randomPassword();
      String login = "demo." + role.code().replace('_', '-');
      accounts.create(login, "デモ " + role.code(), hasher.hash(password), DemoTownGenerator.MUNICIPALITY_CODE,
          List.of(new RoleGrant(role, null, role == Role.SUPPORTER ? organisation.get() : null)));
      out.printf("  %-22s %s%n", login, new String(password));
    }
    out.println();
  }

  /** The named files (comma-separated), or else the default files under the shared data folder if all exist. */
  static List<Path> files(String named, Path sharedData, String... defaults) {
    if (named != null) {
      List<Path> out = Stream.of(named.split(",")).map(String::trim).map(Path::of).toList();
      for (Path p : out) {
        if (!Files.isRegularFile(p)) {
          throw new IllegalArgumentException("no such file: " + p);
        }
      }
      return out;
    }
    List<Path> out = Stream.of(defaults).map(sharedData::resolve).toList();
    if (out.stream().allMatch(Files::isRegularFile)) {
      log.info("Using real data from {}", sharedData);
      return out;
    }
    return List.of();
  }
}
