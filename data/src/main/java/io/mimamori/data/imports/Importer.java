package io.mimamori.data.imports;

import io.mimamori.layers.hazard.HazardStore;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.imports.ImportRunStore;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterStore;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one import: a reader turns the file into valid records and rejections (no database), then
 * the records are stored on one connection in one transaction, committed only if every write
 * succeeded. With {@link ImportMode#ALL_OR_NOTHING} any rejection stores nothing. A file that
 * cannot be read, a database error, or a cancellation gives FAILED and leaves the database as it
 * was. Every run, whatever its outcome, is recorded in import_run with its rejections.
 */
public final class Importer<T> {

  /** Pure parsing: a file in, records and rejections out. */
  @FunctionalInterface
  public interface RecordReader<T> {
    ReadResult<T> read(Path file, ImportOptions options) throws IOException;
  }

  /** Writes records in the caller's transaction. */
  public interface RecordSink<T> {
    /** Runs first in the transaction (for example, removing what an earlier import of the file brought); returns a note or null. */
    default String begin(Connection c, ReadResult<T> read) throws SQLException {
      return null;
    }

    /** Writes one chunk; returns how many rows were written. */
    int write(Connection c, List<T> chunk) throws SQLException;
  }

  private static final Logger log = LoggerFactory.getLogger(Importer.class);
  private static final int CHUNK = 500;

  private final String kind;
  private final RecordReader<T> reader;
  private final RecordSink<T> sink;

  /** {@code kind} names the run when the file cannot be read far enough to tell. */
  public Importer(String kind, RecordReader<T> reader, RecordSink<T> sink) {
    this.kind = kind;
    this.reader = reader;
    this.sink = sink;
  }

  /** Shelters are upserted by (source, source_id, kind), so a re-import updates them in place. */
  public static Importer<Shelter> shelters(String kind, RecordReader<Shelter> reader) {
    return new Importer<>(kind, reader, ShelterStore::upsertAll);
  }

  /** Hazard zones of the file's source are deleted and inserted anew, in the same transaction. */
  public static Importer<HazardZone> hazards(String kind, RecordReader<HazardZone> reader) {
    return new Importer<>(kind, reader, new RecordSink<>() {
      @Override
      public String begin(Connection c, ReadResult<HazardZone> read) throws SQLException {
        int removed = HazardStore.deleteSource(c, read.source());
        return removed == 0 ? null : "replaced " + removed + " zones of an earlier import of this file";
      }

      @Override
      public int write(Connection c, List<HazardZone> chunk) throws SQLException {
        return HazardStore.insertAll(c, chunk);
      }
    });
  }

  /** Reads, stores and records one file; never throws for a bad file (the report says FAILED). */
  public ImportReport run(DataSource dataSource, Path file, ImportOptions options) {
    ImportReport report = readAndStore(dataSource, file, options);
    log.info("{}", report.summary());
    try {
      new ImportRunStore(dataSource).record(report);
    } catch (SQLException e) {
      log.warn("Could not record the import run of {}: {}", report.file(), firstLine(e));
    }
    return report;
  }

  private ImportReport readAndStore(DataSource dataSource, Path file, ImportOptions options) {
    String name = fileName(file);
    ReadResult<T> read;
    try {
      read = reader.read(file, options);
    } catch (NoSuchFileException e) {
      return failed(name, 0, name + ": no such file");
    } catch (IOException e) {
      return failed(name, 0, e instanceof UnreadableFileException ? e.getMessage() : name + ": " + e.getMessage());
    } catch (CancellationException e) {
      return failed(name, 0, "cancelled while reading; nothing stored");
    }
    List<String> notes = new ArrayList<>(read.notes());
    if (read.rowsRead() == 0) {
      return new ImportReport(read.kind(), name, Outcome.FAILED, 0, 0, List.of(),
          name + ": the file holds no rows; nothing stored");
    }
    if (!read.clean() && (options.mode() == ImportMode.ALL_OR_NOTHING || read.records().isEmpty())) {
      notes.add(read.rejections().size() + " of " + read.rowsRead() + " rows rejected; nothing stored ("
          + (read.records().isEmpty() ? "no valid rows" : "mode " + options.mode().name().toLowerCase(Locale.ROOT))
          + ")");
      return new ImportReport(read.kind(), name, Outcome.REJECTED, read.rowsRead(), 0, read.rejections(),
          String.join("; ", notes));
    }
    try {
      int stored = store(dataSource, name, read, options, notes);
      return new ImportReport(read.kind(), name, Outcome.COMMITTED, read.rowsRead(), stored, read.rejections(),
          notes.isEmpty() ? null : String.join("; ", notes));
    } catch (SQLException e) {
      notes.add("the database refused the rows (" + firstLine(e) + "); nothing stored");
      return new ImportReport(read.kind(), name, Outcome.FAILED, read.rowsRead(), 0, read.rejections(),
          String.join("; ", notes));
    } catch (CancellationException e) {
      notes.add("cancelled while storing; rolled back, nothing stored");
      return new ImportReport(read.kind(), name, Outcome.FAILED, read.rowsRead(), 0, read.rejections(),
          String.join("; ", notes));
    }
  }

  private int store(DataSource dataSource, String name, ReadResult<T> read, ImportOptions options, List<String> notes)
      throws SQLException {
    List<T> records = read.records();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        String note = sink.begin(c, read);
        int stored = 0;
        for (int from = 0; from < records.size(); from += CHUNK) {
          options.checkCancelled(name);
          stored += sink.write(c, records.subList(from, Math.min(records.size(), from + CHUNK)));
          options.progress().update(name, ImportProgress.Phase.STORING, stored, records.size());
        }
        options.checkCancelled(name);
        c.commit();
        if (note != null) {
          notes.add(note);
        }
        return stored;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private ImportReport failed(String name, int rowsRead, String message) {
    return new ImportReport(kind, name, Outcome.FAILED, rowsRead, 0, List.of(), message);
  }

  static String fileName(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  /** The first line of a driver message: PostgreSQL puts row contents only in the detail lines below it. */
  private static String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
