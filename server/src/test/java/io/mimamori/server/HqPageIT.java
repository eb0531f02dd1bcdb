package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import io.mimamori.data.demo.DemoTownGenerator;
import io.mimamori.data.demo.DemoTownSpec;
import io.mimamori.data.demo.DemoTownSummary;
import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.priority.PriorityProfile;
import io.mimamori.layers.priority.PriorityStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HQ wall page in headless Chromium on a small generated town with an emergency under way:
 * every count in the side panel equals the database's; a status report and a check-in made
 * through the API reach the panel and the shelter's tile without reloading the page; after the
 * event stream is dropped the page resumes after the last event it had and gets the one it missed.
 * A screenshot goes to target/hq-wall.png.
 */
class HqPageIT {

  private static final String PASSWORD = "wall screen passphrase";
  private static TestServer server;
  private static ApiSessions api;
  private static HeadlessChromium chromium;
  private static long emergency;
  private static long shelter;
  private static List<Long> checks;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("hq wall page");
    var ds = server.database().dataSource();
    DemoTownSummary town = DemoTownGenerator.generateAndLoad(ds, DemoTownSpec.of(31, 1_000, 0.3),
        Files.createTempDirectory("hq-town"), (p, f) -> {}, () -> false);
    new PriorityStore(ds).scoreAll(PriorityProfile.NATIONAL);
    AccountStore accounts = new AccountStore(ds);
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    accounts.create("w.hq", "本部", hash, "222038", List.of(RoleGrant.everywhere(Role.HQ)));
    accounts.create("w.planner", "計画", hash, "222038", List.of(RoleGrant.everywhere(Role.PLANNER)));
    api = new ApiSessions(server, PASSWORD);

    double lon = town.centre().lon();
    double lat = town.centre().lat();
    double d = 0.012;
    JsonNode declared = api.postJson("/api/emergencies", "w.hq", String.format(java.util.Locale.ROOT,
        "{\"level\":\"evacuation_order\",\"hazard_types\":[\"flood\"],\"reason\":\"訓練\",\"area\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}",
        lon - d, lat - d, lon + d, lat - d, lon + d, lat + d, lon - d, lat + d, lon - d, lat - d), 201);
    emergency = declared.get("id").asLong();
    checks = longs("SELECT id FROM safety_check WHERE emergency_id = ? ORDER BY id", emergency);
    assertThat(checks).as("checks opened in the area").hasSizeGreaterThan(10);
    String[] statuses = {"needs_help", "evacuated", "could_not_reach", "safe_at_home", "on_the_way", "not_at_home"};
    for (int i = 0; i < statuses.length; i++) {
      api.postJson("/api/checks/" + checks.get(i) + "/status", "w.hq", "{\"status\":\"" + statuses[i] + "\"}", 201);
    }
    List<Long> shelters = longs("SELECT id FROM shelter WHERE kind = 'designated_shelter' ORDER BY id LIMIT 2");
    shelter = shelters.get(0);
    api.postJson("/api/shelters/" + shelter + "/open", "w.hq", "{\"capacity_persons\": 10}", 201);
    api.postJson("/api/shelters/" + shelter + "/check-ins", "w.hq", "{\"persons\": 2, \"family_members\": 5}", 201);
    api.postJson("/api/shelters/" + shelters.get(1) + "/open", "w.hq", "{\"capacity_persons\": 4}", 201);
    api.postJson("/api/shelters/" + shelters.get(1) + "/check-ins", "w.hq", "{\"persons\": 4}", 201);
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void thePanelMatchesTheDatabaseAndFollowsChangesWithoutReloading() throws Exception {
    try (BrowserContext context = chromium.browser().newContext(
        new Browser.NewContextOptions().setViewportSize(1920, 1080).setLocale("ja-JP"))) {
      signIn(context, "w.hq");
      HeadlessChromium.WatchedPage watched = HeadlessChromium.watch(context, server.url("/"));
      Page page = watched.page();
      page.navigate(server.url("/hq.html"));
      page.locator("[data-testid=situation][data-state=ready]").waitFor();
      page.locator("[data-testid=live-state][data-state=open]").waitFor();
      assertThat(page.getByTestId("page-title").textContent()).isEqualTo("災害対策本部");
      assertThat(page.getByTestId("emergency").getAttribute("data-id")).isEqualTo(Long.toString(emergency));
      page.waitForFunction("id => window.mimamori && window.mimamori.shelter(id) !== null", (int) shelter);

      assertThat(panelCounts(page)).as("every count in the panel").isEqualTo(databaseCounts());
      assertThat(page.getByTestId("escalation-row").count()).isEqualTo(2);
      assertThat(page.locator("[data-testid=attention-row][data-level=full]").count()).isEqualTo(1);
      assertThat(page.locator("canvas.vt-tile--check_status").count()).as("check cells drawn as tiles").isPositive();
      assertThat(page.locator("canvas.vt-tile--hazards").count()).isPositive();
      Map<?, ?> drawn = (Map<?, ?>) page.evaluate("id => window.mimamori.shelter(id)", (int) shelter);
      assertThat(drawn.get("open")).isEqualTo(true);
      assertThat(((Number) drawn.get("occupied")).intValue()).isEqualTo(7);
      Path shot = Path.of("target", "hq-wall.png");
      page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(false));
      assertThat(Files.size(shot)).isPositive();

      // changes through the API reach the panel and the shelter's tile, the page is never reloaded
      page.evaluate("() => { window.__sameDocument = true; }");
      long helpBefore = value(page, "count-check-needs_help");
      long sent = System.nanoTime();
      api.postJson("/api/checks/" + checks.get(10) + "/status", "w.hq", "{\"status\":\"needs_help\"}", 201);
      api.postJson("/api/shelters/" + shelter + "/check-ins", "w.hq", "{\"persons\": 1}", 201);
      page.waitForFunction("n => document.querySelector('[data-testid=count-check-needs_help]').dataset.value == n",
          (int) helpBefore + 1);
      double panelSeconds = (System.nanoTime() - sent) / 1e9;
      page.waitForFunction("id => window.mimamori.shelter(id).occupied === 8 && window.mimamori.shelter(id).level === 'near_full'",
          (int) shelter);
      double tileSeconds = (System.nanoTime() - sent) / 1e9;
      page.waitForFunction("() => document.querySelector('[data-testid=count-shelters-near_full]').dataset.value == 1");
      panelSeconds = Math.max(panelSeconds, (System.nanoTime() - sent) / 1e9);
      System.out.printf("HQ wall: panel updated after %.2f s, shelter tile after %.2f s%n", panelSeconds, tileSeconds);
      assertThat(panelSeconds).as("seconds until the panel showed the report and the check-in").isLessThan(2.0);
      assertThat(tileSeconds).as("seconds until the shelter's tile showed the check-in").isLessThan(2.0);
      assertThat(page.locator("[data-testid=escalation-row][data-check='" + checks.get(10) + "']").count()).isEqualTo(1);
      assertThat(panelCounts(page)).isEqualTo(databaseCounts());

      // a dropped stream resumes after the last event: the report made meanwhile arrives once
      server.app().liveEvents().disconnectAll();
      JsonNode missed = api.postJson("/api/checks/" + checks.get(11) + "/status", "w.hq", "{\"status\":\"evacuated\"}", 201);
      page.waitForFunction("id => window.mimamori.stream.received.includes(id)", missed.get("event_id").asInt());
      page.locator("[data-testid=live-state][data-state=open]").waitFor();
      List<?> received = (List<?>) page.evaluate("() => window.mimamori.stream.received");
      assertThat(received.stream().filter(id -> ((Number) id).longValue() == missed.get("event_id").asLong()).count())
          .as("the missed event once").isEqualTo(1);
      page.waitForFunction("n => document.querySelector('[data-testid=count-check-evacuated]').dataset.value == n",
          (int) count("SELECT count(*) FROM safety_check WHERE emergency_id = ? AND status = 'evacuated'", emergency));
      assertThat(page.evaluate("() => window.__sameDocument")).as("never reloaded").isEqualTo(true);

      page.getByTestId("lang-toggle").click();
      assertThat(page.getByTestId("page-title").textContent()).isEqualTo("Disaster HQ");
      assertThat(page.getByTestId("live-state").textContent()).isEqualTo("Live");
      assertThat(watched.errors()).isEmpty();
      assertThat(watched.foreignRequests()).as("works with no Internet").isEmpty();
    }
  }

  @Test
  void aPlannerIsToldTheScreenIsForHq() {
    try (BrowserContext context = chromium.browser().newContext()) {
      signIn(context, "w.planner");
      Page page = context.newPage();
      page.navigate(server.url("/hq.html"));
      Locator notice = page.getByTestId("forbidden");
      notice.waitFor();
      assertThat(notice.textContent()).isEqualTo("この画面は災害対策本部（管理者・本部・配車担当）向けです。");
    }
  }

  /** Every count the panel shows, by test id, from its data-value. */
  private static Map<String, Long> panelCounts(Page page) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Locator l : page.locator("[data-testid^=count-]").all()) {
      out.put(l.getAttribute("data-testid"), Long.parseLong(l.getAttribute("data-value")));
    }
    return out;
  }

  private static long value(Page page, String testId) {
    return Long.parseLong(page.getByTestId(testId).getAttribute("data-value"));
  }

  /** The same counts, from the tables. */
  private static Map<String, Long> databaseCounts() throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    String bands = """
        SELECT count(*) FROM resident r LEFT JOIN resident_priority rp ON rp.profile = 'national' AND rp.resident_id = r.id
        WHERE r.register_status = 'active' AND coalesce(rp.band, 'none') = ?""";
    for (String band : List.of("A", "B", "C", "D")) {
      out.put("count-band-" + band, count(bands, band));
    }
    out.put("count-band-none", count(bands, "none"));
    out.put("count-residents-total", count("SELECT count(*) FROM resident WHERE register_status = 'active'"));
    for (String s : List.of("not_assigned", "assigned", "on_the_way", "safe_at_home", "evacuated", "needs_help", "not_at_home",
        "could_not_reach")) {
      out.put("count-check-" + s, count("SELECT count(*) FROM safety_check WHERE emergency_id = ? AND status = ?", emergency, s));
    }
    out.put("count-checks-total", count("SELECT count(*) FROM safety_check WHERE emergency_id = ?", emergency));
    out.put("count-escalated", count("SELECT count(*) FROM safety_check WHERE emergency_id = ? AND status IN "
        + "('needs_help', 'could_not_reach')", emergency));
    out.put("count-shelters-open", count("SELECT count(*) FROM shelter_opening WHERE closed_at IS NULL"));
    out.put("count-shelters-near_full", count("SELECT count(*) FROM shelter_occupancy WHERE closed_at IS NULL AND level = 'near_full'"));
    out.put("count-shelters-full", count("SELECT count(*) FROM shelter_occupancy WHERE closed_at IS NULL AND level = 'full'"));
    out.put("count-shelters-occupied", count("SELECT coalesce(sum(persons + family_members), 0) FROM shelter_stay "
        + "WHERE checked_out_at IS NULL"));
    out.put("count-transfers-requested", count("SELECT count(*) FROM shelter_transfer WHERE status = 'requested'"));
    out.put("count-transfers-accepted", count("SELECT count(*) FROM shelter_transfer WHERE status = 'accepted'"));
    return out;
  }

  private static long count(String sql, Object... params) throws Exception {
    return longs(sql, params).get(0);
  }

  private static List<Long> longs(String sql, Object... params) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = server.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  private static void signIn(BrowserContext context, String login) {
    var answer = context.request().post(server.url("/api/login"), RequestOptions.create()
        .setHeader("Content-Type", "application/json").setData(Map.of("login", login, "password", PASSWORD)));
    assertThat(answer.status()).isEqualTo(200);
  }
}
