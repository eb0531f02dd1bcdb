package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.hazard.HazardStore;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.layers.shelter.ShelterStore;
import io.mimamori.layers.town.TownStore;
import io.mimamori.layers.town.TownSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The town map page in a real headless Chromium against the real server on a fresh database: counts
 * panel, markers and zones drawn for the view, layer toggles, popups, English, the error banner, and
 * that the page asks nothing of any host but ours (it must work offline). Needs Debian's chromium
 * at /usr/bin/chromium (or -Dmimamori.chromium=...): without it the test fails, it does not skip.
 */
class MapPageIT {

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private static final List<Shelter> SHELTERS = List.of(
      shelter(ShelterKind.EVACUATION_SITE, "第一小学校", 138.860, 35.100,
          Set.of(HazardType.TSUNAMI, HazardType.EARTHQUAKE, HazardType.FLOOD), null, null, null, null, "s1"),
      shelter(ShelterKind.DESIGNATED_SHELTER, "中央体育館", 138.872, 35.104, Set.of(), null, null, 300, null, "s2"),
      shelter(ShelterKind.WELFARE_SHELTER, "みはらし園", 138.866, 35.097, Set.of(HazardType.EARTHQUAKE),
          Set.of("elderly", "families"), null, 40, null, "s3"),
      shelter(ShelterKind.CHILD_WELFARE_SHELTER, "さくら支援学校", 138.900, 35.130, Set.of(HazardType.EARTHQUAKE),
          Set.of("pupils", "preschool_disabled", "families"), Set.of("intellectual", "physical"), 150, 50, "s4"),
      shelter(ShelterKind.EVACUATION_SITE, "北の高台公園", 138.800, 35.150, Set.of(HazardType.LANDSLIDE), null, null, null,
          null, "s5"),
      shelter(ShelterKind.DESIGNATED_SHELTER, "南公民館", 138.850, 35.030, Set.of(), null, null, 120, null, "s6"));

  private static final List<HazardZone> ZONES = List.of(
      zone(HazardType.TSUNAMI, 1, null, 138.855, 35.095, 138.875, 35.106, "z1"),
      zone(HazardType.TSUNAMI, 3, null, 138.861, 35.098, 138.868, 35.102, "z2"),
      zone(HazardType.FLOOD, 2, null, 138.880, 35.110, 138.895, 35.120, "z3"),
      zone(HazardType.LANDSLIDE, 1, "steep_slope", 138.800, 35.140, 138.810, 35.146, "z4"),
      zone(HazardType.LANDSLIDE, 2, "steep_slope", 138.804, 35.141, 138.807, 35.143, "z5"));

  private static TestServer server;
  private static HeadlessChromium chromium;

  private BrowserContext context;
  private Page page;
  private List<String> pageErrors = new ArrayList<>();
  private List<String> foreignRequests = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("map page");
    try (Connection c = server.database().dataSource().getConnection()) {
      c.setAutoCommit(false);
      ShelterStore.upsertAll(c, SHELTERS);
      HazardStore.insertAll(c, ZONES);
      c.commit();
    }
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

  @BeforeEach
  void openContext() {
    context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1600, 1000).setLocale("ja-JP"));
    HeadlessChromium.WatchedPage watched = HeadlessChromium.watch(context, server.url("/"));
    page = watched.page();
    pageErrors = watched.errors();
    foreignRequests = watched.foreignRequests();
  }

  @AfterEach
  void closeContext() {
    context.close();
  }

  @Test
  void countsPanelAndTheFirstViewShowTheWholeTown() throws Exception {
    open("/");
    TownSummary town = new TownStore(server.database().dataSource()).summary();
    for (ShelterKind kind : ShelterKind.values()) {
      long stored = SHELTERS.stream().filter(s -> s.kind() == kind).count();
      assertThat(town.sheltersByKind().getOrDefault(kind.code(), 0L)).as("database, " + kind.code()).isEqualTo(stored);
      assertThat(value("count-shelters-" + kind.code())).as("panel, " + kind.code()).isEqualTo(stored);
    }
    for (HazardType type : List.of(HazardType.FLOOD, HazardType.TSUNAMI, HazardType.LANDSLIDE)) {
      long stored = ZONES.stream().filter(z -> z.type() == type).count();
      assertThat(town.hazardZonesByType().getOrDefault(type.code(), 0L)).as("database, " + type.code()).isEqualTo(stored);
      assertThat(value("count-zones-" + type.code())).as("panel, " + type.code()).isEqualTo(stored);
    }
    assertThat(value("count-residents")).isEqualTo(town.activeResidents());
    assertThat(page.getByTestId("count-shelters-welfare_shelter").textContent()).isEqualTo("1 件");
    assertThat(page.getByTestId("town-name").textContent()).isEqualTo("テスト市");

    // the town's extent is fitted, so everything stored is in view and drawn
    assertDrawnEqualsWhatIsInView();
    assertThat(value("drawn-shelters")).isEqualTo(SHELTERS.size());
    assertThat(value("drawn-zones")).isEqualTo(ZONES.size());
    assertThat(page.locator("path.hazard-zone--landslide.hazard-zone--rank-2").getAttribute("fill"))
        .isEqualTo("url(#hatch-landslide-special)");
    assertThat(page.locator("path.hazard-zone--tsunami.hazard-zone--rank-3").getAttribute("fill")).isEqualToIgnoringCase("#FFB7B7");
    screenshot("map-page.png");
    assertCleanRun();
  }

  @Test
  void movingTheMapReloadsOnlyWhatIsInViewAndLayersToggle() {
    open("/");
    moveTo(35.101, 138.866, 15);
    int[] inView = assertDrawnEqualsWhatIsInView();
    assertThat(inView[0]).as("shelters in the zoomed view").isBetween(1, SHELTERS.size() - 1);
    assertThat(inView[1]).as("zones in the zoomed view").isBetween(1, ZONES.size() - 1);

    int tsunamiInView = page.locator("path.hazard-zone--tsunami").count();
    assertThat(tsunamiInView).isEqualTo(2);
    page.getByTestId("toggle-zone-tsunami").uncheck();
    assertThat(page.locator("path.hazard-zone").count()).isEqualTo(inView[1] - tsunamiInView);
    assertThat(value("drawn-zones")).isEqualTo(inView[1] - tsunamiInView);
    page.getByTestId("toggle-shelter-evacuation_site").uncheck();
    assertThat(page.locator(".shelter-marker--evacuation_site").count()).isZero();
    assertThat(value("drawn-shelters")).isEqualTo(inView[0] - 1);
    page.getByTestId("toggle-zone-tsunami").check();
    page.getByTestId("toggle-shelter-evacuation_site").check();
    assertThat(page.locator("path.hazard-zone").count()).isEqualTo(inView[1]);
    assertThat(value("drawn-shelters")).isEqualTo(inView[0]);
    assertCleanRun();
  }

  @Test
  void popupNamesTheShelterAndItsHazardsInEitherLanguage() {
    open("/");
    moveTo(35.101, 138.866, 15);
    Locator marker = page.locator(".shelter-marker[title='第一小学校']");
    marker.click();
    Locator popup = page.getByTestId("shelter-popup");
    popup.waitFor();
    assertThat(popup.getByTestId("popup-name").textContent()).isEqualTo("第一小学校");
    assertThat(popup.getByTestId("popup-kind").textContent()).contains("指定緊急避難場所");
    assertThat(popup.locator(".hazard-chips li").allTextContents()).containsExactly("洪水", "地震", "津波");
    assertThat(popup.getByTestId("popup-capacity").textContent()).contains("不明");

    page.getByTestId("lang-toggle").click();
    assertThat(page.getByTestId("lang-toggle").textContent()).isEqualTo("日本語");
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    assertThat(page.url()).contains("lang=en");
    assertThat(popup.locator(".hazard-chips li").allTextContents()).containsExactly("Flood", "Earthquake", "Tsunami");
    assertThat(popup.getByTestId("popup-kind").textContent()).contains("Designated evacuation site");
    assertThat(page.locator("#h-counts").textContent()).isEqualTo("Town totals");
    assertThat(page.getByTestId("shelter-toggles").textContent()).contains("Welfare shelter", "Child welfare shelter");
    assertThat(page.getByTestId("count-residents").textContent()).endsWith("persons");

    page.locator(".shelter-marker[title='みはらし園']").click(); // closes the first popup, which fades out
    Locator welfare = page.locator("[data-testid='shelter-popup'][data-kind='welfare_shelter']");
    welfare.waitFor();
    popup.and(page.locator("[data-kind='evacuation_site']")).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    assertThat(welfare.getByTestId("popup-name").textContent()).isEqualTo("みはらし園");
    assertThat(welfare.getByTestId("popup-target-groups").textContent()).contains("Elderly", "and their families");
    assertThat(welfare.getByTestId("popup-capacity").textContent()).contains("40 persons");
    screenshot("map-page-en.png");
    assertCleanRun();
  }

  @Test
  void langParameterOpensTheMapInEnglish() {
    open("/?lang=en");
    assertThat(page.getByTestId("lang-toggle").textContent()).isEqualTo("日本語");
    assertThat(page.getByTestId("zone-toggles").textContent()).contains("Flood zone", "Tsunami zone", "Landslide zone");
    assertThat(page.getByTestId("legend").textContent()).contains("under 0.5 m", "20 m or more", "special warning zone");
    assertThat(page.getByTestId("count-shelters-designated_shelter").textContent()).isEqualTo("2");
    assertCleanRun();
  }

  @Test
  void aFailingApiShowsABannerAndTheRestStillWorks() {
    page.route("**/api/hazards**", route -> route.fulfill(new Route.FulfillOptions()
        .setStatus(503).setContentType("application/json")
        .setBody("{\"error\":\"unavailable\",\"message\":\"hazard layer offline for the test\"}")));
    page.navigate(server.url("/"));
    Locator banner = page.getByTestId("error-hazards");
    banner.waitFor();
    assertThat(banner.textContent()).contains("災害想定区域を読み込めません", "503", "hazard layer offline for the test");
    assertThat(page.getByTestId("error-banner").isVisible()).isTrue();
    page.waitForSelector("#drawn-shelters[data-state='ready']");
    assertThat(page.locator(".shelter-marker").count()).isEqualTo(SHELTERS.size());
    assertThat(page.getByTestId("drawn-zones").getAttribute("data-state")).isEqualTo("error");
    page.locator("#error-banner button[data-source='hazards']").click();
    page.getByTestId("error-banner").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
    pageErrors.removeIf(e -> e.startsWith("console:")); // the page logs the failure on purpose
    assertCleanRun();
  }

  /** Opens a page and waits until both layers are loaded for its first view. */
  private void open(String path) {
    page.navigate(server.url(path));
    page.waitForFunction("() => ['drawn-shelters', 'drawn-zones'].every(id => {"
        + " const e = document.getElementById(id); return e && e.dataset.state === 'ready'; })");
  }

  /** Moves the map as a drag or zoom would, and waits until both layers are loaded for the new view. */
  private void moveTo(double lat, double lon, int zoom) {
    String before = page.getByTestId("drawn-shelters").getAttribute("data-bbox");
    page.evaluate("([lat, lon, zoom]) => window.mimamori.map.setView([lat, lon], zoom)", List.of(lat, lon, zoom));
    page.waitForFunction(
        "old => ['drawn-shelters', 'drawn-zones'].every(id => { const e = document.getElementById(id);"
            + " return e.dataset.state === 'ready' && e.dataset.bbox !== old; })",
        before);
  }

  private long value(String testId) {
    return Long.parseLong(page.getByTestId(testId).getAttribute("data-value"));
  }

  /**
   * Markers and zone paths in the page equal the test's shelters and zones inside the box the page
   * loaded (the server selects by bounding box), and equal the drawn counts shown. Returns both.
   */
  private int[] assertDrawnEqualsWhatIsInView() {
    double[] box = Arrays.stream(page.getByTestId("drawn-shelters").getAttribute("data-bbox").split(","))
        .mapToDouble(Double::parseDouble).toArray();
    assertThat(page.getByTestId("drawn-zones").getAttribute("data-bbox")).isEqualTo(
        page.getByTestId("drawn-shelters").getAttribute("data-bbox"));
    int shelters = (int) SHELTERS.stream().filter(s -> inside(s.location(), box)).count();
    int zones = (int) ZONES.stream().filter(z -> meets(z, box)).count();
    assertThat(page.locator(".leaflet-marker-pane .shelter-marker").count()).as("markers drawn").isEqualTo(shelters);
    assertThat(page.locator("path.hazard-zone").count()).as("zones drawn").isEqualTo(zones);
    assertThat(value("drawn-shelters")).isEqualTo(shelters);
    assertThat(value("drawn-zones")).isEqualTo(zones);
    return new int[] {shelters, zones};
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

  private static boolean inside(LonLat p, double[] box) {
    return p.lon() >= box[0] && p.lat() >= box[1] && p.lon() <= box[2] && p.lat() <= box[3];
  }

  private static boolean meets(HazardZone z, double[] box) {
    var e = z.geometry().getEnvelopeInternal();
    return e.getMinX() <= box[2] && e.getMaxX() >= box[0] && e.getMinY() <= box[3] && e.getMaxY() >= box[1];
  }

  private static Shelter shelter(ShelterKind kind, String name, double lon, double lat, Set<HazardType> hazards,
      Set<String> groups, Set<String> disabilities, Integer capacity, Integer children, String id) {
    return new Shelter("222038", kind, name, "テスト市" + id, LonLat.of(lon, lat), hazards, null, groups, disabilities,
        capacity, children, null, "test", id);
  }

  private static HazardZone zone(HazardType type, int rank, String phenomenon, double minLon, double minLat,
      double maxLon, double maxLat, String id) {
    Polygon box = GEOMETRY.createPolygon(new Coordinate[] {
        new Coordinate(minLon, minLat), new Coordinate(maxLon, minLat), new Coordinate(maxLon, maxLat),
        new Coordinate(minLon, maxLat), new Coordinate(minLon, minLat)});
    return new HazardZone(type, rank, phenomenon, "区域" + id, "test", "test", id, box);
  }
}
