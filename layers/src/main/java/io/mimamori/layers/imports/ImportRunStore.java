package io.mimamori.layers.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The import_run and import_rejection tables: a record of every import, kept even when it rolled back. */
public final class ImportRunStore {

  private static final String INSERT_RUN =
      """
      INSERT INTO import_run (kind, file_name, finished_at, outcome, rows_read, rows_stored, rows_rejected, message)
      VALUES (?, ?, now(), ?, ?, ?, ?, ?) RETURNING id
      """;
  private static final String INSERT_REJECTION =
      "INSERT INTO import_rejection (import_run_id, row_no, field, reason) VALUES (?, ?, ?, ?)";

  private final DataSource dataSource;

  public ImportRunStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records the report in its own transaction; returns the run's id. */
  public long record(ImportReport report) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      long id;
      try (PreparedStatement ps = c.prepareStatement(INSERT_RUN)) {
        ps.setString(1, report.kind());
        ps.setString(2, report.file());
        ps.setString(3, report.outcome().name().toLowerCase());
        ps.setInt(4, report.rowsRead());
        ps.setInt(5, report.rowsStored());
        ps.setInt(6, report.rejections().size());
        ps.setString(7, report.message());
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
}
