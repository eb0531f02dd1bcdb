package io.mimamori.layers.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** The import_run and import_rejection tables: a record of every import, kept even when it rolled back. */
public final class ImportRunStore {

  private static final String INSERT_RUN =
      """
      INSERT INTO import_run (kind, file_name, finished_at, outcome, rows_read, rows_stored, rows_rejected, message)
      VALUES (?, ?, now(), ?, ?, ?, ?, ?) RETURNING id
      """;
  /** As {@link #INSERT_RUN}, with an id reserved beforehand ({@link #reserveId}) first. */
  private static final String INSERT_RESERVED_RUN =
      """
      INSERT INTO import_run (id, kind, file_name, finished_at, outcome, rows_read, rows_stored, rows_rejected, message)
      OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, now(), ?, ?, ?, ?, ?) RETURNING id
      """;
  private static final String RESERVE_ID = "SELECT nextval(pg_get_serial_sequence('import_run', 'id'))";
  private static final String INSERT_REJECTION =
      "INSERT INTO import_rejection (import_run_id, row_no, field, reason) VALUES (?, ?, ?, ?)";

  private static final String RUNS =
      """
      SELECT id, kind, file_name, finished_at, outcome, rows_read, rows_stored, rows_rejected, message
      FROM import_run ORDER BY id DESC LIMIT ?
      """;
  private static final String REJECTIONS =
      """
      SELECT r.file_name, j.row_no, j.field, j.reason
      FROM import_rejection j JOIN import_run r ON r.id = j.import_run_id
      WHERE j.import_run_id = ? ORDER BY j.row_no, j.field
      """;

  private final DataSource dataSource;

  public ImportRunStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Reserves the id of a run that is about to start, so that what it writes can name it before the
   * run is recorded ({@link #record(ImportReport, Long)}); a reserved id that is never recorded is a gap.
   */
  public long reserveId() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(RESERVE_ID);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Records the report in its own transaction; returns the run's id. */
  public long record(ImportReport report) throws SQLException {
    return record(report, null);
  }

  /** Records the report in its own transaction under the id reserved for it (null: a new one); returns the run's id. */
  public long record(ImportReport report, Long reservedId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      long id;
      try (PreparedStatement ps = c.prepareStatement(reservedId == null ? INSERT_RUN : INSERT_RESERVED_RUN)) {
        int i = 1;
        if (reservedId != null) {
          ps.setLong(i++, reservedId);
        }
        ps.setString(i++, report.kind());
        ps.setString(i++, report.file());
        ps.setString(i++, report.outcome().name().toLowerCase());
        ps.setInt(i++, report.rowsRead());
        ps.setInt(i++, report.rowsStored());
        ps.setInt(i++, report.rejections().size());
        ps.setString(i, report.message());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(INSERT_REJECTION)) {
        for (Rejection r : report.rejections()) {
          ps.setLong(1, id);
          ps.setInt(2, r.row());
          ps.setString(3, r.field());
          ps.setString(4, r.reason());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
      return id;
    }
  }

  /** The newest runs first, at most {@code limit}. */
  public List<ImportRun> recent(int limit) throws SQLException {
    List<ImportRun> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(RUNS)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ImportRun(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getObject(4, OffsetDateTime.class),
              ImportReport.Outcome.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
              rs.getInt(6),
              rs.getInt(7),
              rs.getInt(8),
              rs.getString(9)));
        }
      }
    }
    return out;
  }

  /** The rejections recorded for one run, by row. */
  public List<Rejection> rejections(long runId) throws SQLException {
    List<Rejection> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(REJECTIONS)) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Rejection(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return out;
  }
}
