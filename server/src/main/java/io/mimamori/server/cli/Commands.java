package io.mimamori.server.cli;

import io.mimamori.server.DatabaseRuntime;
import io.mimamori.server.MimamoriApp;
import io.mimamori.server.config.ServerConfig;
import io.mimamori.server.config.Settings;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line. {@code serve}: run the server on the configured database; {@code config}: print
 * every setting with its value and meaning. Exit codes: 0 done, 1 failed, 2 bad usage.
 */
public final class Commands {

  private static final Logger log = LoggerFactory.getLogger(Commands.class);

  static final String USAGE =
      """
      usage: mimamori <command> [options]
        demo [--residents N] [--seed S] [--scale X] [--shelters F,..] [--hazards F,..] [--generated]
                                   load the demo town if absent (real Numazu data when ../shared/data
                                   is there), score and check it, create demo accounts, serve
        serve                      serve the web UI and API on the configured database
        import [--keep-valid] [--charset=NAME] [--municipality=CODE] [--mark-missing-moved-away] FILE_OR_FOLDER...
                                   import GSI shelter GeoJSON, Kumamoto portal CSV, PLATEAU hazard CityGML,
                                   register CSV (避難行動要支援者名簿, full or delta with 異動区分);
                                   --operator=LOGIN: the account a register import is audited under
        export-register [--charset=utf-8|shift_jis] [--dates=western|wareki] [--municipality=CODE] [--all]
                        [--operator=LOGIN] FILE
                                   write the register as a CSV that import reads back (audited)
        user add LOGIN --role R    create an account (roles: admin, hq, planner, dispatcher,
                                   supporter, shelter_staff, case_worker)
        audit verify               check the audit log's hash chain; report the first broken entry
        retention purge [--retention-days=N]
                                   delete the disclosure records of emergencies that ended more than
                                   disclosure.retention-days (default 30) ago, with the routes published
                                   to supporters; each purge is written to the audit log (the server
                                   also runs it at start-up and every six hours)
        config                     print every setting, its value and meaning
      Settings come from MIMAMORI_* environment variables or mimamori.properties (see 'config').
      """;

  private Commands() {}

  public static int run(String[] args) {
    if (args.length == 0) {
      System.err.print(USAGE);
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      Settings settings = Settings.fromEnvironment();
      ServerConfig config = ServerConfig.from(settings);
      return switch (args[0]) {
        case "serve" -> serve(config);
        case "demo" -> {
          try {
            yield DemoCommand.run(config, java.nio.file.Path.of(settings.string("data.shared",
                "folder of the team's real data sets (used by the demo when present)", "../shared/data")), rest, System.out);
          } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        }
        case "import" -> {
          try (CtrlC ctrlC = new CtrlC()) {
            yield withDatabase(config, ds -> ImportCommand.run(ds, rest, System.out, ctrlC));
          }
        }
        case "export-register" -> {
          try (CtrlC ctrlC = new CtrlC()) {
            yield withDatabase(config, ds -> ExportRegisterCommand.run(ds, rest, System.out, ctrlC));
          }
        }
        case "user" -> withDatabase(config, ds -> AccountCommands.run(ds, rest, System.out));
        case "audit" -> withDatabase(config, ds -> auditVerify(ds, rest));
        case "retention" -> withDatabase(config, ds -> RetentionCommand.run(ds, config, rest, System.out));
        case "config" -> {
          System.out.println(settings.describe());
          yield 0;
        }
        case "help", "--help", "-h" -> {
          System.out.print(USAGE);
          yield 0;
        }
        default -> {
          System.err.println("unknown command: " + args[0] + (rest.isEmpty() ? "" : " " + rest));
          System.err.print(USAGE);
          yield 2;
        }
      };
    } catch (IllegalArgumentException e) {
      System.err.println("mimamori: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      log.error("mimamori {} failed: {}", args[0], e.getMessage(), e);
      return 1;
    }
  }

  interface DatabaseWork {
    int run(javax.sql.DataSource ds) throws Exception;
  }

  /** Opens the database (embedded or configured) for one command and closes it after. */
  static int withDatabase(ServerConfig config, DatabaseWork work) {
    try (DatabaseRuntime db = DatabaseRuntime.open(config)) {
      return work.run(db.dataSource());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static int auditVerify(javax.sql.DataSource ds, List<String> args) throws java.sql.SQLException {
    if (!args.equals(List.of("verify"))) {
      throw new IllegalArgumentException("usage: mimamori audit verify");
    }
    io.mimamori.layers.audit.AuditLog.Verification v = new io.mimamori.layers.audit.AuditLog(ds).verify();
    if (v.intact()) {
      System.out.println("audit log intact: " + v.entriesChecked() + " entries");
      return 0;
    }
    System.out.println("audit log BROKEN at entry " + v.firstBrokenSeq().get() + ": " + v.reason()
        + " (" + v.entriesChecked() + " entries before it hold)");
    return 1;
  }

  /** Runs until Ctrl-C (or SIGTERM); then stops the server, the pool and the embedded cluster, in that order. */
  static int serve(ServerConfig config) {
    DatabaseRuntime db = DatabaseRuntime.open(config);
    MimamoriApp app;
    try {
      app = MimamoriApp.start(config, db.dataSource());
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    awaitShutdown(app, db);
    return 0;
  }

  static void awaitShutdown(AutoCloseable... inOrder) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Shutting down");
      for (AutoCloseable c : inOrder) {
        try {
          c.close();
        } catch (Exception e) {
          log.warn("Error while stopping {}: {}", c.getClass().getSimpleName(), e.getMessage());
        }
      }
      stopped.countDown();
    }, "mimamori-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
