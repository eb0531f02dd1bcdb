package io.mimamori.layers.register;

import io.mimamori.layers.geo.LonLat;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL behind a register file import (避難行動要支援者名簿 CSV): what the import reads of the
 * stored register and how it writes households and residents, always in the caller's transaction.
 * Rows are written a chunk per statement (arrays unnested), so a chunk fires each statement trigger
 * once. Updates bump {@code version} only where a value really changed and only where the version
 * is the one the caller read (optimistic locking); nothing is ever deleted. The export's stream is
 * {@link RegisterExportStore}.
 */
public final class RegisterImportStore {

  /** Blocks other writers of the register (not its readers) until the transaction ends. */
  private static final String LOCK = "LOCK TABLE household, resident IN SHARE ROW EXCLUSIVE MODE";

  /** The municipalities the stored register's households belong to. */
  private static final String REGISTER_MUNICIPALITIES =
      "SELECT DISTINCT municipality_code FROM household ORDER BY municipality_code";

  /** The municipality most shelters belong to. */
  private static final String SHELTER_MUNICIPALITY =
      """
      SELECT municipality_code FROM shelter WHERE municipality_code IS NOT NULL
      GROUP BY municipality_code ORDER BY count(*) DESC, municipality_code LIMIT 1
      """;

  private static final String RESIDENT_COLUMNS =
      """
      SELECT r.id, r.household_id, r.municipality_code, r.register_no, r.family_name, r.given_name, r.family_name_kana,
             r.given_name_kana, r.birth_date, r.sex, r.phone, r.care_level, r.disability_types,
             r.physical_disability_grade, r.intellectual_disability_grade, r.mental_disability_grade,
             r.severe_motor_intellectual, r.medical_devices, r.ventilator_24h, r.needs_info_support,
             r.needs_decision_support, r.school_status, r.register_status, r.registered_on, r.version,
             h.household_no, h.address, (SELECT count(*) FROM resident o WHERE o.household_id = r.household_id)::int
      FROM resident r JOIN household h ON h.id = r.household_id
      """;

  /**
   * Parameters: register numbers (text[]), municipality. Arrays are joined as relations, not
   * compared with {@code = ANY}: a file of a whole city has tens of thousands of values.
   */
  private static final String RESIDENTS_BY_NUMBER =
      RESIDENT_COLUMNS + "JOIN unnest(?::text[]) AS f(no) ON f.no = r.register_no WHERE r.municipality_code = ?";

  /**
   * Parameters: dates of birth (text[] of ISO dates), municipality. Entries still on the register
   * only. The dates are cast once each, in the subquery (a date cast is not folded into a constant).
   */
  private static final String RESIDENTS_BORN_ON =
      RESIDENT_COLUMNS
          + "JOIN (SELECT DISTINCT b::date AS b FROM unnest(?::text[]) AS u(b)) AS f ON f.b = r.birth_date"
          + " WHERE r.municipality_code = ? AND r.register_status IN ('active', 'in_care_facility')";

  /**
   * Parameters: household numbers (text[]), municipality, household ids (bigint[]), the numbers
   * again, municipality. A number of the form {@code H<id>} (what an export writes for a household
   * without a number) also finds that household while it has no number of its own.
   */
  private static final String HOUSEHOLDS =
      """
      WITH wanted AS (
        SELECT h.id FROM household h JOIN unnest(?::text[]) AS f(no) ON f.no = h.household_no
        WHERE h.municipality_code = ? AND h.household_no IS NOT NULL
        UNION
        SELECT f.id FROM unnest(?::bigint[]) AS f(id)
        UNION
        SELECT h.id FROM household h
        JOIN (SELECT CASE WHEN no ~ '^H[0-9]{1,18}$' THEN substring(no FROM 2)::bigint END AS id
              FROM unnest(?::text[]) AS u(no)) AS f ON f.id = h.id
        WHERE h.household_no IS NULL)
      SELECT h.id, h.municipality_code, h.district_id, h.address, ST_X(h.geom), ST_Y(h.geom), h.composition,
             h.member_count, h.family_frail, h.alone_daytime, h.household_no, h.version,
             (SELECT count(*) FROM resident r WHERE r.household_id = h.id)::int
      FROM household h JOIN wanted w ON w.id = h.id
      WHERE h.municipality_code = ?
      """;

  private static final String HOUSEHOLD_ADDRESSES = "SELECT address, ST_X(geom), ST_Y(geom) FROM household ORDER BY id";

  /** Parameters: table name, count. */
  private static final String NEXT_IDS = "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)";

  private static final String DISTRICT_AT =
      "(SELECT d.id FROM district d WHERE ST_Covers(d.geom, v.g) ORDER BY d.id LIMIT 1)";

  /** Parameters: 11 parallel text arrays (id, municipality, district, address, lon, lat, composition, members, frail, daytime, number). */
  private static final String INSERT_HOUSEHOLDS =
      """
      INSERT INTO household (id, municipality_code, district_id, address, geom, composition, member_count,
                             family_frail, alone_daytime, household_no)
      SELECT v.id::bigint, v.municipality_code, coalesce(v.district_id::int, %s), v.address, v.g, v.composition,
             v.member_count::smallint, v.family_frail::boolean, v.alone_daytime::boolean, v.household_no
      FROM (SELECT u.*, ST_SetSRID(ST_MakePoint(u.lon::float8, u.lat::float8), 4326) AS g
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[])
                 AS u(id, municipality_code, district_id, address, lon, lat, composition, member_count, family_frail,
                      alone_daytime, household_no)) AS v
      """.formatted(DISTRICT_AT);

  /** Parameters as {@link #INSERT_HOUSEHOLDS}, then the expected versions. */
  private static final String UPDATE_HOUSEHOLDS =
      """
      UPDATE household h SET district_id = coalesce(v.district_id::int, %s), address = v.address, geom = v.g,
             composition = v.composition, member_count = v.member_count::smallint,
             family_frail = v.family_frail::boolean, alone_daytime = v.alone_daytime::boolean,
             household_no = v.household_no, version = h.version + 1, updated_at = now()
      FROM (SELECT u.*, ST_SetSRID(ST_MakePoint(u.lon::float8, u.lat::float8), 4326) AS g
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::int[])
                 AS u(id, municipality_code, district_id, address, lon, lat, composition, member_count, family_frail,
                      alone_daytime, household_no, version)) AS v
      WHERE h.id = v.id::bigint AND h.version = v.version
        AND (h.address, ST_X(h.geom), ST_Y(h.geom), h.composition, h.member_count, h.family_frail, h.alone_daytime,
             h.household_no)
            IS DISTINCT FROM (v.address, v.lon::float8, v.lat::float8, v.composition, v.member_count::smallint,
                              v.family_frail::boolean, v.alone_daytime::boolean, v.household_no)
      """.formatted(DISTRICT_AT);

  private static final String RESIDENT_UNNEST =
      """
      unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
             ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
             ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
        AS v(id, household_id, municipality_code, register_no, family_name, given_name, family_name_kana,
             given_name_kana, birth_date, sex, phone, care_level, disability_types, physical_grade,
             intellectual_grade, mental_grade, severe, devices, vent24, info, decision, school, status,
             registered_on, version)
      """;

  /** Parameters: 24 parallel text arrays (the resident's columns) and the versions (ignored). */
  private static final String INSERT_RESIDENTS =
      """
      INSERT INTO resident (id, household_id, municipality_code, register_no, family_name, given_name, family_name_kana,
                            given_name_kana, birth_date, sex, phone, care_level, disability_types,
                            physical_disability_grade, intellectual_disability_grade, mental_disability_grade,
                            severe_motor_intellectual, medical_devices, ventilator_24h, needs_info_support,
                            needs_decision_support, school_status, register_status, registered_on)
      SELECT v.id::bigint, v.household_id::bigint, v.municipality_code, v.register_no, v.family_name, v.given_name,
             v.family_name_kana, v.given_name_kana, v.birth_date::date, v.sex, v.phone, v.care_level,
             string_to_array(v.disability_types, ','), v.physical_grade::smallint, v.intellectual_grade,
             v.mental_grade::smallint, v.severe::boolean, string_to_array(v.devices, ','), v.vent24::boolean,
             v.info::boolean, v.decision::boolean, v.school, v.status, v.registered_on::date
      FROM %s
      """.formatted(RESIDENT_UNNEST);

  /** Parameters as {@link #INSERT_RESIDENTS}, the versions being the ones read. */
  private static final String UPDATE_RESIDENTS =
      """
      UPDATE resident r SET household_id = v.household_id::bigint, family_name = v.family_name,
             given_name = v.given_name, family_name_kana = v.family_name_kana, given_name_kana = v.given_name_kana,
             birth_date = v.birth_date::date, sex = v.sex, phone = v.phone, care_level = v.care_level,
             disability_types = string_to_array(v.disability_types, ','),
             physical_disability_grade = v.physical_grade::smallint, intellectual_disability_grade = v.intellectual_grade,
             mental_disability_grade = v.mental_grade::smallint, severe_motor_intellectual = v.severe::boolean,
             medical_devices = string_to_array(v.devices, ','), ventilator_24h = v.vent24::boolean,
             needs_info_support = v.info::boolean, needs_decision_support = v.decision::boolean,
             school_status = v.school, register_status = v.status, registered_on = v.registered_on::date,
             version = r.version + 1, updated_at = now()
      FROM %s
      WHERE r.id = v.id::bigint AND r.version = v.version
        AND (r.household_id, r.family_name, r.given_name, r.family_name_kana, r.given_name_kana, r.birth_date, r.sex,
             r.phone, r.care_level, r.disability_types, r.physical_disability_grade, r.intellectual_disability_grade,
             r.mental_disability_grade, r.severe_motor_intellectual, r.medical_devices, r.ventilator_24h,
             r.needs_info_support, r.needs_decision_support, r.school_status, r.register_status, r.registered_on)
            IS DISTINCT FROM
            (v.household_id::bigint, v.family_name, v.given_name, v.family_name_kana, v.given_name_kana,
             v.birth_date::date, v.sex, v.phone, v.care_level, string_to_array(v.disability_types, ','),
             v.physical_grade::smallint, v.intellectual_grade, v.mental_grade::smallint, v.severe::boolean,
             string_to_array(v.devices, ','), v.vent24::boolean, v.info::boolean, v.decision::boolean, v.school,
             v.status, v.registered_on::date)
      """.formatted(RESIDENT_UNNEST);

  /** Parameters: resident ids (bigint[]), statuses (text[]), versions read (int[]). */
  private static final String SET_STATUS =
      """
      UPDATE resident r SET register_status = v.status, version = r.version + 1, updated_at = now()
      FROM unnest(?::bigint[], ?::text[], ?::int[]) AS v(id, status, version)
      WHERE r.id = v.id AND r.version = v.version AND r.register_status <> v.status
      """;

  /** Parameter: municipality. The entries still on the register, by number. */
  private static final String ON_REGISTER =
      """
      SELECT id, register_no FROM resident
      WHERE municipality_code = ? AND register_status IN ('active', 'in_care_facility')
      """;

  /** Parameter: resident ids (bigint[]). */
  private static final String MARK_MOVED_AWAY =
      """
      UPDATE resident r SET register_status = 'moved_away', version = r.version + 1, updated_at = now()
      FROM unnest(?::bigint[]) AS f(id)
      WHERE r.id = f.id AND r.register_status IN ('active', 'in_care_facility')
      """;

  /** Called with each stored household's address and home point. */
  @FunctionalInterface
  public interface AddressVisitor {
    void visit(String address, LonLat home);
  }

  static final int FETCH = 5_000;

  private RegisterImportStore() {}

  /** Blocks other writers of households and residents until the caller's transaction ends. */
  public static void lock(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(LOCK);
    }
  }

  /** The municipalities of the stored register's households, in code order. */
  public static List<String> registerMunicipalities(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(REGISTER_MUNICIPALITIES);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The municipality most stored shelters belong to, if any shelter names one. */
  public static Optional<String> shelterMunicipality(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SHELTER_MUNICIPALITY);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  /** The stored residents of the municipality with these register numbers, by number. */
  public static Map<String, StoredResident> residentsByRegisterNo(Connection c, String municipality,
      Collection<String> registerNos) throws SQLException {
    Map<String, StoredResident> out = new LinkedHashMap<>();
    for (StoredResident r : residents(c, RESIDENTS_BY_NUMBER, municipality, registerNos)) {
      out.put(r.registerNo(), r);
    }
    return out;
  }

  /** The residents of the municipality still on the register (active or in a care facility) born on these dates. */
  public static List<StoredResident> residentsBornOn(Connection c, String municipality, Collection<LocalDate> dates)
      throws SQLException {
    return residents(c, RESIDENTS_BORN_ON, municipality, dates.stream().map(LocalDate::toString).toList());
  }

  /** The municipality's households with these numbers (or {@code H<id>} for one without) or these ids. */
  public static List<StoredHousehold> households(Connection c, String municipality, Collection<String> numbers,
      Collection<Long> ids) throws SQLException {
    List<StoredHousehold> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(HOUSEHOLDS)) {
      ps.setArray(1, texts(c, numbers));
      ps.setString(2, municipality);
      ps.setArray(3, c.createArrayOf("bigint", ids.toArray()));
      ps.setArray(4, texts(c, numbers));
      ps.setString(5, municipality);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Integer district = (Integer) rs.getObject(3);
          HouseholdRow row = new HouseholdRow(rs.getLong(1), rs.getString(2), district, rs.getString(4),
              LonLat.of(rs.getDouble(5), rs.getDouble(6)), rs.getString(7), rs.getInt(8), rs.getBoolean(9),
              rs.getBoolean(10));
          out.add(new StoredHousehold(row, rs.getString(11), rs.getInt(12), rs.getInt(13)));
        }
      }
    }
    return out;
  }

  /** Streams every stored household's address and home point (auto-commit must be off, for the cursor). */
  public static void forEachHouseholdAddress(Connection c, AddressVisitor visitor) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(HOUSEHOLD_ADDRESSES)) {
      ps.setFetchSize(FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          visitor.visit(rs.getString(1), LonLat.of(rs.getDouble(2), rs.getDouble(3)));
        }
      }
    }
  }

  /** {@code n} new household ids from the table's identity sequence. */
  public static long[] newHouseholdIds(Connection c, int n) throws SQLException {
    return nextIds(c, "household", n);
  }

  /** {@code n} new resident ids from the table's identity sequence. */
  public static long[] newResidentIds(Connection c, int n) throws SQLException {
    return nextIds(c, "resident", n);
  }

  /** Inserts households with the ids they carry (from {@link #newHouseholdIds}). */
  public static int insertHouseholds(Connection c, List<NumberedHousehold> households) throws SQLException {
    if (households.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_HOUSEHOLDS)) {
      householdArrays(c, ps, households);
      return ps.executeUpdate();
    }
  }

  /** Updates the households whose values differ and whose version is still the one read; returns how many changed. */
  public static int updateHouseholds(Connection c, List<HouseholdUpdate> updates) throws SQLException {
    if (updates.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(UPDATE_HOUSEHOLDS)) {
      householdArrays(c, ps, updates.stream().map(HouseholdUpdate::household).toList());
      ps.setArray(12, c.createArrayOf("integer", updates.stream().map(HouseholdUpdate::expectedVersion).toArray()));
      return ps.executeUpdate();
    }
  }

  /** Inserts residents with the ids they carry (from {@link #newResidentIds}) into stored households. */
  public static int insertResidents(Connection c, List<ResidentRow> residents) throws SQLException {
    if (residents.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_RESIDENTS)) {
      residentArrays(c, ps, residents, new Integer[residents.size()]);
      return ps.executeUpdate();
    }
  }

  /** Updates the residents whose values differ and whose version is still the one read; returns how many changed. */
  public static int updateResidents(Connection c, List<ResidentUpdate> updates) throws SQLException {
    if (updates.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(UPDATE_RESIDENTS)) {
      residentArrays(c, ps, updates.stream().map(ResidentUpdate::row).toList(),
          updates.stream().map(ResidentUpdate::expectedVersion).toArray(Integer[]::new));
      return ps.executeUpdate();
    }
  }

  /** Sets register statuses (moved away, deceased, in a care facility); returns how many changed. */
  public static int setStatuses(Connection c, List<StatusChange> changes) throws SQLException {
    if (changes.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(SET_STATUS)) {
      ps.setArray(1, c.createArrayOf("bigint", changes.stream().map(StatusChange::residentId).toArray()));
      ps.setArray(2, texts(c, changes.stream().map(StatusChange::status).toList()));
      ps.setArray(3, c.createArrayOf("integer", changes.stream().map(StatusChange::expectedVersion).toArray()));
      return ps.executeUpdate();
    }
  }

  /** How many of the municipality's entries still on the register have none of these numbers. */
  public static int countMissing(Connection c, String municipality, Set<String> present) throws SQLException {
    return missing(c, municipality, present).size();
  }

  /** Marks the municipality's entries still on the register that have none of these numbers as moved away. */
  public static int markMissingMovedAway(Connection c, String municipality, Set<String> present) throws SQLException {
    List<Long> ids = missing(c, municipality, present);
    int n = 0;
    for (int from = 0; from < ids.size(); from += 10_000) {
      n += markMovedAway(c, ids.subList(from, Math.min(ids.size(), from + 10_000)));
    }
    return n;
  }

  /** The ids of the municipality's entries still on the register that have none of these numbers. */
  public static List<Long> missingIds(Connection c, String municipality, Set<String> present) throws SQLException {
    return missing(c, municipality, present);
  }

  /** Marks these residents moved away where they are still on the register; returns how many changed. */
  public static int markMovedAway(Connection c, List<Long> residentIds) throws SQLException {
    if (residentIds.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(MARK_MOVED_AWAY)) {
      ps.setArray(1, c.createArrayOf("bigint", residentIds.toArray()));
      return ps.executeUpdate();
    }
  }

  /**
   * Ids of the entries on the register whose number is not present, found by streaming the
   * register's numbers (an anti-join against a parameter array is planned as a nested loop).
   */
  private static List<Long> missing(Connection c, String municipality, Set<String> present) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(ON_REGISTER)) {
      ps.setString(1, municipality);
      ps.setFetchSize(FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!present.contains(rs.getString(2))) {
            out.add(rs.getLong(1));
          }
        }
      }
    }
    return out;
  }

  /** The resident's columns 1 to 24 in the order of {@link #RESIDENT_COLUMNS}. */
  static ResidentRow residentRow(ResultSet rs) throws SQLException {
    return new ResidentRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
        rs.getString(10), rs.getString(11), rs.getString(12), strings(rs.getArray(13)), (Integer) rs.getObject(14),
        rs.getString(15), (Integer) rs.getObject(16), rs.getBoolean(17), strings(rs.getArray(18)), rs.getBoolean(19),
        rs.getBoolean(20), rs.getBoolean(21), rs.getString(22), rs.getString(23), rs.getObject(24, LocalDate.class));
  }

  private static List<StoredResident> residents(Connection c, String sql, String municipality,
      Collection<String> values) throws SQLException {
    List<StoredResident> out = new ArrayList<>();
    if (values.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, texts(c, values));
      ps.setString(2, municipality);
      ps.setFetchSize(FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new StoredResident(residentRow(rs), rs.getInt(25), rs.getString(26), rs.getString(27), rs.getInt(28)));
        }
      }
    }
    return out;
  }

  private static long[] nextIds(Connection c, String table, int n) throws SQLException {
    long[] ids = new long[n];
    if (n == 0) {
      return ids;
    }
    try (PreparedStatement ps = c.prepareStatement(NEXT_IDS)) {
      ps.setString(1, table);
      ps.setInt(2, n);
      try (ResultSet rs = ps.executeQuery()) {
        for (int i = 0; i < n && rs.next(); i++) {
          ids[i] = rs.getLong(1);
        }
      }
    }
    return ids;
  }

  private static void householdArrays(Connection c, PreparedStatement ps, List<NumberedHousehold> households)
      throws SQLException {
    int n = households.size();
    String[][] cols = new String[11][n];
    for (int i = 0; i < n; i++) {
      HouseholdRow h = households.get(i).row();
      cols[0][i] = Long.toString(h.id());
      cols[1][i] = h.municipalityCode();
      cols[2][i] = h.districtId() == null ? null : h.districtId().toString();
      cols[3][i] = h.address();
      cols[4][i] = Double.toString(h.home().lon());
      cols[5][i] = Double.toString(h.home().lat());
      cols[6][i] = h.composition();
      cols[7][i] = Integer.toString(h.memberCount());
      cols[8][i] = Boolean.toString(h.familyFrail());
      cols[9][i] = Boolean.toString(h.aloneDaytime());
      cols[10][i] = households.get(i).householdNo();
    }
    for (int k = 0; k < cols.length; k++) {
      ps.setArray(k + 1, c.createArrayOf("text", cols[k]));
    }
  }

  private static void residentArrays(Connection c, PreparedStatement ps, List<ResidentRow> residents,
      Integer[] versions) throws SQLException {
    int n = residents.size();
    String[][] cols = new String[24][n];
    for (int i = 0; i < n; i++) {
      ResidentRow r = residents.get(i);
      String[] v = {Long.toString(r.id()), Long.toString(r.householdId()), r.municipalityCode(), r.registerNo(),
          r.familyName(), r.givenName(), r.familyNameKana(), r.givenNameKana(), r.birthDate().toString(), r.sex(),
          r.phone(), r.careLevel(), String.join(",", r.disabilityTypes()), text(r.physicalDisabilityGrade()),
          r.intellectualDisabilityGrade(), text(r.mentalDisabilityGrade()), Boolean.toString(r.severeMotorIntellectual()),
          String.join(",", r.medicalDevices()), Boolean.toString(r.ventilator24h()), Boolean.toString(r.needsInfoSupport()),
          Boolean.toString(r.needsDecisionSupport()), r.schoolStatus(), r.registerStatus(), r.registeredOn().toString()};
      for (int k = 0; k < v.length; k++) {
        cols[k][i] = v[k];
      }
    }
    for (int k = 0; k < cols.length; k++) {
      ps.setArray(k + 1, c.createArrayOf("text", cols[k]));
    }
    ps.setArray(25, c.createArrayOf("integer", versions));
  }

  private static String text(Integer i) {
    return i == null ? null : i.toString();
  }

  private static Array texts(Connection c, Collection<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }

  static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : List.of((String[]) a.getArray());
  }
}
