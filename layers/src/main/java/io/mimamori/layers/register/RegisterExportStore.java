package io.mimamori.layers.register;

import io.mimamori.layers.geo.LonLat;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The register as a register file carries it, streamed for an export: every resident with their
 * household, in municipality and register number order, read from one consistent snapshot.
 */
public final class RegisterExportStore {

  /** Parameters: municipality or null for all, true to include entries no longer active. */
  static final String EXPORT =
      """
      SELECT r.id, r.household_id, r.municipality_code, r.register_no, r.family_name, r.given_name, r.family_name_kana,
             r.given_name_kana, r.birth_date, r.sex, r.phone, r.care_level, r.disability_types,
             r.physical_disability_grade, r.intellectual_disability_grade, r.mental_disability_grade,
             r.severe_motor_intellectual, r.medical_devices, r.ventilator_24h, r.needs_info_support,
             r.needs_decision_support, r.school_status, r.register_status, r.registered_on, r.version,
             h.municipality_code, h.district_id, h.address, ST_X(h.geom), ST_Y(h.geom), h.composition, h.member_count,
             h.family_frail, h.alone_daytime, coalesce(h.household_no, 'H' || h.id)
      FROM resident r JOIN household h ON h.id = r.household_id
      WHERE (?::text IS NULL OR r.municipality_code = ?::text) AND (? OR r.register_status = 'active')
      ORDER BY r.municipality_code, r.register_no
      """;

  /** Called with each exported row, in register number order. */
  @FunctionalInterface
  public interface RowVisitor {
    void visit(RegisterFileRow row) throws IOException;
  }

  private final DataSource dataSource;

  public RegisterExportStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Streams the register in register number order, from one consistent snapshot: one
   * municipality's or, with null, all; only active entries unless {@code allStatuses}.
   */
  public void export(String municipality, boolean allStatuses, RowVisitor visitor) throws SQLException, IOException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try (PreparedStatement ps = c.prepareStatement(EXPORT)) {
        ps.setString(1, municipality);
        ps.setString(2, municipality);
        ps.setBoolean(3, allStatuses);
        ps.setFetchSize(RegisterImportStore.FETCH);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            visitor.visit(exportRow(rs));
          }
        }
      } finally {
        c.rollback();
        c.setReadOnly(false);
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private static RegisterFileRow exportRow(ResultSet rs) throws SQLException {
    ResidentRow resident = RegisterImportStore.residentRow(rs);
    HouseholdRow household = new HouseholdRow(rs.getLong(2), rs.getString(26), (Integer) rs.getObject(27),
        rs.getString(28), LonLat.of(rs.getDouble(29), rs.getDouble(30)), rs.getString(31), rs.getInt(32),
        rs.getBoolean(33), rs.getBoolean(34));
    return new RegisterFileRow(resident, new NumberedHousehold(rs.getString(35), household), rs.getInt(25));
  }

}
