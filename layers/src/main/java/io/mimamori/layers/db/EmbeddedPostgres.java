package io.mimamori.layers.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL + PostGIS cluster in a folder of the project, run with the system's binaries.
 *
 * <p>{@link #start} runs {@code initdb} the first time (the superuser's password is random and kept
 * in {@code <home>/credentials}, mode 600), then {@code pg_ctl start} on a free loopback port with no
 * Unix socket. A second start reuses the data; a cluster still running from an earlier process (one
 * that was killed) is adopted instead of started twice. {@link #close} stops it with a fast
 * shutdown.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM runs as root, every PostgreSQL command runs
 * as the {@code postgres} system user through {@code runuser}, and the data folder belongs to that
 * user. If that user cannot reach the requested folder (a checkout under a private home directory,
 * mode 700), the cluster moves to {@code /var/tmp/mimamori-<hash>/} and the log says so.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String SUPERUSER = "mimamori";
  private static final String OS_USER_WHEN_ROOT = "postgres";

  private final PostgresBinaries binaries;
  private final Path home;
  private final Path dataDir;
  private final boolean runAsPostgresUser;
  private final String password;
  private final int port;
  private volatile boolean startedHere;

  private volatile boolean stopped;

  private EmbeddedPostgres(
      PostgresBinaries binaries,
      Path home,
      boolean runAsPostgresUser,
      String password,
      int port,
      boolean startedHere) {
    this.binaries = binaries;
    this.home = home;
    this.dataDir = home.resolve("data");
    this.runAsPostgresUser = runAsPostgresUser;
    this.password = password;
    this.port = port;
    this.startedHere = startedHere;
  }

  /**
   * Starts (or adopts) the cluster whose files live under {@code requestedHome}, creating it if
   * needed, and makes sure the database {@code databaseName} exists with the PostGIS extension
   * (and pgRouting where installed).
   */
  public static EmbeddedPostgres start(Path requestedHome, String databaseName) {
    PostgresBinaries binaries = PostgresBinaries.locate();
    if (!binaries.hasExtension("postgis")) {
      throw new IllegalStateException(
          "PostGIS is not installed for PostgreSQL "
              + binaries.majorVersion()
              + " (no postgis.control in "
              + binaries.extensionDir()
              + "). Install it with: sudo apt-get install postgresql-"
              + binaries.majorVersion()
              + "-postgis-3");
    }
    boolean asRoot = isRoot();
    Path home = requestedHome.toAbsolutePath().normalize();
    if (asRoot) {
      home = reachableByPostgresUser(home);
    }
    try {
      Files.createDirectories(home);
      Path credentials = home.resolve("credentials");
      boolean fresh = !Files.exists(home.resolve("data/PG_VERSION"));
      String password;
      if (fresh) {
        password = randomPassword();
        initdb(binaries, home, asRoot, password);
        writePrivate(credentials, password);
      } else {
        if (!Files.exists(credentials)) {
          throw new IllegalStateException(
              "The cluster in " + home + " has no credentials file; remove the folder to start anew");
        }
        password = Files.readString(credentials, StandardCharsets.UTF_8).trim();
      }
      Optional<Integer> running = runningPort(home.resolve("data"));
      EmbeddedPostgres pg;
      if (running.isPresent() && canConnect(running.get(), password)) {
        log.info("Adopting the PostgreSQL cluster already running in {} on port {}", home, running.get());
        pg = new EmbeddedPostgres(binaries, home, asRoot, password, running.get(), false);
      } else {
        int port = freePort();
        pg = new EmbeddedPostgres(binaries, home, asRoot, password, port, true);
        pg.pgCtlStart();
        log.info(
            "Started PostgreSQL {} in {} on port {}{}",
            binaries.majorVersion(),
            home,
            port,
            fresh ? " (new cluster)" : "");
      }
      pg.ensureDatabase(databaseName);
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the PostgreSQL cluster in " + home, e);
    }
  }

  public int port() {
    return port;
  }

  public String user() {
    return SUPERUSER;
  }

  public String password() {
    return password;
  }

  public Path home() {
    return home;
  }

  public String jdbcUrl(String databaseName) {
    return "jdbc:postgresql://localhost:" + port + "/" + databaseName;
  }

  public DatabaseConfig config(String databaseName) {
    return new DatabaseConfig(jdbcUrl(databaseName), SUPERUSER, password);
  }

  /** Creates {@code databaseName} with PostGIS (and pgRouting where installed) unless it exists. */
  public void ensureDatabase(String databaseName) {
    if (!databaseName.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("Invalid database name: " + databaseName);
    }
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + databaseName + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + databaseName);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + databaseName + ": " + e.getMessage(), e);
    }
    try (Connection c = connect(databaseName);
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
      if (binaries.hasExtension("pgrouting")) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pgrouting");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not create the PostGIS extension in " + databaseName + ": " + e.getMessage(), e);
    }
  }

  public Connection connect(String databaseName) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(databaseName), SUPERUSER, password);
  }

  /**
   * Makes {@link #close} stop the cluster even if it was adopted from an earlier process (for a
   * folder that only this process uses, such as the tests' cluster).
   */
  public EmbeddedPostgres stopOnClose() {
    startedHere = true;
    return this;
  }

  /** Stops the cluster if this process started it; an adopted cluster is left running. */
  @Override
  public synchronized void close() {
    if (stopped || !startedHere) {
      return;
    }
    stopped = true;
    run(List.of(binaries.pgCtl().toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), 60);
    log.info("Stopped PostgreSQL in {}", home);
  }

  private void pgCtlStart() {
    run(
        List.of(
            binaries.pgCtl().toString(),
            "-D",
            dataDir.toString(),
            "-l",
            home.resolve("postgres.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            // terse: an error's DETAIL line would quote the row's values (a name, a register number)
            "-p " + port + " -c log_error_verbosity=terse",
            "start"),
        90);
  }

  private static void initdb(PostgresBinaries binaries, Path home, boolean asRoot, String password)
      throws IOException {
    Path data = home.resolve("data");
    Files.createDirectories(data);
    Path pwfile = home.resolve("initdb.pw");
    Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
    if (asRoot) {
      chown(home, true);
    }
    try {
      runAs(
          asRoot,
          List.of(
              binaries.initdb().toString(),
              "-D",
              data.toString(),
              "-U",
              SUPERUSER,
              "--pwfile=" + pwfile,
              "--auth=scram-sha-256",
              "--encoding=UTF8",
              "--locale=C.UTF-8",
              "--no-instructions"),
          120);
    } finally {
      Files.deleteIfExists(pwfile);
    }
    // Loopback only, no Unix socket (its default folder may not be writable), sized for bulk loads.
    String settings =
        """

        # --- mimamori embedded cluster ---
        listen_addresses = 'localhost'
        unix_socket_directories = ''
        shared_buffers = '512MB'
        work_mem = '64MB'
        maintenance_work_mem = '512MB'
        max_wal_size = '4GB'
        max_connections = 100
        """;
    Path conf = data.resolve("postgresql.conf");
    if (asRoot) {
      runAs(true, List.of("sh", "-c", "cat >> '" + conf + "' <<'EOF'\n" + settings + "\nEOF"), 30);
    } else {
      Files.writeString(conf, settings, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private void run(List<String> command, int timeoutSeconds) {
    runAs(runAsPostgresUser, command, timeoutSeconds);
  }

  private static void runAs(boolean asPostgresUser, List<String> command, int timeoutSeconds) {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", OS_USER_WHEN_ROOT, "--"));
    }
    full.addAll(command);
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("Timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            "Command failed (exit "
                + p.exitValue()
                + "): "
                + String.join(" ", command)
                + "\n"
                + new String(out, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + full.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
    }
  }

  /** The port of a postmaster that is running in {@code dataDir}, read from its pid file. */
  private static Optional<Integer> runningPort(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    try {
      if (!Files.isReadable(pidFile)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.size() < 4) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).trim());
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return Optional.of(Integer.parseInt(lines.get(3).trim()));
      }
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean canConnect(int port, String password) {
    try (Connection c =
        DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", SUPERUSER, password)) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void writePrivate(Path file, String content) throws IOException {
    Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system; the folder's own permissions apply
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * The requested folder if the {@code postgres} user can reach it (every parent searchable),
   * otherwise a folder under /var/tmp named after the requested one.
   */
  private static Path reachableByPostgresUser(Path requested) {
    Path existingParent = requested;
    while (existingParent != null && !Files.exists(existingParent)) {
      existingParent = existingParent.getParent();
    }
    if (existingParent != null && postgresUserCanEnter(existingParent)) {
      return requested;
    }
    String hash = Integer.toHexString(requested.toString().hashCode());
    Path fallback = Path.of("/var/tmp", "mimamori-" + hash, requested.getFileName().toString());
    log.warn(
        "The postgres user cannot reach {} (a parent folder is private); the cluster lives in {} instead",
        requested,
        fallback);
    return fallback;
  }

  private static boolean postgresUserCanEnter(Path dir) {
    try {
      Process p =
          new ProcessBuilder("runuser", "-u", OS_USER_WHEN_ROOT, "--", "test", "-x", dir.toString())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void chown(Path dir, boolean recursive) {
    runAs(false, recursive
        ? List.of("chown", "-R", OS_USER_WHEN_ROOT + ":", dir.toString())
        : List.of("chown", OS_USER_WHEN_ROOT + ":", dir.toString()), 60);
  }
}
