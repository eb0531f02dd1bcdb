package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.RequestOptions;
import io.mimamori.layers.plancheck.PlanCheck;
import io.mimamori.layers.priority.PriorityFactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planner's page and the sign-in page in headless Chromium against the real server, on a
 * small generated town scored under both profiles with its plans checked: signing in (wrong
 * password, locked account, rate limit, return to the page asked for), the ranked list against
 * the API and the database, filters, the map of the same selection, a resident's reasons and
 * failed checks, English, the CSV link and download, sign-out, and a role that may not read the
 * register; editing a plan, consent and the register entry, a conflict with an edit made meanwhile
 * through the API, and the change history. Every test also checks that the page raised no errors
 * and asked no other host. One class on purpose (over 500 lines): the tests share one scored town
 * and one browser, which take most of the run's time to set up.
 */
class PlannerPageIT {

  private static final String PASSWORD = PlannerTown.PASSWORD;
  private static final String PLANNER = PlannerTown.PLANNER;
  private static final LocalDate CHECK_DATE = LocalDate.of(2026, 11, 22);

  private static TestServer server;
  private static PlannerTown town;
  private static HeadlessChromium chromium;
  /** The planner's signed-in browser state (its session cookie), shared by the tests that start signed in. */
  private static String plannerState;
  private static String plannerCookie;

  private BrowserContext context;
  private Page page;
  private List<String> pageErrors = new ArrayList<>();
  private List<String> foreignRequests = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("planner page");
    town = PlannerTown.load(server, CHECK_DATE);
    chromium = HeadlessChromium.launch();
    try (BrowserContext signIn = chromium.browser().newContext()) {
      signInThroughApi(signIn, PLANNER);
      plannerState = signIn.storageState();
      plannerCookie = signIn.cookies().stream().filter(c -> c.name.equals("mimamori_session"))
          .map(c -> c.name + "=" + c.value).findFirst().orElseThrow();
    }
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

  @Test
  void unsignedVisitorsSignInAndReturnToThePageTheyAskedFor() {
    newPage(null);
    page.navigate(server.url("/planner.html?band=A&hazard=flood"));
    page.waitForURL(Pattern.compile(".*/login\\.html\\?next=.*"));
    assertThat(page.url()).contains("next=%2Fplanner.html%3Fband%3DA%26hazard%3Dflood");
    assertThat(page.getByTestId("login-notice").textContent()).isEqualTo("続けるにはログインしてください。");
    assertThat(page.locator("label[for='login-id']").textContent()).isEqualTo("ログインID");

    page.getByTestId("login-id").fill(PLANNER);
    page.getByTestId("login-password").fill("not the password");
    page.getByTestId("login-submit").click();
    Locator error = page.getByTestId("login-error");
    error.waitFor();
    assertThat(error.textContent()).isEqualTo("ログインIDかパスワードが違います。");
    assertThat(error.getAttribute("data-error")).isEqualTo("wrong_credentials");
    assertThat(page.getByTestId("login-password").inputValue()).as("the password field is cleared").isEmpty();
    screenshot("login-page-error.png");

    page.getByTestId("login-password").fill(PASSWORD);
    page.getByTestId("login-submit").click();
    page.waitForURL(Pattern.compile(".*/planner\\.html\\?band=A&hazard=flood$"));
    waitForSelection();
    assertThat(page.getByTestId("filter-band").inputValue()).isEqualTo("A");
    assertThat(page.getByTestId("filter-hazard").inputValue()).isEqualTo("flood");
    assertThat(page.getByTestId("signed-in-as").textContent()).isEqualTo("加藤 さん");
    assertThat(page.locator("[data-testid=resident-row] .band").allTextContents()).isNotEmpty().containsOnly("A");
    // the page's own first request (api/me, unsigned) and the wrong password are 401s by design
    pageErrors.removeIf(e -> e.contains("status of 401"));
    assertCleanRun();
  }

  @Test
  void aLockedAccountAndTooManyAttemptsAreSaidPlainlyInEitherLanguage() {
    newPage(null);
    page.navigate(server.url("/login.html"));
    for (int i = 0; i < 5; i++) {
      page.getByTestId("login-id").fill("planner.locked");
      page.getByTestId("login-password").fill("wrong " + i);
      page.getByTestId("login-submit").click();
      page.waitForFunction("n => document.querySelector('[data-testid=login-error]').dataset.error === 'wrong_credentials'"
          + " && !document.querySelector('[data-testid=login-submit]').disabled", i);
    }
    page.getByTestId("login-id").fill("planner.locked");
    page.getByTestId("login-password").fill(PASSWORD);
    page.getByTestId("login-submit").click();
    page.waitForSelector("[data-testid=login-error][data-error='account_locked']");
    assertThat(page.getByTestId("login-error").textContent()).startsWith("失敗が続いたため、このアカウントは一時的にロックされています。");

    page.getByTestId("lang-toggle").click();
    assertThat(page.url()).endsWith("lang=en");
    assertThat(page.getByTestId("login-error").textContent()).startsWith("This account is locked");
    assertThat(page.locator("label[for='login-password']").textContent()).isEqualTo("Password");
    assertThat(page.getByTestId("login-submit").textContent()).isEqualTo("Sign in");

    page.route("**/api/login", route -> route.fulfill(new Route.FulfillOptions().setStatus(429)
        .setContentType("application/json")
        .setBody("{\"status\":429,\"error\":\"too_many_requests\",\"message\":\"Too many login attempts\"}")));
    page.getByTestId("login-password").fill(PASSWORD);
    page.getByTestId("login-submit").click();
    page.waitForSelector("[data-testid=login-error][data-error='too_many']");
    assertThat(page.getByTestId("login-error").textContent()).isEqualTo("Too many sign-in attempts. Wait a minute and try again.");
    screenshot("login-page-en.png");
    pageErrors.removeIf(e -> e.contains("status of 401") || e.contains("status of 429"));
    assertCleanRun();
  }

  @Test
  void theListIsRankedLikeTheApiAndTheMapShowsTheWholeSelection() throws Exception {
    newPage(plannerState);
    page.navigate(server.url("/"));
    Locator toPlanner = page.getByTestId("link-planner");
    assertThat(toPlanner.getAttribute("href")).isEqualTo("planner.html");
    toPlanner.click();
    page.waitForURL(Pattern.compile(".*/planner\\.html$"));
    waitForSelection();

    List<Long> ids = rowIds();
    List<Integer> scores = rowScores();
    assertThat(ids).hasSize(50);
    assertThat(scores).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    JsonNode api = api("/api/residents?profile=national&limit=50");
    assertThat(ids).isEqualTo(idsOf(api));
    assertThat(page.locator("[data-testid=resident-row] td.rank").allTextContents().subList(0, 3)).containsExactly("1", "2", "3");
    Locator firstBand = page.locator("[data-testid=resident-row]").first().locator(".band");
    assertThat(firstBand.textContent()).isEqualTo(api.at("/items/0/band").asText());
    assertThat(firstBand.getAttribute("style")).contains("background:");

    long all = count("SELECT count(*) FROM resident_priority WHERE profile = 'national'");
    assertThat(pointsDrawn()).isEqualTo(all);
    assertThat(page.locator("path.resident-point").count()).isEqualTo((int) all);
    assertThat(page.getByTestId("list-summary").textContent()).isEqualTo("50 人を表示（該当 " + String.format(Locale.ROOT, "%,d", all) + " 人）");
    for (String band : List.of("A", "B", "C", "D")) {
      long stored = count("SELECT count(*) FROM resident_priority WHERE profile = 'national' AND band = '" + band + "'");
      assertThat(Long.parseLong(page.getByTestId("map-count-" + band).getAttribute("data-value"))).as(band).isEqualTo(stored);
    }
    screenshot("planner-page.png");

    page.getByTestId("list-more").click();
    page.waitForFunction("() => document.querySelectorAll('[data-testid=resident-row]').length === 100"
        + " && document.getElementById('list').dataset.state === 'ready'");
    JsonNode second = api("/api/residents?profile=national&limit=50&after_score=" + api.at("/next/after_score").asInt()
        + "&after_id=" + api.at("/next/after_id").asLong());
    assertThat(rowIds().subList(50, 100)).isEqualTo(idsOf(second));
    assertThat(rowScores()).isSortedAccordingTo((a, b) -> Integer.compare(b, a));

    assertThat(page.getByTestId("link-map").getAttribute("href")).isEqualTo("./");
    assertCleanRun();
  }

  @Test
  void filtersNarrowTheListTheMapAndTheCsvToTheSameSelection() throws Exception {
    newPage(plannerState);
    page.navigate(server.url("/planner.html"));
    waitForSelection();
    List<Long> unfiltered = rowIds();

    // every factor and every plan check the server knows is offered, and every district
    assertThat(optionValues("filter-factor")).containsExactlyElementsOf(
        Arrays.stream(PriorityFactor.values()).map(PriorityFactor::key).toList());
    assertThat(optionValues("filter-check")).containsExactlyElementsOf(
        Arrays.stream(PlanCheck.values()).map(PlanCheck::key).toList());
    assertThat(new TreeSet<>(optionValues("filter-district"))).isEqualTo(
        new TreeSet<>(strings("SELECT id::text FROM district")));

    page.getByTestId("filter-hazard").selectOption("flood");
    waitForSelection();
    page.getByTestId("filter-band").selectOption("A");
    waitForSelection();
    assertThat(page.url()).endsWith("/planner.html?hazard=flood&band=A");
    List<Long> ids = rowIds();
    String selection = " FROM resident_priority WHERE profile = 'national' AND band = 'A' AND 'flood' = ANY (hazard_types)";
    long stored = count("SELECT count(*)" + selection);
    assertThat(stored).as("the town has band A residents in flood zones").isPositive();
    assertThat(stored).as("the filter narrows the selection").isLessThan(
        count("SELECT count(*) FROM resident_priority WHERE profile = 'national'"));
    assertThat(ids).hasSize((int) Math.min(stored, 50));
    assertThat(ids).isEqualTo(idsOf(api("/api/residents?profile=national&hazard=flood&band=A&limit=50")));
    assertThat(ids).isEqualTo(longs("SELECT resident_id" + selection + " ORDER BY score DESC, resident_id LIMIT 50"));
    for (Object row : (List<?>) page.getByTestId("resident-row").evaluateAll(
        "rows => rows.map(r => r.dataset.band + '|' + r.dataset.hazards)")) {
      assertThat(row.toString()).startsWith("A|").contains("flood");
    }
    assertThat(page.getByTestId("list-more").isVisible()).isEqualTo(stored > 50);
    assertThat(page.getByTestId("list-summary").textContent()).isEqualTo(
        ids.size() + " 人を表示（該当 " + String.format(Locale.ROOT, "%,d", stored) + " 人）");
    assertThat(pointsDrawn()).isEqualTo(stored);
    assertThat(page.locator("path.resident-point").count()).isEqualTo((int) stored);
    assertThat(page.locator("path.resident-point--A").count()).isEqualTo((int) stored);

    String csv = page.getByTestId("csv-link").getAttribute("href");
    assertThat(csv).isEqualTo("api/residents.csv?profile=national&hazard=flood&band=A");
    Download download = page.waitForDownload(() -> page.getByTestId("csv-link").click());
    String body = Files.readString(download.path(), StandardCharsets.UTF_8);
    String[] lines = body.split("\r\n");
    assertThat(lines[0]).startsWith("\uFEFFid,氏名");
    assertThat(lines.length - 1).isEqualTo(stored);
    assertThat(Arrays.stream(lines).skip(1).limit(ids.size()).map(l -> Long.parseLong(l.substring(0, l.indexOf(','))))
        .toList()).isEqualTo(ids);
    screenshot("planner-filtered.png");

    // a plan check and a plan status narrow the same way
    page.getByTestId("filter-reset").click();
    waitForSelection();
    assertThat(rowIds()).isEqualTo(unfiltered);
    String status = strings("SELECT rp.plan_status FROM resident_priority rp JOIN plan_check_failure f"
        + " ON f.resident_id = rp.resident_id AND f.check_key = 'no_supporter' WHERE rp.profile = 'national'"
        + " GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").get(0);
    page.getByTestId("filter-check").selectOption("no_supporter");
    waitForSelection();
    page.getByTestId("filter-plan_status").selectOption(status);
    waitForSelection();
    long noSupporter = count("SELECT count(*) FROM resident_priority rp WHERE profile = 'national' AND plan_status = '"
        + status + "' AND EXISTS (SELECT 1 FROM plan_check_failure f WHERE f.resident_id = rp.resident_id"
        + " AND f.check_key = 'no_supporter')");
    assertThat(noSupporter).isPositive();
    assertThat(pointsDrawn()).isEqualTo(noSupporter);
    assertThat(rowIds()).isNotEqualTo(unfiltered.subList(0, Math.min(unfiltered.size(), rowIds().size())));
    for (Object row : (List<?>) page.getByTestId("resident-row").evaluateAll(
        "rows => rows.map(r => r.dataset.planStatus + '|' + r.dataset.checks)")) {
      assertThat(row.toString()).startsWith(status + "|").contains("no_supporter");
    }
    assertThat(page.locator("[data-testid=resident-row] .chip--check[data-check=no_supporter]").first().textContent())
        .isEqualTo("支援者なし");

    // a district: every row is in it
    page.getByTestId("filter-reset").click();
    waitForSelection();
    String[] district = strings("SELECT d.id || '|' || d.name FROM district d JOIN resident_priority rp ON rp.district_id = d.id"
        + " WHERE rp.profile = 'national' GROUP BY d.id, d.name ORDER BY count(*) DESC, d.id LIMIT 1").get(0).split("\\|", 2);
    page.getByTestId("filter-district").selectOption(district[0]);
    waitForSelection();
    assertThat(page.locator("[data-testid=resident-row] td:nth-child(4)").allTextContents()).isNotEmpty().containsOnly(district[1]);
    assertThat(pointsDrawn()).isEqualTo(count("SELECT count(*) FROM resident_priority WHERE profile = 'national'"
        + " AND district_id = " + Integer.parseInt(district[0])));

    // the Kobe profile ranks by its own scores
    page.getByTestId("filter-profile").selectOption("kobe");
    waitForSelection();
    assertThat(rowIds()).isEqualTo(idsOf(api("/api/residents?profile=kobe&district=" + district[0] + "&limit=50")));
    assertThat(page.getByTestId("csv-link").getAttribute("href")).isEqualTo("api/residents.csv?profile=kobe&district=" + district[0]);
    assertCleanRun();
  }

  @Test
  void aResidentShowsTheReasonsThatMakeTheScoreAndThePlansFailedChecksInEitherLanguage() throws Exception {
    newPage(plannerState);
    page.navigate(server.url("/planner.html"));
    waitForSelection();
    assertThat(page.getByTestId("resident-placeholder").isVisible()).isTrue();

    Locator row = page.locator("[data-testid=resident-row]:not([data-checks=''])").first();
    long id = Long.parseLong(row.getAttribute("data-id"));
    int score = Integer.parseInt(row.getAttribute("data-score"));
    row.locator("button.name-button").click();
    page.waitForSelector("[data-testid=resident-name][data-id='" + id + "']");
    assertThat(page.url()).endsWith("/planner.html?resident=" + id);
    assertThat(row.getAttribute("class")).contains("is-selected");
    assertThat(page.getByTestId("resident-name").textContent()).isEqualTo(row.locator("button.name-button").textContent());

    int stored = (int) count("SELECT score FROM resident_priority WHERE profile = 'national' AND resident_id = " + id);
    assertThat(Integer.parseInt(page.getByTestId("resident-score").getAttribute("data-value"))).isEqualTo(stored).isEqualTo(score);
    List<Integer> points = page.getByTestId("resident-reason").all().stream()
        .map(r -> Integer.parseInt(r.getAttribute("data-points"))).toList();
    assertThat(points).isNotEmpty();
    assertThat(points.stream().mapToInt(Integer::intValue).sum()).isEqualTo(stored);
    assertThat(Integer.parseInt(page.getByTestId("resident-points-total").getAttribute("data-value"))).isEqualTo(stored);
    List<String> factors = page.getByTestId("resident-reason").all().stream().map(r -> r.getAttribute("data-factor")).toList();
    assertThat(factors).isEqualTo(strings("SELECT e ->> 'factor' FROM resident_priority, jsonb_array_elements(factors)"
        + " WITH ORDINALITY AS x(e, o) WHERE profile = 'national' AND resident_id = " + id + " ORDER BY o"));
    String firstFactor = factors.get(0);
    assertThat(page.getByTestId("resident-reason").first().textContent())
        .contains(PriorityFactor.fromKey(firstFactor).orElseThrow().japanese());

    List<String> checks = page.getByTestId("resident-check").all().stream().map(c -> c.getAttribute("data-check")).toList();
    assertThat(new TreeSet<>(checks)).isEqualTo(new TreeSet<>(strings(
        "SELECT check_key FROM plan_check_failure WHERE resident_id = " + id)));
    String checkKey = checks.get(0);
    String detail = strings("SELECT coalesce(detail, '') FROM plan_check_failure WHERE resident_id = " + id
        + " AND check_key = '" + checkKey + "' ORDER BY detail LIMIT 1").get(0);
    PlanCheck check = PlanCheck.fromKey(checkKey).orElseThrow();
    assertThat(page.getByTestId("resident-checks").textContent()).contains(check.reasonJa(detail.isEmpty() ? null : detail));
    assertThat(page.getByTestId("resident-panel").textContent()).contains("名簿の記載", "個別避難計画", "情報提供の同意");
    screenshot("planner-resident.png");

    page.getByTestId("lang-toggle").click();
    assertThat(page.url()).endsWith("/planner.html?lang=en&resident=" + id);
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    assertThat(page.getByTestId("resident-checks").textContent()).contains(check.reasonEn(detail.isEmpty() ? null : detail));
    assertThat(page.getByTestId("resident-reason").first().textContent())
        .contains(PriorityFactor.fromKey(firstFactor).orElseThrow().english());
    assertThat(page.locator("table.ranked thead th").allTextContents()).containsExactly(
        "Rank", "Name", "Age", "District", "Band", "Score", "Main reasons", "Plan", "Plan problems");
    assertThat(page.locator("label.filter .filter-label").allTextContents()).contains("Priority band", "Hazard at home", "Plan problem");
    assertThat(page.getByTestId("filter-hazard").locator("option").allTextContents()).containsExactly("All", "Flood", "Tsunami", "Landslide");
    assertThat(page.getByTestId("csv-link").textContent()).isEqualTo("Export CSV");
    assertThat(page.getByTestId("sign-out").textContent()).isEqualTo("Sign out");
    assertThat(page.getByTestId("link-map").getAttribute("href")).isEqualTo("./?lang=en");
    screenshot("planner-resident-en.png");

    // a point on the map opens its resident
    page.getByTestId("resident-close").click();
    assertThat(page.getByTestId("resident-placeholder").textContent()).startsWith("Choose a person");
    String target = (String) page.evaluate("() => { for (const p of document.querySelectorAll('path.resident-point')) {"
        + " const b = p.getBoundingClientRect(); const x = b.left + b.width / 2, y = b.top + b.height / 2;"
        + " if (b.width > 0 && document.elementFromPoint(x, y) === p) { return p.dataset.id + '|' + x + '|' + y; } } return null; }");
    assertThat(target).as("a point not covered by another").isNotNull();
    String[] parts = target.split("\\|");
    page.mouse().click(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    page.waitForSelector("[data-testid=resident-name][data-id='" + parts[0] + "']");
    assertThat(page.locator("path.resident-point[data-id='" + parts[0] + "']").getAttribute("stroke")).isEqualTo("#000000");
    assertCleanRun();
  }

  @Test
  void aPlannerEditsThePlanSeesTheChecksChangeAndIsToldWhenSomeoneElseSavedFirst() throws Exception {
    long id = longs("SELECT r.id FROM resident r JOIN evacuation_plan ep ON ep.resident_id = r.id"
        + " JOIN current_consent cc ON cc.resident_id = r.id AND cc.state IN ('given', 'presumed')"
        + " WHERE r.register_status = 'active' AND ep.status IN ('draft', 'partial')"
        + " AND EXISTS (SELECT 1 FROM plan_check_failure f WHERE f.resident_id = r.id AND f.check_key = 'not_reviewed')"
        + " AND EXISTS (SELECT 1 FROM plan_supporter ps WHERE ps.plan_id = ep.id) ORDER BY r.id LIMIT 1").get(0);
    int version = (int) count("SELECT version FROM evacuation_plan WHERE resident_id = " + id);
    long supporters = count("SELECT count(*) FROM plan_supporter ps JOIN evacuation_plan ep ON ep.id = ps.plan_id"
        + " WHERE ep.resident_id = " + id);
    newPage(plannerState);
    page.navigate(server.url("/planner.html?resident=" + id));
    page.waitForSelector("[data-testid=resident-name][data-id='" + id + "']");
    assertThat(page.locator("[data-testid=resident-check][data-check=not_reviewed]").count()).isEqualTo(1);

    // edit the plan: status, the day it was reviewed, one more supporter from those nearest the home
    page.getByTestId("edit-plan").click();
    page.getByTestId("form-plan").waitFor();
    page.getByTestId("edit-plan-status").selectOption("complete");
    String today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
    page.getByTestId("edit-plan-last_reviewed_on").fill(today);
    page.getByTestId("supporter-choice").first().waitFor();
    long added = Long.parseLong(page.getByTestId("supporter-choice").first().getAttribute("data-id"));
    page.getByTestId("supporter-choice").first().locator("button").click();
    assertThat(page.getByTestId("plan-supporter").count()).isEqualTo((int) supporters + 1);
    assertThat(page.getByTestId("edit-plan-status").inputValue()).as("typed values survive a re-render").isEqualTo("complete");
    page.locator("[data-testid=edit-plan-destination_shelter_id] option:nth-child(2)").waitFor(
        new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    screenshot("planner-edit-plan.png");
    page.getByTestId("save-plan").click();
    page.getByTestId("edit-notice").waitFor();
    assertThat(page.getByTestId("edit-notice").textContent()).startsWith("保存しました");
    page.waitForFunction("() => !document.querySelector('[data-testid=resident-check][data-check=not_reviewed]')"
        + " && document.querySelector('[data-testid=resident-plan-status]')");
    assertThat(page.getByTestId("resident-plan-status").textContent()).contains("作成済み");
    assertThat(strings("SELECT status || '|' || last_reviewed_on || '|' || version FROM evacuation_plan WHERE resident_id = " + id))
        .containsExactly("complete|" + today + "|" + (version + 1));
    assertThat(count("SELECT count(*) FROM plan_supporter ps JOIN evacuation_plan ep ON ep.id = ps.plan_id"
        + " WHERE ep.resident_id = " + id + " AND ps.supporter_id = " + added + " AND ps.ordinal = " + (supporters + 1)))
        .isEqualTo(1);
    assertThat(strings("SELECT check_key FROM plan_check_failure WHERE resident_id = " + id)).doesNotContain("not_reviewed");

    // someone else saves the plan through the API while this page has it open: the page's save is a conflict
    page.getByTestId("edit-plan").click();
    page.getByTestId("edit-plan-route_notes").fill("ページからの経路");
    String csrf = town.api("/api/me", plannerCookie).get("csrf_token").asText();
    var other = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.url("/api/residents/" + id + "/plan")))
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"version\": " + (version + 1) + ", \"route_notes\": \"APIからの経路\"}"))
        .header("Content-Type", "application/json").header("Cookie", plannerCookie).header("X-CSRF-Token", csrf).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    page.getByTestId("save-plan").click();
    page.getByTestId("conflict").waitFor();
    assertThat(page.getByTestId("conflict").getAttribute("data-version")).isEqualTo(String.valueOf(version + 2));
    assertThat(page.getByTestId("conflict").textContent()).contains("他の人が先に変更しました", "あなたの変更は保存していません");
    Locator routeRow = page.locator("[data-testid=conflict-field][data-field=route_notes]");
    assertThat(routeRow.locator("[data-testid=conflict-yours]").textContent()).isEqualTo("ページからの経路");
    assertThat(routeRow.locator("[data-testid=conflict-current]").textContent()).isEqualTo("APIからの経路");
    assertThat(page.getByTestId("save-plan").isDisabled()).isTrue();
    assertThat(strings("SELECT route_notes FROM evacuation_plan WHERE resident_id = " + id)).containsExactly("APIからの経路");
    screenshot("planner-edit-conflict.png");
    page.getByTestId("lang-toggle").click();
    assertThat(page.getByTestId("conflict").textContent()).contains("Someone else saved first", "Your changes were not saved");
    assertThat(routeRow.locator("th").textContent()).isEqualTo("Route");

    page.getByTestId("conflict-reload").click();
    page.waitForFunction("() => { const t = document.querySelector('[data-testid=edit-plan-route_notes]');"
        + " return t && t.value === 'APIからの経路' && !document.querySelector('[data-testid=conflict]'); }");
    page.getByTestId("cancel-plan").click();

    // the change history: newest first, old and new values in words
    page.getByTestId("history-toggle").click();
    page.getByTestId("history-entry").first().waitFor();
    Locator newest = page.getByTestId("history-entry").first();
    assertThat(newest.getAttribute("data-entity")).isEqualTo("evacuation_plan");
    assertThat(newest.getAttribute("data-version")).isEqualTo(String.valueOf(version + 2));
    assertThat(newest.locator("[data-testid=history-change][data-field=route_notes]").textContent()).contains("Route", "APIからの経路");
    Locator earlier = page.getByTestId("history-entry").nth(1);
    assertThat(earlier.locator("[data-testid=history-change][data-field=status]").textContent())
        .contains("Plan status", "Complete");
    pageErrors.removeIf(e -> e.contains("status of 409"));
    assertCleanRun();
  }

  @Test
  void consentAndTheRegisterEntryAreEditedOnThePage() throws Exception {
    long id = longs("SELECT r.id FROM resident r JOIN evacuation_plan ep ON ep.resident_id = r.id"
        + " WHERE r.register_status = 'active' AND ep.status = 'none' AND r.care_level <> 'care_5' ORDER BY r.id DESC LIMIT 1").get(0);
    newPage(plannerState);
    page.navigate(server.url("/planner.html?resident=" + id));
    page.waitForSelector("[data-testid=resident-name][data-id='" + id + "']");
    int score = Integer.parseInt(page.getByTestId("resident-score").getAttribute("data-value"));

    page.getByTestId("edit-consent").click();
    page.getByTestId("edit-consent-state").selectOption("refused");
    page.getByTestId("edit-consent-basis").selectOption("written_form");
    page.getByTestId("save-consent").click();
    page.getByTestId("edit-notice").waitFor();
    assertThat(page.getByTestId("resident-consent-state").textContent()).contains("不同意");
    assertThat(strings("SELECT state FROM current_consent WHERE resident_id = " + id)).containsExactly("refused");

    page.getByTestId("edit-register").click();
    page.getByTestId("edit-register-care_level").selectOption("care_5");
    page.getByTestId("edit-register-birth_date").fill("2999-01-01");
    page.getByTestId("save-register").click();
    page.getByTestId("edit-error").waitFor();
    assertThat(page.getByTestId("edit-error").getAttribute("data-field")).isEqualTo("birth_date");
    assertThat(page.getByTestId("edit-error").textContent()).startsWith("「生年月日」を直してください");
    assertThat(page.getByTestId("edit-register-care_level").inputValue()).as("the entry is kept").isEqualTo("care_5");
    page.getByTestId("edit-register-birth_date").fill("1940-05-01");
    page.getByTestId("save-register").click();
    page.getByTestId("edit-notice").waitFor();
    page.waitForFunction("s => Number(document.querySelector('[data-testid=resident-score]').dataset.value) > s", score);
    assertThat(page.getByTestId("resident-reason").all().stream().map(r -> r.getAttribute("data-factor")).toList())
        .contains("care_5");
    assertThat(strings("SELECT care_level || '|' || birth_date FROM resident WHERE id = " + id))
        .containsExactly("care_5|1940-05-01");
    pageErrors.removeIf(e -> e.contains("status of 400"));
    assertCleanRun();
  }

  @Test
  void reloadingWithAResidentInTheAddressOpensItAndNoPersonalDataGoesIntoAddresses() throws Exception {
    newPage(plannerState);
    List<String> requested = new ArrayList<>();
    page.onRequest(r -> requested.add(r.url()));
    long id = longs("SELECT resident_id FROM resident_priority WHERE profile = 'national' ORDER BY score DESC, resident_id"
        + " OFFSET 7 LIMIT 1").get(0);
    page.navigate(server.url("/planner.html?lang=en&resident=" + id));
    waitForSelection();
    page.waitForSelector("[data-testid=resident-name][data-id='" + id + "']");
    assertThat(page.getByTestId("resident-panel").textContent()).contains("Why this score", "Register entry");
    String familyName = strings("SELECT family_name FROM resident WHERE id = " + id).get(0);
    String address = strings("SELECT h.address FROM resident r JOIN household h ON h.id = r.household_id WHERE r.id = " + id).get(0);
    assertThat(page.getByTestId("resident-register").textContent()).contains(address);
    for (String url : requested) {
      assertThat(url).doesNotContain(familyName).doesNotContain(java.net.URLEncoder.encode(familyName, StandardCharsets.UTF_8));
    }
    Object stored = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]");
    assertThat(stored.toString()).isEqualTo("[0, 0, ]");
    assertCleanRun();
  }

  @Test
  void signingOutEndsTheSession() {
    newPage(null);
    signInThroughApi(context, "planner.out");
    page.navigate(server.url("/planner.html"));
    waitForSelection();
    page.getByTestId("sign-out").click();
    page.waitForURL(Pattern.compile(".*/login\\.html\\?reason=signed_out$"));
    assertThat(page.getByTestId("login-notice").textContent()).isEqualTo("ログアウトしました。");
    page.navigate(server.url("/planner.html"));
    page.waitForURL(Pattern.compile(".*/login\\.html\\?next=%2Fplanner\\.html$"));
    pageErrors.removeIf(e -> e.contains("status of 401"));
    assertCleanRun();
  }

  @Test
  void aRoleThatMayNotReadTheRegisterIsToldSo() {
    newPage(null);
    signInThroughApi(context, "dispatch.mori");
    page.navigate(server.url("/planner.html"));
    Locator notice = page.getByTestId("forbidden");
    notice.waitFor();
    assertThat(notice.textContent()).isEqualTo("この画面は個別避難計画の担当者（管理者・本部・計画担当）向けです。");
    assertThat(page.getByTestId("resident-row").count()).isZero();
    assertThat(page.getByTestId("sign-out").isVisible()).isTrue();
    assertCleanRun();
  }

  // --- helpers ---

  private void newPage(String storageState) {
    Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(1600, 1000).setLocale("ja-JP")
        .setAcceptDownloads(true);
    if (storageState != null) {
      options.setStorageState(storageState);
    }
    context = chromium.browser().newContext(options);
    HeadlessChromium.WatchedPage watched = HeadlessChromium.watch(context, server.url("/"));
    page = watched.page();
    pageErrors = watched.errors();
    foreignRequests = watched.foreignRequests();
  }

  private static void signInThroughApi(BrowserContext target, String login) {
    var answer = target.request().post(server.url("/api/login"), RequestOptions.create()
        .setHeader("Content-Type", "application/json")
        .setData(Map.of("login", login, "password", PASSWORD)));
    assertThat(answer.status()).as("sign-in of " + login).isEqualTo(200);
  }

  /** Waits until the list and the map both show the current selection. */
  private void waitForSelection() {
    page.waitForFunction("() => { const l = document.getElementById('list'), m = document.getElementById('map-points');"
        + " return l && m && l.dataset.state === 'ready' && m.dataset.state === 'ready'; }");
  }

  private List<Long> rowIds() {
    return page.getByTestId("resident-row").all().stream().map(r -> Long.parseLong(r.getAttribute("data-id"))).toList();
  }

  private List<Integer> rowScores() {
    return page.getByTestId("resident-row").all().stream().map(r -> Integer.parseInt(r.getAttribute("data-score"))).toList();
  }

  private long pointsDrawn() {
    return Long.parseLong(page.getByTestId("map-points").getAttribute("data-value"));
  }

  private List<String> optionValues(String testId) {
    return page.getByTestId(testId).locator("option").all().stream().map(o -> o.getAttribute("value"))
        .filter(v -> !v.isEmpty()).toList();
  }

  private static List<Long> idsOf(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
    return ids;
  }

  private static JsonNode api(String path) throws Exception {
    return town.api(path, plannerCookie);
  }

  private static long count(String sql) throws Exception {
    return town.longs(sql).get(0);
  }

  private static List<Long> longs(String sql) throws Exception {
    return town.longs(sql);
  }

  private static List<String> strings(String sql) throws Exception {
    return town.strings(sql);
  }

  private void assertCleanRun() {
    assertThat(pageErrors).as("errors in the page").isEmpty();
    assertThat(foreignRequests).as("requests to hosts other than the server").isEmpty();
  }

  private void screenshot(String name) {
    Path file = Path.of("target", name).toAbsolutePath();
    page.screenshot(new Page.ScreenshotOptions().setPath(file));
    assertThat(file).isNotEmptyFile();
  }
}
