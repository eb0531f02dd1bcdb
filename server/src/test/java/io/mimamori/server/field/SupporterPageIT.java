package io.mimamori.server.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import io.mimamori.server.HeadlessChromium;
import io.mimamori.server.TestServer;
import io.mimamori.server.field.FieldDrill.Drill;
import io.mimamori.server.field.FieldDrill.FieldWorker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supporter's phone page in headless Chromium at phone size, against the real server: the
 * published route as a list and on the map, statuses recorded without signal and sent exactly once
 * each, in tap order, when it returns (checked in the events table), a lost answer resent without
 * a second copy, a conflict shown, escalation that tells the supporter not to go on, a new route
 * revision shown, the page opening again without signal, large touch targets, and nothing asked of
 * any other host.
 */
class SupporterPageIT {

  private static final AtomicInteger LOGINS = new AtomicInteger();
  private static TestServer server;
  private static HeadlessChromium chromium;
  private static FieldDrill drill;

  private BrowserContext context;
  private Page page;
  private List<String> errors;
  private List<String> foreign;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("supporter page");
    drill = new FieldDrill(server.database().dataSource(), server.url(""));
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

  @AfterEach
  void closeContext() {
    if (context != null) {
      context.close();
    }
  }

  private void phone(ServiceWorkerPolicy workers) {
    context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
        .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2).setLocale("ja-JP").setServiceWorkers(workers));
    HeadlessChromium.WatchedPage watched = HeadlessChromium.watch(context, server.url("/"));
    page = watched.page();
    errors = watched.errors();
    foreign = watched.foreignRequests();
  }

  /** A supporter with a fresh route over the first {@code stops} residents of a new emergency, signed in on the phone. */
  private Drill signedIn(FieldWorker worker, int residents, int stops) throws Exception {
    Drill d = drill.declare(residents);
    drill.publish(d, worker, d.checkIds().subList(0, stops));
    page.navigate(server.url("/supporter.html"));
    page.waitForURL("**/login.html**");
    page.getByTestId("login-id").fill(worker.login());
    page.getByTestId("login-password").fill(FieldDrill.PASSWORD);
    page.getByTestId("login-submit").click();
    page.waitForURL("**/supporter.html**");
    page.waitForSelector("[data-testid=stops][data-value='" + stops + "']");
    errors.removeIf(e -> e.contains("status of 401")); // the page's first question (api/me), before signing in
    return d;
  }

  private FieldWorker worker() throws Exception {
    return drill.supporter("phone." + LOGINS.incrementAndGet());
  }

  @Test
  void threeStatusesRecordedWithoutSignalAreStoredOnceEachInTapOrder() throws Exception {
    phone(ServiceWorkerPolicy.ALLOW);
    FieldWorker w = worker();
    Drill d = signedIn(w, 4, 3);
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ja");
    assertThat(page.getByTestId("stop-name").allTextContents()).containsExactly(d.names().get(0), d.names().get(1), d.names().get(2));
    assertThat(page.getByTestId("map").getAttribute("data-stops")).isEqualTo("3");
    assertThat(page.locator(".stop-marker").count()).isEqualTo(3);
    assertThat(page.getByTestId("safety").textContent()).contains("無理をせず引き返し");
    Locator first = stop(d.checkIds().get(0));
    assertThat(first.locator("[data-need]").evaluateAll("els => els.map(e => e.dataset.need)"))
        .isEqualTo(List.of("wheelchair", "two_people"));
    assertThat(first.getByTestId("stop-navigate").getAttribute("href")).startsWith("geo:");
    assertThat(first.getByTestId("stop-call").getAttribute("href")).isEqualTo("tel:0559990000");
    assertThat(smallTouchTargets()).as("controls smaller than 48 px").isEmpty();
    page.evaluate("() => navigator.serviceWorker.ready");
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "supporter-page.png")).setFullPage(true));

    context.setOffline(true);
    page.waitForSelector("[data-testid=connection][data-state=offline]");
    first.getByTestId("report-on_the_way").click();
    waitOutbox(1);
    assertThat(page.getByTestId("notice").textContent()).contains("この端末に保存しました");
    first.getByTestId("report-note").fill("玄関で会えた、元気");
    first.getByTestId("report-safe_at_home").click();
    waitOutbox(2);
    Locator second = stop(d.checkIds().get(1));
    second.locator(".stop-head").click();
    assertThat(second.getByTestId("report-shelter").inputValue()).isEqualTo(Long.toString(d.shelterId()));
    second.getByTestId("report-evacuated").click();
    waitOutbox(3);
    assertThat(storedReports(w.userId())).isEmpty();

    // the phone may lose the page too: it opens again without signal, from the worker's cache and the phone's storage
    page.reload();
    page.waitForSelector("[data-testid=stops][data-value='3']");
    waitOutbox(3);
    assertThat(page.getByTestId("route-meta").textContent()).contains("受け取ったルート");

    context.setOffline(false);
    waitOutbox(0);
    List<String[]> stored = storedReports(w.userId());
    assertThat(stored).extracting(r -> r[0] + ":" + r[1]).containsExactly(
        d.checkIds().get(0) + ":on_the_way", d.checkIds().get(0) + ":safe_at_home", d.checkIds().get(1) + ":evacuated");
    assertThat(stored).extracting(r -> r[2]).doesNotHaveDuplicates().allMatch(k -> k.matches("p[0-9a-f]{32}"));
    assertThat(stored.get(1)[3]).isEqualTo("玄関で会えた、元気");
    assertThat(stored.get(2)[4]).isEqualTo(Long.toString(d.shelterId()));
    assertThat(stored).extracting(r -> r[5]).isSorted(); // client times in tap order
    page.waitForSelector("[data-testid=stop][data-check-id='" + d.checkIds().get(1) + "'] [data-status=evacuated]");
    assertThat(stop(d.checkIds().get(0)).getByTestId("stop-status").getAttribute("data-status")).isEqualTo("safe_at_home");
    assertThat(page.getByTestId("log-entry").evaluateAll("els => els.map(e => e.dataset.outcome)"))
        .isEqualTo(List.of("applied", "applied", "applied"));
    assertCleanRun();
  }

  @Test
  void aLostAnswerIsSentAgainWithTheSameKeyAndStoredOnce() throws Exception {
    phone(ServiceWorkerPolicy.BLOCK); // the test intercepts the page's requests itself
    FieldWorker w = worker();
    Drill d = signedIn(w, 2, 2);
    AtomicInteger posts = new AtomicInteger();
    page.route("**/api/checks/*/status", route -> {
      if (posts.incrementAndGet() == 1) {
        route.fetch(); // the server stores it ...
        route.abort("connectionreset"); // ... and the answer never reaches the phone
      } else {
        route.resume();
      }
    });
    stop(d.checkIds().get(0)).getByTestId("report-on_the_way").click();
    waitAnswered(1);
    waitOutbox(0);
    assertThat(posts.get()).as("posts seen, log %s", page.getByTestId("log").innerHTML()).isEqualTo(2);
    assertThat(storedReports(w.userId())).hasSize(1);
    assertThat(page.getByTestId("log-entry").getAttribute("data-outcome")).isEqualTo("duplicate");
    errors.removeIf(e -> e.contains("net::ERR_CONNECTION_RESET")); // the lost answer, on purpose
    assertCleanRun();
  }

  @Test
  void aReportOvertakenByANewerOneIsShownAsAConflict() throws Exception {
    phone(ServiceWorkerPolicy.ALLOW);
    FieldWorker w = worker();
    Drill d = signedIn(w, 2, 2);
    long check = d.checkIds().get(0);
    context.setOffline(true);
    page.waitForSelector("[data-testid=connection][data-state=offline]");
    stop(check).getByTestId("report-not_at_home").click();
    waitOutbox(1);
    // meanwhile HQ hears from the family that the person is safe at home
    FieldDrill.Session hq = drill.login(drill.hqLogin());
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/api/checks/" + check + "/status")))
        .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"safe_at_home\", \"idempotency_key\": \"conflict-hq-0001\"}"))
        .header("Content-Type", "application/json").header("Cookie", hq.cookie()).header("X-CSRF-Token", hq.csrf()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
    context.setOffline(false);
    waitOutbox(0);
    Locator card = stop(check);
    card.getByTestId("stop-conflict").waitFor();
    assertThat(card.getByTestId("stop-conflict").textContent()).contains("不在", "在宅で無事");
    page.waitForSelector("[data-testid=stop][data-check-id='" + check + "'] [data-status=safe_at_home]");
    assertThat(page.getByTestId("log-entry").getAttribute("data-outcome")).isEqualTo("conflict");
    assertThat(storedReports(w.userId())).extracting(x -> x[1]).containsExactly("not_at_home");
    assertThat(checkStatus(check)).isEqualTo("safe_at_home");
    assertCleanRun();
  }

  @Test
  void needsHelpEscalatesWithOneTapAndTellsTheSupporterNotToGoOn() throws Exception {
    phone(ServiceWorkerPolicy.ALLOW);
    FieldWorker w = worker();
    Drill d = signedIn(w, 3, 3);
    long check = d.checkIds().get(0);
    stop(check).getByTestId("report-could_not_reach").click();
    Locator panel = page.getByTestId("escalation");
    panel.waitFor();
    assertThat(panel.textContent()).contains("無理をして続けないでください", "119", "110");
    assertThat(panel.locator("a[href='tel:119']").count()).isEqualTo(1);
    assertThat(panel.locator("a[href='tel:110']").count()).isEqualTo(1);
    waitAnswered(1);
    assertThat(storedReports(w.userId())).extracting(x -> x[1]).containsExactly("could_not_reach");
    assertThat(escalated(check)).isTrue();
    page.getByTestId("escalation-close").click();
    assertThat(panel.isHidden()).isTrue();

    page.getByTestId("lang-toggle").click();
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    stop(d.checkIds().get(1)).locator(".stop-head").click();
    stop(d.checkIds().get(1)).getByTestId("report-needs_help").click();
    page.waitForSelector("[data-testid=escalation][data-status=needs_help]");
    assertThat(panel.textContent()).contains("Do not go on at your own risk");
    waitAnswered(2);

    // a photo from the camera goes out shrunk to a JPEG of at most 1280 px, once
    Path picture = Path.of("target", "doorstep.png");
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2000, 1500, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.ORANGE);
    g.fillRect(200, 200, 1200, 900);
    g.dispose();
    javax.imageio.ImageIO.write(image, "png", picture.toFile());
    stop(d.checkIds().get(1)).getByTestId("report-photo").setInputFiles(picture);
    waitAnswered(3);
    assertThat(page.getByTestId("log-entry").first().getAttribute("data-status")).isEqualTo("photo");
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT content_type, bytes FROM check_photo WHERE uploaded_by = " + w.userId())) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("image/jpeg");
      java.awt.image.BufferedImage sent = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(rs.getBytes(2)));
      assertThat(sent.getWidth()).isEqualTo(1280);
      assertThat(sent.getHeight()).isEqualTo(960);
      assertThat(rs.next()).isFalse();
    }
    assertCleanRun();
  }

  @Test
  void aNewRevisionOfTheRouteShowsWhatChanged() throws Exception {
    phone(ServiceWorkerPolicy.ALLOW);
    FieldWorker w = worker();
    Drill d = signedIn(w, 4, 3);
    assertThat(page.getByTestId("route-meta").getAttribute("data-revision")).isEqualTo("1");
    // the dispatcher re-plans: the third stop goes to someone else, the fourth comes in, the first two swap
    drill.publish(d, w, List.of(d.checkIds().get(1), d.checkIds().get(0), d.checkIds().get(3)));
    Locator change = page.getByTestId("route-change");
    change.waitFor(new Locator.WaitForOptions().setTimeout(20_000));
    assertThat(change.getAttribute("data-revision")).isEqualTo("2");
    assertThat(change.getByTestId("change-added").textContent()).contains(d.names().get(3));
    assertThat(change.getByTestId("change-removed").textContent()).contains(d.names().get(2), "訪問しないでください");
    assertThat(change.getByTestId("change-reordered").count()).isEqualTo(1);
    assertThat(page.getByTestId("stop-name").allTextContents()).containsExactly(d.names().get(1), d.names().get(0), d.names().get(3));
    assertThat(stop(d.checkIds().get(3)).getByTestId("stop-new").count()).isEqualTo(1);
    assertThat(page.getByTestId("route-meta").getAttribute("data-revision")).isEqualTo("2");
    change.locator("button").click();
    assertThat(page.getByTestId("route-change").count()).isZero();
    assertCleanRun();
  }

  private Locator stop(long checkId) {
    return page.locator("[data-testid=stop][data-check-id='" + checkId + "']");
  }

  private void waitOutbox(int n) {
    page.waitForSelector("[data-testid=outbox-count][data-value='" + n + "']", new Page.WaitForSelectorOptions().setTimeout(20_000));
  }

  /** Waits until the log holds {@code n} reports, all answered by the server. */
  private void waitAnswered(int n) {
    page.waitForFunction("n => { const e = [...document.querySelectorAll('[data-testid=log-entry]')];"
        + " return e.length === n && e.every(x => x.dataset.outcome !== 'queued'); }", n,
        new Page.WaitForFunctionOptions().setTimeout(20_000));
  }

  @SuppressWarnings("unchecked")
  private List<String> smallTouchTargets() {
    return (List<String>) page.evaluate("""
        () => [...document.querySelectorAll('button, a.link-button, a.call-button, select, textarea, input')]
          .filter(e => e.offsetParent !== null)
          .map(e => [e, e.getBoundingClientRect()])
          .filter(([e, r]) => r.height < 48 || r.width < 48)
          .map(([e, r]) => `${e.tagName} ${e.dataset.testid || e.className} ${Math.round(r.width)}x${Math.round(r.height)}`)
        """);
  }

  /** The reports this supporter's account stored (check, status, key, note, shelter, client time), in id order. */
  private static List<String[]> storedReports(long userId) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (Connection c = server.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT safety_check_id, status, idempotency_key, note, shelter_id, to_char(client_time, 'YYYY-MM-DD"T"HH24:MI:SS.MS')
        FROM safety_check_event WHERE reported_by = ? ORDER BY id""")) {
      ps.setLong(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
        }
      }
    }
    return out;
  }

  private static String checkStatus(long check) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT status FROM safety_check WHERE id = " + check)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static boolean escalated(long check) throws Exception {
    try (Connection c = server.database().dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT escalated FROM safety_check WHERE id = " + check)) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private void assertCleanRun() {
    // without signal Chromium logs each request that could not go out; those are the point of the test
    errors.removeIf(e -> e.contains("net::ERR_INTERNET_DISCONNECTED"));
    assertThat(errors).as("errors in the page").isEmpty();
    assertThat(foreign).as("requests to hosts other than the server").isEmpty();
  }
}
