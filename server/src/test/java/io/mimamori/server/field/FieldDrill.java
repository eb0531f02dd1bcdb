package io.mimamori.server.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.dispatch.PublishedRouteStore;
import io.mimamori.layers.emergency.EmergencyLevel;
import io.mimamori.layers.emergency.EmergencyStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A small emergency for the supporter's phone tests, on a test database: each {@link #declare}
 * puts synthetic residents (with needs: care level 5, hearing, a 24-hour ventilator, ...) in a box
 * of their own and declares an emergency over it; {@link #supporter} makes a supporter with a
 * sign-in ({@link #account} gives an existing supporter one); {@link #publish} publishes a route as
 * the dispatcher does. Also signs in over HTTP.
 */
public final class FieldDrill {

  public static final String PASSWORD = "field drill passphrase";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger BOXES = new AtomicInteger();
  private static final GeometryFactory GF = new GeometryFactory();

  /** An emergency with its checks and their residents, in resident order. */
  public record Drill(long emergencyId, List<Long> checkIds, List<Long> residentIds, List<String> names,
      List<double[]> homes, long shelterId) {}

  /** A supporter row and the account that acts for it. */
  public record FieldWorker(long supporterId, long userId, String login) {}

  /** A signed-in session: the cookie header value and the CSRF token. */
  public record Session(String cookie, String csrf) {}

  private final DataSource dataSource;
  private final String baseUrl;
  private final long dispatcherUser;
  private final long hqUser;
  private final String hash;

  public FieldDrill(DataSource dataSource, String baseUrl) throws SQLException {
    this.dataSource = dataSource;
    this.baseUrl = baseUrl;
    this.hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    AccountStore accounts = new AccountStore(dataSource);
    String suffix = Integer.toString(BOXES.incrementAndGet());
    this.dispatcherUser = accounts.create("drill.dispatch" + suffix, "配車係", hash, "222038",
        List.of(RoleGrant.everywhere(Role.DISPATCHER)));
    this.hqUser = accounts.create("drill.hq" + suffix, "本部", hash, "222038", List.of(RoleGrant.everywhere(Role.HQ)));
  }

  public long dispatcherUser() {
    return dispatcherUser;
  }

  public String dispatcherLogin() throws SQLException {
    return loginOf(dispatcherUser);
  }

  public String hqLogin() throws SQLException {
    return loginOf(hqUser);
  }

  /** {@code residents} synthetic residents in a box of their own, a shelter beside them, and an emergency over the box. */
  public Drill declare(int residents) throws SQLException {
    int box = BOXES.incrementAndGet();
    double lon0 = 138.70 + (box % 50) * 0.01;
    double lat0 = 35.00 + (box / 50) * 0.01;
    List<Long> residentIds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<double[]> homes = new ArrayList<>();
    long shelterId;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("""
          INSERT INTO shelter (municipality_code, kind, name, geom, source, source_id)
          VALUES ('222038', 'designated_shelter', ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), 'drill', ?) RETURNING id""")) {
        ps.setString(1, "第" + box + "小学校");
        ps.setDouble(2, lon0 + 0.006);
        ps.setDouble(3, lat0 + 0.006);
        ps.setString(4, "drill-" + box);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          shelterId = rs.getLong(1);
        }
      }
      for (int i = 0; i < residents; i++) {
        double lon = lon0 + 0.001 + (i % 8) * 0.001;
        double lat = lat0 + 0.001 + (i / 8) * 0.001;
        long household;
        try (PreparedStatement ps = c.prepareStatement("""
            INSERT INTO household (municipality_code, address, geom, composition, member_count)
            VALUES ('222038', ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), 'alone', 1) RETURNING id""")) {
          ps.setString(1, "沼津市訓練町" + box + "丁目" + (i + 1) + "番");
          ps.setDouble(2, lon);
          ps.setDouble(3, lat);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            household = rs.getLong(1);
          }
        }
        String given = GIVEN[i % GIVEN.length];
        try (PreparedStatement ps = c.prepareStatement("""
            INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, family_name_kana,
                                  given_name_kana, birth_date, sex, phone, care_level, disability_types, medical_devices,
                                  ventilator_24h)
            VALUES (?, '222038', ?, '訓練', ?, 'クンレン', ?, DATE '1940-04-01', 'female', '0559990000', ?, ?, ?, ?)
            RETURNING id""")) {
          ps.setLong(1, household);
          ps.setString(2, "D" + box + "-" + i);
          ps.setString(3, given);
          ps.setString(4, "カナ");
          ps.setString(5, i % 4 == 0 ? "care_5" : "none");
          ps.setArray(6, c.createArrayOf("text", i % 4 == 1 ? new String[] {"hearing"} : new String[0]));
          ps.setArray(7, c.createArrayOf("text", i % 4 == 2 ? new String[] {"ventilator"} : new String[0]));
          ps.setBoolean(8, i % 4 == 2);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            residentIds.add(rs.getLong(1));
          }
        }
        if (i == 0) {
          try (PreparedStatement ps = c.prepareStatement("""
              INSERT INTO evacuation_plan (resident_id, status, destination_kind, destination_shelter_id, items_to_carry)
              VALUES (?, 'complete', 'shelter', ?, ARRAY['お薬手帳', '保険証'])""")) {
            ps.setLong(1, residentIds.get(0));
            ps.setLong(2, shelterId);
            ps.executeUpdate();
          }
        }
        names.add("訓練 " + given);
        homes.add(new double[] {lon, lat});
      }
    }
    var area = GF.createPolygon(new Coordinate[] {new Coordinate(lon0, lat0), new Coordinate(lon0 + 0.0095, lat0),
        new Coordinate(lon0 + 0.0095, lat0 + 0.0095), new Coordinate(lon0, lat0 + 0.0095), new Coordinate(lon0, lat0)});
    long emergency = new EmergencyStore(dataSource).declare("222038", EmergencyLevel.EVACUATION_ORDER, List.of("flood"),
        area, "訓練 " + box, dispatcherUser).id();
    List<Long> checks = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM safety_check WHERE emergency_id = ? ORDER BY resident_id")) {
      ps.setLong(1, emergency);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          checks.add(rs.getLong(1));
        }
      }
    }
    return new Drill(emergency, checks, residentIds, names, homes, shelterId);
  }

  /** A supporter (a neighbour) with an account {@code login} acting for it. */
  public FieldWorker supporter(String login) throws SQLException {
    long supporterId;
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO supporter (municipality_code, kind, relation, name) VALUES ('222038', 'person', 'neighbour', ?) RETURNING id")) {
      ps.setString(1, "支援者 " + login);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        supporterId = rs.getLong(1);
      }
    }
    return account(login, supporterId);
  }

  /** A sign-in {@code login} (password {@link #PASSWORD}) acting for an existing supporter row, e.g. one a dispatcher sent. */
  public FieldWorker account(String login, long supporterId) throws SQLException {
    long user = new AccountStore(dataSource).create(login, "支援 " + login.replaceAll("[^a-z0-9]", ""), hash, "222038",
        List.of(new RoleGrant(Role.SUPPORTER, null, supporterId)));
    return new FieldWorker(supporterId, user, login);
  }

  /** Records the resident's consent decision (given, presumed, refused, unknown) as of today. */
  public void consent(long residentId, String state) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO consent (resident_id, state, basis, decided_on) VALUES (?, ?, ?, current_date)")) {
      ps.setLong(1, residentId);
      ps.setString(2, state);
      ps.setString(3, state.equals("presumed") ? "ordinance_presumption" : "written_form");
      ps.executeUpdate();
    }
  }

  /** Gives the resident (who has no plan yet) a complete plan to the drill's shelter with these items to carry. */
  public void plan(Drill drill, long residentId, String... itemsToCarry) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        INSERT INTO evacuation_plan (resident_id, status, destination_kind, destination_shelter_id, items_to_carry)
        VALUES (?, 'complete', 'shelter', ?, ?)""")) {
      ps.setLong(1, residentId);
      ps.setLong(2, drill.shelterId());
      ps.setArray(3, c.createArrayOf("text", itemsToCarry));
      ps.executeUpdate();
    }
  }

  /** Names the supporter in the resident's plan (the resident has one). */
  public void nameInPlan(long residentId, FieldWorker worker) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        INSERT INTO plan_supporter (plan_id, supporter_id, ordinal)
        SELECT p.id, ?, 1 + (SELECT count(*) FROM plan_supporter x WHERE x.plan_id = p.id)
        FROM evacuation_plan p WHERE p.resident_id = ?""")) {
      ps.setLong(1, worker.supporterId());
      ps.setLong(2, residentId);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("resident " + residentId + " has no plan");
      }
    }
  }

  /** Publishes the next revision of the supporter's route: these checks, in this order, five minutes apart. */
  public PublishedRouteStore.PublishedRoute publish(Drill drill, FieldWorker worker, List<Long> checkIds) throws SQLException {
    Instant start = Instant.now().plusSeconds(600);
    List<PublishedRouteStore.Stop> stops = new ArrayList<>();
    StringBuilder wkt = new StringBuilder("LINESTRING(");
    for (int i = 0; i < checkIds.size(); i++) {
      stops.add(new PublishedRouteStore.Stop(checkIds.get(i), start.plusSeconds(300L * i)));
      double[] home = drill.homes().get(drill.checkIds().indexOf(checkIds.get(i)));
      wkt.append(i == 0 ? "" : ", ").append(home[0]).append(' ').append(home[1]);
    }
    String line = checkIds.size() >= 2 ? wkt.append(')').toString() : null;
    return new PublishedRouteStore(dataSource).publish(drill.emergencyId(), worker.supporterId(), "foot", line, stops,
        dispatcherUser);
  }

  /** Signs in over HTTP. */
  public Session login(String login) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/login"))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("login", login, "password", PASSWORD))))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("sign-in of " + login + " answered " + r.statusCode());
    }
    JsonNode body = JSON.readTree(r.body());
    return new Session(r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0], body.get("csrf_token").asText());
  }

  private String loginOf(long userId) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT login FROM app_user WHERE id = ?")) {
      ps.setLong(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static final String[] GIVEN = {"春子", "夏男", "秋子", "冬彦", "梅子", "竹男", "松子", "桜"};
}
