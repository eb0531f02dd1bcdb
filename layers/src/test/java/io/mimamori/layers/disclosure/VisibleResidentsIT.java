package io.mimamori.layers.disclosure;

import static io.mimamori.layers.testing.DisclosureTown.CONSENTED;
import static io.mimamori.layers.testing.DisclosureTown.FIRE_BRIGADE;
import static io.mimamori.layers.testing.DisclosureTown.NEIGHBOUR;
import static io.mimamori.layers.testing.DisclosureTown.OTHER;
import static io.mimamori.layers.testing.DisclosureTown.PRESUMED;
import static io.mimamori.layers.testing.DisclosureTown.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.audit.AuditEntry;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.emergency.CheckStatus;
import io.mimamori.layers.emergency.EmergencyLevel;
import io.mimamori.layers.emergency.EmergencyStore;
import io.mimamori.layers.emergency.SafetyCheckStore;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import io.mimamori.layers.priority.RankedQuery;
import io.mimamori.layers.priority.RankedResident;
import io.mimamori.layers.testing.DisclosureTown;
import io.mimamori.layers.testing.TestPostgis;
import io.mimamori.layers.tiles.MvtReader;
import io.mimamori.layers.tiles.ResidentPointTiles;
import io.mimamori.layers.tiles.TileCoord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The visibility rules in SQL, for one viewer of each kind, in normal times, during an emergency
 * over district A and after HQ ends it. The expected sets are written out here, not derived from
 * the rules under test.
 */
class VisibleResidentsIT {

  private static Database db;
  private static DisclosureTown town;
  private static DisclosureStore store;
  private static long hqUser;
  private static final Map<String, Viewer> viewers = new LinkedHashMap<>();

  @BeforeAll
  static void world() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("visible_residents"), 4);
    town = DisclosureTown.create(db.dataSource());
    store = new DisclosureStore(db.dataSource());
    AccountStore accounts = new AccountStore(db.dataSource());
    String hash = "$argon2id$v=19$m=1024,t=1,p=1$AAAA$AAAA";
    hqUser = accounts.create("v.hq", "本部", hash, "222038", List.of(RoleGrant.everywhere(Role.HQ)));
    viewers.put("admin", viewer(1, RoleGrant.everywhere(Role.ADMIN)));
    viewers.put("planner", viewer(2, RoleGrant.everywhere(Role.PLANNER)));
    viewers.put("planner_b", viewer(3, new RoleGrant(Role.PLANNER, town.districtB(), null)));
    viewers.put("hq", new Viewer(hqUser, "v.hq", "222038", List.of(RoleGrant.everywhere(Role.HQ))));
    viewers.put("dispatcher", viewer(5, RoleGrant.everywhere(Role.DISPATCHER)));
    viewers.put("neighbour", viewer(6, new RoleGrant(Role.SUPPORTER, null, town.supporter(NEIGHBOUR))));
    viewers.put("fire_brigade", viewer(7, new RoleGrant(Role.SUPPORTER, null, town.supporter(FIRE_BRIGADE))));
    viewers.put("other", viewer(8, new RoleGrant(Role.SUPPORTER, null, town.supporter(OTHER))));
    viewers.put("shelter_staff", viewer(9, RoleGrant.everywhere(Role.SHELTER_STAFF)));
    viewers.put("case_worker", viewer(10, RoleGrant.everywhere(Role.CASE_WORKER)));
    viewers.put("other_town_planner", new Viewer(11, "x", "999999", List.of(RoleGrant.everywhere(Role.PLANNER))));
    viewers.put("planner_and_neighbour", viewer(12, new RoleGrant(Role.PLANNER, town.districtB(), null),
        new RoleGrant(Role.SUPPORTER, null, town.supporter(NEIGHBOUR))));
    new PriorityStore(db.dataSource()).scoreAll(PriorityProfile.NATIONAL);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static Viewer viewer(long id, RoleGrant... grants) {
    return new Viewer(id, "viewer" + id, "222038", List.of(grants));
  }

  private static final Map<String, String> NORMAL = Map.ofEntries(
      Map.entry("admin", "consented=register far=register presumed=register refused=register unknown=register"),
      Map.entry("planner", "consented=register far=register presumed=register refused=register unknown=register"),
      Map.entry("planner_b", "far=register"),
      Map.entry("hq", "consented=register far=register presumed=register unknown=register"),
      Map.entry("dispatcher", ""),
      Map.entry("neighbour", "consented=consent far=consent presumed=consent"),
      Map.entry("fire_brigade", ""),
      Map.entry("other", ""),
      Map.entry("shelter_staff", ""),
      Map.entry("case_worker", "consented=consent far=consent presumed=consent"),
      Map.entry("other_town_planner", ""),
      Map.entry("planner_and_neighbour", "consented=consent far=register presumed=consent"));

  private static final Map<String, String> EMERGENCY = Map.ofEntries(
      Map.entry("admin", "consented=register far=register presumed=register refused=register unknown=register"),
      Map.entry("planner", "consented=register far=register presumed=register refused=register unknown=register"),
      Map.entry("planner_b", "far=register"),
      Map.entry("hq", "consented=register far=register presumed=register refused=emergency unknown=register"),
      Map.entry("dispatcher", "consented=emergency presumed=emergency refused=emergency unknown=emergency"),
      Map.entry("neighbour", "consented=consent far=consent presumed=consent unknown=emergency"),
      Map.entry("fire_brigade", "refused=emergency"),
      Map.entry("other", "presumed=emergency"),
      Map.entry("shelter_staff", "consented=emergency"),
      Map.entry("case_worker", "consented=consent far=consent presumed=consent"),
      Map.entry("other_town_planner", ""),
      Map.entry("planner_and_neighbour", "consented=consent far=register presumed=consent unknown=emergency"));

  @Test
  void normalTimesThenAnEmergencyThenItsEnd() throws Exception {
    assertSeen(NORMAL, "normal times");

    EmergencyStore emergencies = new EmergencyStore(db.dataSource());
    GeometryFactory gf = new GeometryFactory();
    var area = gf.createPolygon(new Coordinate[] {new Coordinate(138.80, 35.10), new Coordinate(138.81, 35.10),
        new Coordinate(138.81, 35.11), new Coordinate(138.80, 35.11), new Coordinate(138.80, 35.10)});
    long emergency = emergencies.declare("222038", EmergencyLevel.EVACUATION_ORDER, List.of("flood"), area, "訓練", hqUser).id();
    town.assign(db.dataSource(), emergency, REFUSED, FIRE_BRIGADE);
    town.assign(db.dataSource(), emergency, PRESUMED, OTHER);
    new SafetyCheckStore(db.dataSource()).report(town.checkOf(db.dataSource(), emergency, CONSENTED), CheckStatus.EVACUATED,
        null, town.shelter(), hqUser, null, null);
    // a refused resident's check assigned to an ordinary neighbour still hides the resident from them
    assertSeen(EMERGENCY, "during the emergency");
    Disclosure refusedToHq = store.decide(viewers.get("hq"), List.of(town.resident(REFUSED))).get(town.resident(REFUSED));
    assertThat(refusedToHq.emergencyId()).isEqualTo(emergency);
    assertThat(refusedToHq.fields()).isEqualTo(FieldRules.OPERATIONS).doesNotContain(Field.BIRTH_DATE, Field.CONSENT);

    assertThat(emergencies.end(emergency, hqUser, "解除")).isTrue();
    assertSeen(NORMAL, "after the emergency ended");
  }

  @Test
  void anOrdinarySupporterAssignedARefusalStillDoesNotSeeIt() throws Exception {
    Database own = Database.open(TestPostgis.freshDatabase("visible_refusal"), 2);
    try (own) {
      DisclosureTown t = DisclosureTown.create(own.dataSource());
      long user = new AccountStore(own.dataSource()).create("r.hq", "本部", "$argon2id$v=19$m=1024,t=1,p=1$AAAA$AAAA",
          "222038", List.of(RoleGrant.everywhere(Role.HQ)));
      GeometryFactory gf = new GeometryFactory();
      var area = gf.createPolygon(new Coordinate[] {new Coordinate(138.80, 35.10), new Coordinate(138.81, 35.10),
          new Coordinate(138.81, 35.11), new Coordinate(138.80, 35.11), new Coordinate(138.80, 35.10)});
      long emergency = new EmergencyStore(own.dataSource()).declare("222038", EmergencyLevel.EVACUATION_ORDER, List.of("flood"),
          area, "訓練", user).id();
      t.assign(own.dataSource(), emergency, REFUSED, OTHER);
      Viewer other = new Viewer(1, "o", "222038", List.of(new RoleGrant(Role.SUPPORTER, null, t.supporter(OTHER))));
      assertThat(new DisclosureStore(own.dataSource()).visible(other, 100)).isEmpty();
    }
  }

  @Test
  void theRankedListAndTheResidentTilesHoldTheSameResidentsAsTheDecisions() throws Exception {
    PriorityStore priorities = new PriorityStore(db.dataSource());
    ResidentPointTiles tiles = new ResidentPointTiles(db.dataSource());
    TileCoord z12 = tileOf(138.83, 35.105, 12); // holds both districts
    for (Map.Entry<String, Viewer> e : viewers.entrySet()) {
      List<Long> visible = store.visible(e.getValue(), 1000).stream().map(Disclosure::residentId).sorted().toList();
      List<Long> ranked = new ArrayList<>(priorities.rank(RankedQuery.firstPage(PriorityProfile.NATIONAL, 100), e.getValue())
          .stream().map(RankedResident::residentId).sorted().toList());
      assertThat(ranked).as("ranked list of " + e.getKey()).isEqualTo(visible);
      ResidentPointTiles.Rendered tile = tiles.render(e.getValue(), z12);
      assertThat(tile.residentIds().stream().sorted().toList()).as("tile of " + e.getKey()).isEqualTo(visible);
      if (!visible.isEmpty()) {
        assertThat(MvtReader.read(tile.mvt()).get("residents").features()).hasSize(visible.size());
      }
    }
  }

  @Test
  void disclosuresWithoutConsentBecomeGrantsAndEveryRecordIsAudited() throws Exception {
    Database own = Database.open(TestPostgis.freshDatabase("disclosure_grants"), 2);
    try (own) {
      DisclosureTown t = DisclosureTown.create(own.dataSource());
      long user = new AccountStore(own.dataSource()).create("g.neighbour", "近所", "$argon2id$v=19$m=1024,t=1,p=1$AAAA$AAAA",
          "222038", List.of(new RoleGrant(Role.SUPPORTER, null, t.supporter(NEIGHBOUR))));
      GeometryFactory gf = new GeometryFactory();
      var area = gf.createPolygon(new Coordinate[] {new Coordinate(138.80, 35.10), new Coordinate(138.81, 35.10),
          new Coordinate(138.81, 35.11), new Coordinate(138.80, 35.11), new Coordinate(138.80, 35.10)});
      long emergency = new EmergencyStore(own.dataSource()).declare("222038", EmergencyLevel.EVACUATION_ORDER, List.of("flood"),
          area, "訓練", user).id();
      DisclosureStore s = new DisclosureStore(own.dataSource());
      Viewer v = new Viewer(user, "g.neighbour", "222038", List.of(new RoleGrant(Role.SUPPORTER, null, t.supporter(NEIGHBOUR))));
      List<Disclosure> seen = s.visible(v, 100);
      AuditEntry entry = new AuditEntry(Instant.now(), user, "g.neighbour", "read", "support", "resident",
          seen.stream().map(Disclosure::residentId).toList(), "127.0.0.1");
      s.record(List.of(entry), v, seen);
      s.record(List.of(entry), v, seen);
      List<DisclosureStore.GrantSummary> grants = s.grants(emergency);
      assertThat(grants).singleElement().satisfies(g -> {
        assertThat(g.residentIds()).containsExactly(t.resident(DisclosureTown.UNKNOWN));
        assertThat(g.times()).isEqualTo(2);
        assertThat(g.role()).isEqualTo("supporter");
        assertThat(g.fields()).contains("name", "location").doesNotContain("plan_details", "care_manager", "birth_date");
      });
      try (Connection c = own.dataSource().getConnection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_log WHERE login = 'g.neighbour' AND action = 'read'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
  }

  private static void assertSeen(Map<String, String> expected, String when) throws Exception {
    Map<Long, String> names = new TreeMap<>();
    town.residents().forEach((k, id) -> names.put(id, k));
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Viewer> e : viewers.entrySet()) {
      Map<String, String> seen = new TreeMap<>();
      for (Disclosure d : store.visible(e.getValue(), 1000)) {
        seen.put(names.get(d.residentId()), d.basis().code());
        assertThat(d.fields()).isEqualTo(FieldRules.fields(d.role(), d.basis())).isNotEmpty();
      }
      String got = String.join(" ", seen.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList());
      if (!got.equals(expected.get(e.getKey()))) {
        failures.add(e.getKey() + " " + when + ": expected [" + expected.get(e.getKey()) + "] got [" + got + "]");
      }
      // decide agrees with the list, resident by resident
      Map<Long, Disclosure> decided = store.decide(e.getValue(), town.residents().values());
      assertThat(decided.keySet()).as(e.getKey() + " " + when)
          .containsExactlyInAnyOrderElementsOf(seen.keySet().stream().map(town::resident).toList());
    }
    assertThat(failures).isEmpty();
  }

  private static TileCoord tileOf(double lon, double lat, int z) {
    int n = 1 << z;
    int x = (int) Math.floor((lon + 180) / 360 * n);
    double r = Math.toRadians(lat);
    int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    return new TileCoord(z, x, y);
  }
}
