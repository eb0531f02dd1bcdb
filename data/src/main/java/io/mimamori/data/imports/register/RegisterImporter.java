package io.mimamori.data.imports.register;

import io.mimamori.data.imports.ImportMode;
import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.UnreadableFileException;
import io.mimamori.data.imports.register.RegisterCsvReader.RegisterFile;
import io.mimamori.data.imports.register.RegisterPlanWriter.Written;
import io.mimamori.data.imports.register.RegisterReconciler.Plan;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.audit.AuditLog;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.imports.ImportRunStore;
import io.mimamori.layers.imports.Rejection;
import io.mimamori.layers.db.DerivedDataLock;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.layers.register.RegisterImportStore;
import io.mimamori.layers.register.edit.EditableEntities;
import io.mimamori.layers.register.edit.ImportHistory;
import io.mimamori.layers.register.edit.RegisterEditStore;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a register file (避難行動要支援者名簿 CSV; columns in {@link RegisterColumn}) into the
 * stored register, as one transaction that holds the register's write lock from the first check to
 * the commit.
 *
 * <p>A <b>full</b> file (no 異動区分 column) is the whole register: new 名簿番号 are inserted, stored
 * ones updated where a value differs (version bumped). Entries on the register that the file does
 * not hold are counted in the report and left alone, unless {@link RegisterOptions#markMissingMovedAway}
 * asks to mark them moved away. A <b>delta</b> file carries 異動区分 on every row: 新規 inserts, 転出 /
 * 死亡 / 施設入所 set the status, 変更 replaces the entry's items (version bumped).
 *
 * <p>Every rejected row is reported with file, row, field (the file's header) and reason, never the
 * value. With {@link ImportMode#ALL_OR_NOTHING} (the default) any rejection stores nothing and
 * leaves the register exactly as it was; with {@link ImportMode#KEEP_VALID} the other rows are
 * stored. Nothing stored is ever deleted. Homes without 緯度/経度 are placed by address (see
 * {@link KnownAddresses} and {@link AddressGeocoder}). Every run is recorded in import_run.
 *
 * <p>In the same transaction, every resident and household the import creates or changes gets its
 * change_history rows (source {@code import}, the operator, the run's id: {@link ImportHistory}), and
 * the priority scores and plan checks of the touched households are refreshed as an API edit
 * refreshes them (under {@link DerivedDataLock#shared}). An import that touches more than
 * {@link #WHOLE_PASS_HOUSEHOLDS} households instead scores and checks the whole register right after
 * its commit (each pass under {@link DerivedDataLock#exclusive}), as does a profile never scored.
 */
public final class RegisterImporter {

  public static final String KIND = "register";

  /**
   * Above this many touched households an import re-scores and re-checks the whole register after its
   * commit instead of those households inside its transaction. Refreshing households goes through id
   * arrays, per profile, while the import holds the register's write lock; a whole pass is set-based
   * and takes about 24 s per profile for a million residents (bench/RESULTS.md). A monthly delta of a
   * city (tens to hundreds of rows) stays far below; a full file touching most of a city goes over.
   */
  public static final int WHOLE_PASS_HOUSEHOLDS = 5_000;

  /** The purpose the audit log and the change history give for an import. */
  static final String PURPOSE = "register file import (command line)";

  private static final int MARK_CHUNK = 10_000;

  private static final Logger log = LoggerFactory.getLogger(RegisterImporter.class);

  private final AddressGeocoder geocoder;
  private final int wholePassHouseholds;

  /** Without a geocoder: rows without coordinates must match a known address. */
  public RegisterImporter() {
    this(AddressGeocoder.NONE);
  }

  public RegisterImporter(AddressGeocoder geocoder) {
    this(geocoder, WHOLE_PASS_HOUSEHOLDS);
  }

  /** With another threshold for the whole pass (tests). */
  RegisterImporter(AddressGeocoder geocoder, int wholePassHouseholds) {
    this.geocoder = geocoder;
    this.wholePassHouseholds = wholePassHouseholds;
  }

  /**
   * Reads, checks, stores and records one file; never throws for a bad file (the report says why).
   * Every run is audited as an {@code import} by {@link RegisterOptions#operator}, with the file
   * name and the counts (never a value): a committed run in its own transaction, any other after it.
   */
  public ImportReport run(DataSource dataSource, Path file, ImportOptions options) {
    ImportRunStore runs = new ImportRunStore(dataSource);
    Long runId = null;
    try {
      runId = runs.reserveId();
    } catch (SQLException e) {
      log.warn("Could not reserve an import run id: {}", describe(e)); // storing fails too, and says so
    }
    ImportReport report = readAndStore(dataSource, file, options, runId);
    log.info("{}", report.summary());
    try {
      runs.record(report, runId);
    } catch (SQLException e) {
      log.warn("Could not record the import run of {}: {}", report.file(), describe(e));
    }
    if (!report.stored()) {
      try {
        new AuditLog(dataSource).append(List.of(auditEntry(options, report.file(), report.outcome(), report.rowsRead(),
            report.rowsStored(), report.rejections().size(), null)));
      } catch (SQLException e) {
        log.warn("Could not audit the import run of {}: {}", report.file(), describe(e));
      }
    }
    return report;
  }

  /** The audit entry of a run: who, and the file, outcome and counts; {@code written} for a committed run. */
  private static AuditEntry auditEntry(ImportOptions options, String file, Outcome outcome, int read, int stored,
      int rejected, Written written) {
    ImportOperator who = options.register().operator();
    String detail = "file=" + file.replaceAll("[\\p{Cntrl}]", "?") + " outcome=" + outcome.name().toLowerCase(Locale.ROOT)
        + " mode=" + options.mode().name().toLowerCase(Locale.ROOT) + " rows_read=" + read + " rows_stored=" + stored
        + " rows_rejected=" + rejected
        + (written == null ? "" : " new=" + written.inserted() + " changed=" + written.changed() + " unchanged="
            + written.unchanged() + " status_changes=" + written.statusesChanged() + " new_households=" + written.households());
    return new AuditEntry(Instant.now(), who.userId(), who.login(), "import", PURPOSE,
        "resident", List.of(), null, detail);
  }

  private ImportReport readAndStore(DataSource dataSource, Path file, ImportOptions options, Long runId) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    RegisterFile read;
    try {
      read = RegisterCsvReader.read(file, options);
    } catch (NoSuchFileException e) {
      return failed(name, 0, List.of(), name + ": no such file");
    } catch (UnreadableFileException e) {
      return failed(name, 0, List.of(), e.getMessage());
    } catch (IOException e) {
      return failed(name, 0, List.of(), name + ": " + e.getMessage());
    } catch (CancellationException e) {
      return failed(name, 0, List.of(), "cancelled while reading; nothing stored");
    }
    if (read.rowsRead() == 0) {
      return failed(name, 0, List.of(), name + ": the file holds no rows; nothing stored");
    }
    List<String> notes = new ArrayList<>();
    notes.add((read.delta() ? "delta" : "full register") + ", read as " + read.charset().name());
    if (!read.header().unused().isEmpty()) {
      notes.add("columns not used: " + String.join(", ", read.header().unused()));
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        return store(dataSource, c, read, options, notes, runId);
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      notes.add("the database refused the rows (" + describe(e) + "); nothing stored");
      return failed(name, read.rowsRead(), read.rejections(), String.join("; ", notes));
    } catch (IOException e) {
      notes.add("placing homes by address failed (" + e.getClass().getSimpleName() + "); nothing stored");
      return failed(name, read.rowsRead(), read.rejections(), String.join("; ", notes));
    } catch (CancellationException e) {
      notes.add("cancelled; rolled back, nothing stored");
      return failed(name, read.rowsRead(), read.rejections(), String.join("; ", notes));
    }
  }

  /**
   * In the transaction: lock, check against the stored register, then write with the change history,
   * refresh the touched households' scores and checks, and commit or roll back; after a commit, the
   * whole passes the import calls for.
   */
  private ImportReport store(DataSource dataSource, Connection c, RegisterFile read, ImportOptions options,
      List<String> notes, Long runId) throws SQLException, IOException {
    String name = read.file();
    RegisterImportStore.lock(c);
    String municipality = municipality(c, read);
    if (municipality == null) {
      c.rollback();
      notes.add("no municipality: the file has no 市区町村コード column and the register has no single municipality;"
          + " give the municipality code (--municipality=CODE); nothing stored");
      return failed(name, read.rowsRead(), read.rejections(), String.join("; ", notes));
    }
    options.checkCancelled(name);
    Plan plan = RegisterReconciler.plan(c, read, municipality, geocoder);
    List<Rejection> rejections = new ArrayList<>(read.rejections());
    rejections.addAll(plan.rejections());
    rejections.sort(Comparator.comparingInt(Rejection::row));
    if (!rejections.isEmpty() && (options.mode() == ImportMode.ALL_OR_NOTHING || plan.accepted() == 0)) {
      c.rollback();
      notes.add(rejections.size() + " of " + read.rowsRead() + " rows rejected; nothing stored ("
          + (plan.accepted() == 0 ? "no valid rows" : "mode " + options.mode().name().toLowerCase(Locale.ROOT)) + ")");
      return new ImportReport(KIND, name, Outcome.REJECTED, read.rowsRead(), 0, rejections, String.join("; ", notes));
    }
    ImportOperator who = options.register().operator();
    ImportHistory history = ImportHistory.begin(c, who.userId(), who.login(), PURPOSE, runId, wholePassHouseholds);
    Written w = RegisterPlanWriter.write(c, plan, read.header(), municipality, options, name, history);
    notes.add("municipality " + municipality + ": " + w.inserted() + " new, " + w.changed() + " changed, "
        + w.unchanged() + " unchanged, " + w.statusesChanged() + " status changes (転出/死亡/施設入所); "
        + w.households() + " new households, " + w.householdsChanged() + " households changed");
    if (plan.locatedByKnownAddress() + plan.locatedByGeocoder() > 0) {
      notes.add((plan.locatedByKnownAddress() + plan.locatedByGeocoder()) + " homes placed by address");
    }
    if (w.compositionsDefaulted() > 0) {
      notes.add(w.compositionsDefaulted() + " new households without 世帯構成 stored as その他");
    }
    String missing = read.delta() ? null : missing(c, read, municipality, options, history);
    if (missing != null) {
      notes.add(missing);
    }
    options.checkCancelled(name);
    LocalDate today = LocalDate.now(RegisterEditStore.JAPAN);
    boolean wholePass = history.tooManyHouseholds();
    List<PriorityProfile> toScore = new ArrayList<>();
    for (PriorityProfile p : PriorityProfile.shipped()) {
      if (wholePass || !PriorityStore.scored(c, p)) {
        toScore.add(p);
      }
    }
    if (!wholePass) {
      List<Long> households = history.households();
      DerivedDataLock.shared(c);
      PriorityStore.rescoreHouseholds(c, households);
      PlanCheckStore.recheckHouseholds(c, today, households, List.of());
      notes.add("scores and plan checks refreshed for " + households.size() + " households");
    }
    AuditLog.append(c, List.of(auditEntry(options, name, Outcome.COMMITTED, read.rowsRead(), plan.accepted(),
        rejections.size(), w)));
    c.commit();
    notes.add(afterCommit(dataSource, toScore, wholePass, today));
    return new ImportReport(KIND, name, Outcome.COMMITTED, read.rowsRead(), plan.accepted(), rejections,
        String.join("; ", notes));
  }

  /**
   * The whole passes after a commit: every profile that needs one scored, and with {@code checkAll}
   * every plan checked. A failure here leaves the import stored; the note says what to run again.
   */
  private String afterCommit(DataSource dataSource, List<PriorityProfile> toScore, boolean checkAll,
      LocalDate today) {
    List<String> done = new ArrayList<>();
    try {
      PriorityStore priorities = new PriorityStore(dataSource);
      for (PriorityProfile p : toScore) {
        priorities.scoreAll(p);
        done.add("scored the whole register (" + p.id() + ")");
      }
      if (checkAll) {
        new PlanCheckStore(dataSource).checkAll(today);
        done.add("checked every plan");
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("Could not refresh scores or plan checks after the import: {}",
          e instanceof SQLException s ? describe(s) : e.getClass().getSimpleName());
      done.add("the whole re-score or re-check after the commit failed (stored data unaffected; score again)");
    }
    return (checkAll ? "more than " + wholePassHouseholds + " households touched: " : "")
        + (done.isEmpty() ? "no whole pass needed" : String.join(", ", done));
  }

  /** The file's (or option's) municipality, else the stored register's only one, else the shelters' main one. */
  private static String municipality(Connection c, RegisterFile read) throws SQLException {
    if (read.municipalityCode() != null) {
      return read.municipalityCode();
    }
    List<String> stored = RegisterImportStore.registerMunicipalities(c);
    if (stored.size() == 1) {
      return stored.get(0);
    }
    return stored.isEmpty() ? RegisterImportStore.shelterMunicipality(c).orElse(null) : null;
  }

  /** What happens to entries on the register that a full file does not hold; null when there are none. */
  private static String missing(Connection c, RegisterFile read, String municipality, ImportOptions options,
      ImportHistory history) throws SQLException {
    if (!options.register().markMissingMovedAway()) {
      int n = RegisterImportStore.countMissing(c, municipality, read.numbersInFile());
      return n == 0 ? null : n + " entries on the register are not in this file (left as they are; marking them 転出 is an option)";
    }
    if (read.rowsWithoutNumber() > 0) {
      return "entries not in this file left as they are: " + read.rowsWithoutNumber()
          + " rows have no 名簿番号, so the file's entries are not all known";
    }
    List<Long> ids = RegisterImportStore.missingIds(c, municipality, read.numbersInFile());
    int n = 0;
    for (int from = 0; from < ids.size(); from += MARK_CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + MARK_CHUNK));
      history.before(EditableEntities.RESIDENT, chunk);
      n += RegisterImportStore.markMovedAway(c, chunk);
      history.changed(EditableEntities.RESIDENT);
    }
    return n + " entries not in this file marked 転出 (moved away)";
  }

  private static ImportReport failed(String name, int rowsRead, List<Rejection> rejections, String message) {
    return new ImportReport(KIND, name, Outcome.FAILED, rowsRead, 0, rejections, message);
  }

  /**
   * What the database refused, without the refused values (a server message such as "invalid input
   * syntax" quotes them): the SQL state, and the constraint, table and column where the server names them.
   */
  static String describe(SQLException e) {
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage m = p.getServerErrorMessage();
      return "SQL state " + p.getSQLState()
          + (m.getConstraint() == null ? "" : ", constraint " + m.getConstraint())
          + (m.getTable() == null ? "" : ", table " + m.getTable())
          + (m.getColumn() == null ? "" : ", column " + m.getColumn());
    }
    return "SQL state " + e.getSQLState();
  }
}
