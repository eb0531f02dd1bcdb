package io.mimamori.layers.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A made-up neighbourhood for the disclosure tests (見守町 and 試験町 do not exist; the people are
 * invented): five residents whose consent differs, three supporters and a welfare shelter.
 *
 * <ul>
 *   <li>{@link #CONSENTED} (given, written form), {@link #PRESUMED} (presumed by ordinance),
 *       {@link #REFUSED} (refused; a plan without supporters, which fails its checks),
 *       {@link #UNKNOWN} (no answer): homes in district A, inside {@link #AREA}; the plans of all
 *       but the refusal name {@link #NEIGHBOUR}.
 *   <li>{@link #FAR} (given): home in district B, outside the area; the plan names the neighbour.
 *   <li>supporters: {@link #NEIGHBOUR} (a person), {@link #FIRE_BRIGADE} (a rescue organisation),
 *       {@link #OTHER} (a person no plan names).
 * </ul>
 *
 * The names, addresses and notes used here are in {@link #PERSONAL_DATA}, which the log scan of
 * the build looks for in every test log.
 */
public final class DisclosureTown {

  public static final String MUNICIPALITY = "222038";
  public static final String CONSENTED = "consented";
  public static final String PRESUMED = "presumed";
  public static final String REFUSED = "refused";
  public static final String UNKNOWN = "unknown";
  public static final String FAR = "far";
  public static final String NEIGHBOUR = "neighbour";
  public static final String FIRE_BRIGADE = "fire_brigade";
  public static final String OTHER = "other";

  /** The emergency area as GeoJSON: district A's homes are inside, {@link #FAR}'s is not. */
  public static final String AREA =
      "{\"type\": \"Polygon\", \"coordinates\": [[[138.80, 35.10], [138.81, 35.10], [138.81, 35.11], [138.80, 35.11], [138.80, 35.10]]]}";

  /** Every name, address and condition note this town writes, for the log scan. */
  public static final List<String> PERSONAL_DATA = List.of(
      "見守 一子", "見守 二郎", "見守 三郎", "見守 四子", "遠方 五郎", "近所 助太郎", "他人 六郎",
      "沼津市見守町一丁目1番1号", "沼津市見守町一丁目2番2号", "沼津市見守町一丁目3番3号", "沼津市見守町一丁目4番4号",
      "沼津市試験町五丁目5番5号", "寝室は二階、階段介助が必要", "ケアマネ 介護花子");

  private final Map<String, Long> residents = new LinkedHashMap<>();
  private final Map<String, Long> supporters = new LinkedHashMap<>();
  private int districtA;
  private int districtB;
  private long shelter;

  private DisclosureTown() {}

  /** Writes the town into an empty, migrated database. */
  public static DisclosureTown create(DataSource ds) throws SQLException {
    DisclosureTown t = new DisclosureTown();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      t.districtA = (int) id(c, "INSERT INTO district (municipality_code, name, geom) VALUES ('222038', '見守一丁目', "
          + "ST_Multi(ST_MakeEnvelope(138.79, 35.09, 138.82, 35.12, 4326))) RETURNING id");
      t.districtB = (int) id(c, "INSERT INTO district (municipality_code, name, geom) VALUES ('222038', '試験五丁目', "
          + "ST_Multi(ST_MakeEnvelope(138.84, 35.09, 138.86, 35.12, 4326))) RETURNING id");
      t.shelter = id(c, "INSERT INTO shelter (municipality_code, kind, name, address, geom, target_groups, source, source_id) "
          + "VALUES ('222038', 'welfare_shelter', '見守福祉センター', '沼津市見守町一丁目9番9号', "
          + "ST_SetSRID(ST_MakePoint(138.805, 35.108), 4326), '{care_needing}', 'test', 'disclosure-town') RETURNING id");
      t.supporters.put(NEIGHBOUR, supporter(c, "person", "neighbour", "近所 助太郎"));
      t.supporters.put(FIRE_BRIGADE, supporter(c, "organisation", "fire_brigade", "見守町消防団第一分団"));
      t.supporters.put(OTHER, supporter(c, "person", "neighbour", "他人 六郎"));
      t.residents.put(CONSENTED, t.resident(c, "C1", "見守", "一子", "female", "沼津市見守町一丁目1番1号", 138.801, t.districtA,
          "care_5", "{physical}", 1, "{ventilator,suction}", true, "given", "written_form", "complete"));
      t.residents.put(PRESUMED, t.resident(c, "P1", "見守", "二郎", "male", "沼津市見守町一丁目2番2号", 138.803, t.districtA,
          "care_3", "{}", null, "{}", false, "presumed", "ordinance_presumption", "partial"));
      t.residents.put(REFUSED, t.resident(c, "R1", "見守", "三郎", "male", "沼津市見守町一丁目3番3号", 138.805, t.districtA,
          "care_4", "{physical,hearing}", 2, "{}", false, "refused", "written_form", "partial"));
      t.residents.put(UNKNOWN, t.resident(c, "U1", "見守", "四子", "female", "沼津市見守町一丁目4番4号", 138.807, t.districtA,
          "support_2", "{visual}", null, "{oxygen}", false, null, null, "draft"));
      t.residents.put(FAR, t.resident(c, "F1", "遠方", "五郎", "male", "沼津市試験町五丁目5番5号", 138.85, t.districtB,
          "care_2", "{}", null, "{}", false, "given", "verbal", "complete"));
      c.commit();
    }
    return t;
  }

  public long resident(String which) {
    return residents.get(which);
  }

  public Map<String, Long> residents() {
    return Map.copyOf(residents);
  }

  public long supporter(String which) {
    return supporters.get(which);
  }

  public int districtA() {
    return districtA;
  }

  public int districtB() {
    return districtB;
  }

  public long shelter() {
    return shelter;
  }

  /** The resident's check in {@code emergency}. */
  public long checkOf(DataSource ds, long emergency, String which) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM safety_check WHERE emergency_id = ? AND resident_id = ?")) {
      ps.setLong(1, emergency);
      ps.setLong(2, resident(which));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no check for " + which + " in emergency " + emergency);
        }
        return rs.getLong(1);
      }
    }
  }

  /** Assigns the resident's check in {@code emergency} to a supporter, as a dispatcher's published route does. */
  public void assign(DataSource ds, long emergency, String which, String supporter) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE safety_check SET assigned_supporter_id = ?, status = 'assigned' WHERE emergency_id = ? AND resident_id = ?")) {
      ps.setLong(1, supporter(supporter));
      ps.setLong(2, emergency);
      ps.setLong(3, resident(which));
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("no check for " + which + " in emergency " + emergency);
      }
    }
  }

  private long resident(Connection c, String no, String family, String given, String sex, String address, double lon,
      int district, String care, String disabilities, Integer physicalGrade, String devices, boolean ventilator24h,
      String consent, String consentBasis, String planStatus) throws SQLException {
    long household;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO household (municipality_code, district_id, address, geom, "
        + "composition, member_count) VALUES ('222038', ?, ?, ST_SetSRID(ST_MakePoint(?, 35.105), 4326), 'alone', 1) RETURNING id")) {
      ps.setInt(1, district);
      ps.setString(2, address);
      ps.setDouble(3, lon);
      household = id(ps);
    }
    long resident;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO resident (household_id, municipality_code, register_no, "
        + "family_name, given_name, family_name_kana, given_name_kana, birth_date, sex, phone, care_level, disability_types, "
        + "physical_disability_grade, medical_devices, ventilator_24h, needs_info_support) "
        + "VALUES (?, '222038', ?, ?, ?, 'ミマモリ', 'テスト', DATE '1938-04-01', ?, '0550000000', ?, ?::text[], ?, ?::text[], ?, true) "
        + "RETURNING id")) {
      ps.setLong(1, household);
      ps.setString(2, no);
      ps.setString(3, family);
      ps.setString(4, given);
      ps.setString(5, sex);
      ps.setString(6, care);
      ps.setString(7, disabilities);
      if (physicalGrade == null) {
        ps.setNull(8, java.sql.Types.SMALLINT);
      } else {
        ps.setInt(8, physicalGrade);
      }
      ps.setString(9, devices);
      ps.setBoolean(10, ventilator24h);
      resident = id(ps);
    }
    if (consent != null) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO consent (resident_id, state, basis, decided_on) VALUES (?, ?, ?, DATE '2025-04-01')")) {
        ps.setLong(1, resident);
        ps.setString(2, consent);
        ps.setString(3, consentBasis);
        ps.executeUpdate();
      }
    }
    long plan;
    boolean refused = planStatus.equals("refused");
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO evacuation_plan (resident_id, status, destination_kind, "
        + "destination_shelter_id, route_notes, items_to_carry, care_manager_name, care_manager_phone) "
        + "VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?) RETURNING id")) {
      ps.setLong(1, resident);
      ps.setString(2, planStatus);
      ps.setString(3, refused ? null : "shelter");
      if (refused) {
        ps.setNull(4, java.sql.Types.BIGINT);
      } else {
        ps.setLong(4, shelter);
      }
      ps.setString(5, refused ? null : "寝室は二階、階段介助が必要");
      ps.setString(6, refused ? "{}" : "{medicine,insurance_card}");
      ps.setString(7, refused ? null : "ケアマネ 介護花子");
      ps.setString(8, refused ? null : "0550009999");
      plan = id(ps);
    }
    if (!"refused".equals(consent)) { // who refused to share has no supporter named
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_supporter (plan_id, supporter_id, ordinal) VALUES (?, ?, 1)")) {
        ps.setLong(1, plan);
        ps.setLong(2, supporters.get(NEIGHBOUR));
        ps.executeUpdate();
      }
    }
    return resident;
  }

  private static long supporter(Connection c, String kind, String relation, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO supporter (municipality_code, kind, relation, name, phone) "
        + "VALUES ('222038', ?, ?, ?, '0550001111') RETURNING id")) {
      ps.setString(1, kind);
      ps.setString(2, relation);
      ps.setString(3, name);
      return id(ps);
    }
  }

  private static long id(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      return id(ps);
    }
  }

  private static long id(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
