package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import io.mimamori.server.field.FieldDrill;
import io.mimamori.server.field.FieldDrill.FieldWorker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole drill on one server with the generated town and its road graph, through the real pages in
 * headless Chromium: HQ declares an emergency and watches the wall; the dispatcher chooses the
 * emergency and the supporters, plans and publishes; one of the supporters sent opens the phone
 * page, loses signal, records three statuses and gets them out when the signal returns; the wall,
 * never reloaded, receives each of those reports exactly once and its counts move by exactly them;
 * a shelter opened with few places fills up and the wall shows it full.
 */
class DrillIT {

  private static final Page.WaitForFunctionOptions LONG = new Page.WaitForFunctionOptions().setTimeout(30_000);
  /** The statuses the supporter records, one per stop, in this order. */
  private static final List<String> REPORTS = List.of("safe_at_home", "evacuated", "needs_help");

  private static RoutingTown t;
  private static HeadlessChromium chromium;

  @BeforeAll
  static void start() throws Exception {
    t = RoutingTown.start("drill", null);
    t.awaitGraph();
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (t != null) {
      t.close();
    }
  }

  @Test
  void aDrillFromDeclarationToAFullShelter() throws Exception {
    // 1. HQ declares the emergency. The wall (web/src/hq) only watches: it has no way to declare, so HQ
    // declares through the API, POST /api/emergencies, as HQ's own tools would; then HQ opens the wall.
    double cLon = t.town.centre().lon(), cLat = t.town.centre().lat();
    double d = Double.parseDouble(t.strings("""
        SELECT greatest(abs(ST_X(h.geom) - ?), abs(ST_Y(h.geom) - ?)) AS d FROM household h
        JOIN resident r ON r.household_id = h.id ORDER BY d OFFSET 24 LIMIT 1""", cLon, cLat).get(0));
    long emergency = t.declare(List.of("flood"), cLon - d, cLat - d, cLon + d, cLat + d);

    try (BrowserContext hqContext = desk("r.hq"); BrowserContext dispatchContext = desk("r.dispatch")) {
      HeadlessChromium.WatchedPage hqWatched = HeadlessChromium.watch(hqContext, t.server.url("/"));
      Page hq = hqWatched.page();
      hq.navigate(t.server.url("/hq.html"));
      hq.locator("[data-testid=situation][data-state=ready]").waitFor();
      hq.locator("[data-testid=live-state][data-state=open]").waitFor();
      assertThat(hq.getByTestId("emergency").getAttribute("data-id")).isEqualTo(Long.toString(emergency));
      hq.evaluate("() => { window.__sameDocument = true; }");

      // 2. The dispatcher chooses the emergency and three supporters, plans and publishes.
      HeadlessChromium.WatchedPage dispatchWatched = HeadlessChromium.watch(dispatchContext, t.server.url("/"));
      Page dispatch = dispatchWatched.page();
      dispatch.navigate(t.server.url("/dispatch.html"));
      dispatch.locator("[data-testid=teams][data-state=ready]").waitFor();
      dispatch.getByTestId("emergency").selectOption(Long.toString(emergency));
      dispatch.locator("[data-testid=teams][data-state=ready]").waitFor();
      assertThat(dispatch.getByTestId("emergency").inputValue()).isEqualTo(Long.toString(emergency));
      assertThat(dispatch.locator("[data-testid=team-row].is-on").count()).as("supporters chosen").isEqualTo(3);
      dispatch.getByTestId("seconds").selectOption("5");
      dispatch.getByTestId("run").click();
      dispatch.locator("[data-testid=plan][data-state=ready]")
          .waitFor(new Locator.WaitForOptions().setTimeout(120_000));
      dispatch.getByTestId("publish").click();
      dispatch.locator("[data-testid=published]:not([hidden])").waitFor();
      assertThat(dispatch.getByTestId("published").textContent())
          .isEqualTo("3人の支援者にルートを配信しました。");

      // the supporter with the longest published route gets a sign-in for the phone
      List<String> longest = t.strings("""
          SELECT r.supporter_id || ':' || count(*) FROM published_route r
          JOIN published_stop s ON s.route_id = r.id WHERE r.emergency_id = ?
          GROUP BY r.id, r.supporter_id ORDER BY count(*) DESC, r.supporter_id LIMIT 1""", emergency);
      assertThat(longest).as("a published route").hasSize(1);
      long supporterId = Long.parseLong(longest.get(0).split(":")[0]);
      int stops = Integer.parseInt(longest.get(0).split(":")[1]);
      assertThat(stops).as("stops on the longest route").isGreaterThanOrEqualTo(REPORTS.size());
      Locator seen = dispatch.locator("[data-testid=route][data-supporter='" + supporterId + "']")
          .getByTestId("visit-row");
      assertThat(seen.count()).as("the published route is the one the dispatcher saw").isEqualTo(stops);
      FieldWorker worker = new FieldDrill(t.server.database().dataSource(), t.server.url(""))
          .account("r.field", supporterId);

      // the wall has heard of the assignments before anything else happens
      waitForChecks(hq, emergency);
      Map<String, Long> before = panelCounts(hq);
      List<Long> receivedBefore = received(hq);

      // 3. The supporter's phone: the route, no signal, three statuses, signal again, the outbox empties.
      try (BrowserContext phoneContext = chromium.browser().newContext(new Browser.NewContextOptions()
          .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2).setLocale("ja-JP")
          .setServiceWorkers(ServiceWorkerPolicy.ALLOW))) {
        HeadlessChromium.WatchedPage phoneWatched = HeadlessChromium.watch(phoneContext, t.server.url("/"));
        Page phone = phoneWatched.page();
        phone.navigate(t.server.url("/supporter.html"));
        phone.waitForURL("**/login.html**");
        phone.getByTestId("login-id").fill(worker.login());
        phone.getByTestId("login-password").fill(FieldDrill.PASSWORD);
        phone.getByTestId("login-submit").click();
        phone.waitForURL("**/supporter.html**");
        phone.waitForSelector("[data-testid=stops][data-value='" + stops + "']");
        List<Long> onPhone = phone.getByTestId("stop").all().stream()
            .map(s -> Long.parseLong(s.getAttribute("data-check-id"))).toList();
        assertThat(onPhone).as("stops in visiting order").containsExactlyElementsOf(t.strings("""
            SELECT s.safety_check_id FROM published_route r JOIN published_stop s ON s.route_id = r.id
            WHERE r.emergency_id = ? AND r.supporter_id = ? ORDER BY s.seq""", emergency, supporterId)
            .stream().map(Long::parseLong).toList());
        List<Long> visited = onPhone.subList(0, REPORTS.size());
        phone.evaluate("() => navigator.serviceWorker.ready");

        phoneContext.setOffline(true);
        phone.waitForSelector("[data-testid=connection][data-state=offline]");
        for (int i = 0; i < REPORTS.size(); i++) {
          Locator card = phone.locator("[data-testid=stop][data-check-id='" + visited.get(i) + "']");
          if (card.getByTestId("report-" + REPORTS.get(i)).count() == 0) {
            card.locator(".stop-head").click();
          }
          card.getByTestId("report-" + REPORTS.get(i)).click();
          waitOutbox(phone, i + 1);
        }
        assertThat(t.count("SELECT count(*) FROM safety_check_event WHERE reported_by = ?", worker.userId()))
            .as("nothing reaches the server without signal").isZero();
        assertThat(received(hq)).as("nor the wall").isEqualTo(receivedBefore);

        phoneContext.setOffline(false);
        waitOutbox(phone, 0);
        List<String> stored = t.strings("SELECT id || ':' || safety_check_id || ':' || status FROM safety_check_event "
            + "WHERE reported_by = ? ORDER BY id", worker.userId());
        List<String> tapped = new ArrayList<>();
        for (int i = 0; i < REPORTS.size(); i++) {
          tapped.add(visited.get(i) + ":" + REPORTS.get(i));
        }
        assertThat(stored).extracting(s -> s.substring(s.indexOf(':') + 1)).as("stored once each, in tap order")
            .containsExactlyElementsOf(tapped);
        List<Long> eventIds = stored.stream().map(s -> Long.parseLong(s.split(":")[0])).toList();
        // the page's first question (api/me) before signing in, and the requests that could not go out without signal
        phoneWatched.errors().removeIf(e -> e.contains("status of 401") || e.contains("ERR_INTERNET_DISCONNECTED"));
        assertThat(phoneWatched.errors()).as("errors on the phone").isEmpty();
        assertThat(phoneWatched.foreignRequests()).isEmpty();

        // 4. The wall, never reloaded, has each report exactly once and its counts moved by exactly them.
        hq.waitForFunction("ids => ids.every(id => window.mimamori.stream.received.includes(id))",
            eventIds.stream().map(Long::intValue).toList(), LONG);
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("count-check-assigned", (long) -REPORTS.size(), Long::sum);
        for (String status : REPORTS) {
          expected.merge("count-check-" + status, 1L, Long::sum);
        }
        expected.merge("count-escalated", 1L, Long::sum);
        waitForCounts(hq, expected);
        assertThat(panelCounts(hq)).as("every count on the wall").isEqualTo(expected);
        List<Long> after = received(hq);
        for (long id : eventIds) {
          assertThat(after.stream().filter(x -> x == id).count()).as("event %d on the wall", id).isEqualTo(1);
        }
        assertThat(after).as("events in order, none twice").isSorted().doesNotHaveDuplicates();
        assertThat(after.subList(receivedBefore.size(), after.size())).as("the reports, in tap order")
            .containsExactlyElementsOf(eventIds);
        assertThat(hq.locator("[data-testid=escalation-row][data-check='" + visited.get(2) + "']").count())
            .as("the call for help among the escalations").isEqualTo(1);
      }

      // 5. A shelter with three places opens and fills up; the wall shows it full.
      long shelter = t.count("SELECT id FROM shelter WHERE kind = 'designated_shelter' ORDER BY id LIMIT 1");
      String drawn = "window.mimamori.shelter(" + shelter + ")";
      hq.waitForFunction("() => " + drawn + " !== null && !" + drawn + ".open", null, LONG);
      Map<String, Long> beforeShelter = panelCounts(hq);
      t.postJson("/api/shelters/" + shelter + "/open", "r.hq",
          "{\"emergency_id\": " + emergency + ", \"capacity_persons\": 3}", 201);
      JsonNode first = t.postJson("/api/shelters/" + shelter + "/check-ins", "r.hq", "{\"persons\": 2}", 201);
      assertThat(first.get("level").asText()).isEqualTo("ok");
      hq.waitForFunction("() => " + drawn + ".open && " + drawn + ".occupied === 2", null, LONG);
      Locator attention = hq.locator("[data-testid=attention-row][data-shelter='" + shelter + "']");
      assertThat(attention.count()).as("no warning before it is full").isZero();
      JsonNode second = t.postJson("/api/shelters/" + shelter + "/check-ins", "r.hq", "{\"persons\": 1}", 201);
      assertThat(second.get("level_before").asText() + " -> " + second.get("level").asText()).isEqualTo("ok -> full");
      hq.waitForFunction("() => " + drawn + ".occupied === 3 && " + drawn + ".level === 'full'", null, LONG);
      Map<String, Long> expectedShelters = new LinkedHashMap<>(beforeShelter);
      expectedShelters.merge("count-shelters-open", 1L, Long::sum);
      expectedShelters.merge("count-shelters-full", 1L, Long::sum);
      expectedShelters.merge("count-shelters-occupied", 3L, Long::sum);
      waitForCounts(hq, expectedShelters);
      assertThat(panelCounts(hq)).as("every count on the wall").isEqualTo(expectedShelters);
      assertThat(attention.count()).isEqualTo(1);
      assertThat(attention.getAttribute("data-level")).isEqualTo("full");

      assertThat(hq.evaluate("() => window.__sameDocument")).as("the wall never reloaded").isEqualTo(true);
      assertThat(hqWatched.errors()).as("errors on the wall").isEmpty();
      assertThat(hqWatched.foreignRequests()).isEmpty();
      assertThat(dispatchWatched.errors()).as("errors on the dispatcher's page").isEmpty();
      assertThat(dispatchWatched.foreignRequests()).isEmpty();
    }
  }

  /** A desk-sized browser signed in as {@code login}. */
  private static BrowserContext desk(String login) {
    BrowserContext context = chromium.browser().newContext(
        new Browser.NewContextOptions().setViewportSize(1600, 1000).setLocale("ja-JP"));
    var answer = context.request().post(t.server.url("/api/login"), RequestOptions.create().setHeader("Content-Type",
        "application/json").setData(Map.of("login", login, "password", RoutingTown.PASSWORD)));
    assertThat(answer.status()).isEqualTo(200);
    return context;
  }

  /** Waits until the wall has received the emergency's last event so far and its check counts are the database's. */
  private static void waitForChecks(Page hq, long emergency) throws Exception {
    long last = t.count("SELECT max(id) FROM safety_check_event WHERE emergency_id = ?", emergency);
    hq.waitForFunction("id => window.mimamori.stream.received.includes(id)", Math.toIntExact(last), LONG);
    Map<String, Long> db = new LinkedHashMap<>();
    for (String s : List.of("not_assigned", "assigned")) {
      db.put("count-check-" + s,
          t.count("SELECT count(*) FROM safety_check WHERE emergency_id = ? AND status = ?", emergency, s));
    }
    assertThat(db.get("count-check-assigned")).as("checks assigned by the publication").isPositive();
    waitForCounts(hq, db);
  }

  /** Waits until every count named in {@code expected} shows that value; if they never do, fails showing them. */
  private static void waitForCounts(Page hq, Map<String, Long> expected) {
    Map<String, Integer> ints = new LinkedHashMap<>();
    expected.forEach((k, v) -> ints.put(k, Math.toIntExact(v)));
    try {
      hq.waitForFunction("want => Object.entries(want).every(([id, n]) => {"
          + " const e = document.querySelector(`[data-testid=\"${id}\"]`); return e && Number(e.dataset.value) === n; })",
          ints, LONG);
    } catch (TimeoutError e) {
      Map<String, Long> shown = panelCounts(hq);
      shown.keySet().retainAll(expected.keySet());
      assertThat(shown).as("counts on the wall after %d s", LONG.timeout.longValue() / 1000).isEqualTo(expected);
      throw e;
    }
  }

  /** Every count on the wall, by test id, from its data-value. */
  private static Map<String, Long> panelCounts(Page page) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Locator l : page.locator("[data-testid^=count-]").all()) {
      out.put(l.getAttribute("data-testid"), Long.parseLong(l.getAttribute("data-value")));
    }
    return out;
  }

  /** The event ids the wall's stream received, in order. */
  private static List<Long> received(Page hq) {
    return ((List<?>) hq.evaluate("() => window.mimamori.stream.received")).stream()
        .map(x -> ((Number) x).longValue()).toList();
  }

  private static void waitOutbox(Page phone, int n) {
    phone.waitForSelector("[data-testid=outbox-count][data-value='" + n + "']",
        new Page.WaitForSelectorOptions().setTimeout(30_000));
  }
}
