package io.mimamori.server;

import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.plancheck.PlanCheckStore;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.layers.register.edit.RegisterEditStore;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The register edit tests' fixture: a small generated town (1,500 synthetic residents) on a test
 * server, scored under both profiles with its plans checked as of today in Japan, and signed-in
 * sessions of a planner, an admin, HQ, a dispatcher and a planner scoped to the largest district
 * ({@link #ward}). Hands out residents no other test of the class has used.
 */
final class EditTown implements AutoCloseable {

  static final String PASSWORD = "synthetic passphrase 42";
  static final LocalDate TODAY = LocalDate.now(RegisterEditStore.JAPAN);

  final TestServer server;
  final ApiSession planner;
  final ApiSession admin;
  final ApiSession hq;
  final ApiSession dispatcher;
  final ApiSession wardPlanner;
  final int ward;
  private final Set<Long> used = new HashSet<>();

  private EditTown(TestServer server, int ward) throws Exception {
    this.server = server;
    this.ward = ward;
    planner = ApiSession.signIn(server, "planner.aoki", PASSWORD);
    admin = ApiSession.signIn(server, "admin.oda", PASSWORD);
    hq = ApiSession.signIn(server, "hq.ueda", PASSWORD);
    dispatcher = ApiSession.signIn(server, "dispatch.endo", PASSWORD);
    wardPlanner = ApiSession.signIn(server, "planner.ward", PASSWORD);
  }

  static EditTown start(String purpose) throws Exception {
    TestServer server = TestServer.start(purpose);
    var ds = server.database().dataSource();
    DemoTownGenerator.generateAndLoad(ds, DemoTownSpec.of(31, 1_500, 0.5), Files.createTempDirectory("edit-town"),
        (p, f) -> {}, () -> false);
    PriorityStore priorities = new PriorityStore(ds);
    priorities.scoreAll(PriorityProfile.NATIONAL);
    priorities.scoreAll(PriorityProfile.KOBE);
    new PlanCheckStore(ds).checkAll(TODAY);
    AccountStore accounts = new AccountStore(ds);
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    int ward;
    try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT district_id FROM household WHERE district_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")) {
      rs.next();
      ward = rs.getInt(1);
    }
    accounts.create("planner.aoki", "青木", hash, "222038", List.of(RoleGrant.everywhere(Role.PLANNER)));
    accounts.create("admin.oda", "織田", hash, "222038", List.of(RoleGrant.everywhere(Role.ADMIN)));
    accounts.create("hq.ueda", "上田", hash, "222038", List.of(RoleGrant.everywhere(Role.HQ)));
    accounts.create("dispatch.endo", "遠藤", hash, "222038", List.of(RoleGrant.everywhere(Role.DISPATCHER)));
    accounts.create("planner.ward", "区の担当", hash, "222038", List.of(new RoleGrant(Role.PLANNER, ward, null)));
    return new EditTown(server, ward);
  }

  /** A resident not used before, meeting a condition over r (resident), hh (household) and ep (plan). */
  long nextResident(String condition) throws Exception {
    for (long id : longs("SELECT r.id FROM resident r JOIN household hh ON hh.id = r.household_id"
        + " JOIN evacuation_plan ep ON ep.resident_id = r.id WHERE r.register_status = 'active' AND " + condition
        + " ORDER BY r.id LIMIT 50")) {
      if (used.add(id)) {
        return id;
      }
    }
    throw new AssertionError("no resident left with " + condition);
  }

  /** Marks a resident as used (a test changes it through another one). */
  void use(long id) {
    used.add(id);
  }

  /** The first column of a query's rows as text (the test's own fixed SQL). */
  List<String> strings(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = server.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  List<Long> longs(String sql) throws Exception {
    return strings(sql).stream().map(Long::parseLong).toList();
  }

  @Override
  public void close() {
    server.close();
  }
}
