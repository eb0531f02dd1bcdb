package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's page in headless Chromium on a small generated town: choose the emergency and
 * the supporters, plan, see the routes on the map and in the table, preview and keep a move,
 * publish; the checks end up assigned. A planner is told the page is not theirs.
 */
class DispatchPageIT {

  private static RoutingTown t;
  private static HeadlessChromium chromium;
  private static long emergency;

  @BeforeAll
  static void start() throws Exception {
    t = RoutingTown.start("dispatch page", null);
    t.awaitGraph();
    double cLon = t.town.centre().lon(), cLat = t.town.centre().lat();
    double d = Double.parseDouble(t.strings("""
        SELECT greatest(abs(ST_X(h.geom) - ?), abs(ST_Y(h.geom) - ?)) AS d FROM household h
        JOIN resident r ON r.household_id = h.id ORDER BY d OFFSET 24 LIMIT 1""", cLon, cLat).get(0));
    emergency = t.declare(List.of("flood"), cLon - d, cLat - d, cLon + d, cLat + d);
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
  void aDispatcherPlansMovesAVisitAndPublishes() {
    try (BrowserContext context = chromium.browser().newContext(
        new Browser.NewContextOptions().setViewportSize(1600, 1000).setLocale("ja-JP"))) {
      signIn(context, "r.dispatch");
      HeadlessChromium.WatchedPage watched = HeadlessChromium.watch(context, t.server.url("/"));
      Page page = watched.page();
      page.navigate(t.server.url("/dispatch.html"));
      assertThat(page.getByTestId("page-title").textContent()).isEqualTo("安否確認ルートの配車");
      page.locator("[data-testid=teams][data-state=ready]").waitFor();
      assertThat(page.getByTestId("emergency").inputValue()).isEqualTo(Long.toString(emergency));
      Locator rows = page.getByTestId("team-row");
      assertThat(rows.count()).isGreaterThanOrEqualTo(3);
      assertThat(page.locator("[data-testid=team-row].is-on").count()).isEqualTo(3);
      // the second supporter goes as a pair able to help wheelchair users
      rows.nth(1).locator("[data-pair]").check();
      rows.nth(1).locator("[data-skill=wheelchair_transfer]").check();
      page.getByTestId("seconds").selectOption("5");
      page.getByTestId("run").click();
      page.locator("[data-testid=plan][data-state=ready]").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
      assertThat(page.getByTestId("job-state").textContent()).isEqualTo("計算完了");
      assertThat(page.getByTestId("plan-summary").textContent()).startsWith("訪問");
      assertThat(page.getByTestId("route").count()).isEqualTo(3);
      Locator visits = page.getByTestId("visit-row");
      assertThat(visits.count()).isPositive();
      assertThat(page.locator("path.route-line").count()).as("a line per route used").isPositive();
      assertThat(page.locator(".visit-marker").count()).isEqualTo(visits.count());

      // choose a visit, preview taking it off every route, then keep it
      String check = visits.first().getAttribute("data-check");
      visits.first().locator("[data-pick]").click();
      assertThat(page.getByTestId("move-selected").textContent()).contains(check);
      page.getByTestId("move-to").selectOption("");
      page.getByTestId("move-preview").click();
      Locator effect = page.getByTestId("move-effect");
      effect.waitFor();
      assertThat(effect.getAttribute("data-valid")).isEqualTo("true");
      assertThat(page.locator("[data-testid=visit-row][data-check='" + check + "']").count()).as("a preview keeps the plan").isEqualTo(1);
      page.getByTestId("move-apply").click();
      page.locator("[data-testid=left-out][data-check='" + check + "']").waitFor(new Locator.WaitForOptions()
          .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
      assertThat(page.locator("[data-testid=visit-row][data-check='" + check + "']").count()).isZero();

      page.getByTestId("publish").click();
      page.locator("[data-testid=published]:not([hidden])").waitFor();
      assertThat(page.getByTestId("published").textContent()).isEqualTo("3人の支援者にルートを配信しました。");
      String kept = page.getByTestId("visit-row").first().getAttribute("data-check");
      assertThat(t.strings("SELECT assigned_supporter_id IS NOT NULL FROM safety_check WHERE id = ?", Long.parseLong(kept)))
          .containsExactly("t");
      assertThat(t.strings("SELECT assigned_supporter_id IS NULL FROM safety_check WHERE id = ?", Long.parseLong(check)))
          .containsExactly("t");

      page.getByTestId("lang-toggle").click();
      assertThat(page.getByTestId("page-title").textContent()).isEqualTo("Dispatching safety-check routes");
      assertThat(watched.errors()).isEmpty();
      assertThat(watched.foreignRequests()).isEmpty();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aPlannerIsToldThePageIsForDispatchers() {
    try (BrowserContext context = chromium.browser().newContext()) {
      signIn(context, "r.planner");
      Page page = context.newPage();
      page.navigate(t.server.url("/dispatch.html"));
      Locator notice = page.getByTestId("forbidden");
      notice.waitFor();
      assertThat(notice.textContent()).isEqualTo("この画面は配車担当（管理者・本部・配車担当）向けです。");
    }
  }

  private static void signIn(BrowserContext context, String login) {
    var answer = context.request().post(t.server.url("/api/login"), RequestOptions.create()
        .setHeader("Content-Type", "application/json").setData(Map.of("login", login, "password", RoutingTown.PASSWORD)));
    assertThat(answer.status()).isEqualTo(200);
  }
}
