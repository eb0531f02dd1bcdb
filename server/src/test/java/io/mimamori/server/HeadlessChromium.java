package io.mimamori.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright, for the browser tests. Needs chromium at
 * /usr/bin/chromium (or -Dmimamori.chromium=...): without it a browser test fails, it does not skip.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path EXECUTABLE = Paths.get(System.getProperty("mimamori.chromium", "/usr/bin/chromium"));

  /** A page that records script errors, console errors and requests to any host but the server's. */
  public record WatchedPage(Page page, List<String> errors, List<String> foreignRequests) {}

  private final Playwright playwright;
  private final Browser browser;

  private HeadlessChromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static HeadlessChromium launch() {
    assertTrue(Files.isExecutable(EXECUTABLE),
        "Chromium is needed for this browser test and was not found at " + EXECUTABLE
            + ": install Debian's package (apt-get install -y chromium) or pass -Dmimamori.chromium=/path/to/chromium");
    Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(EXECUTABLE)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync")));
    return new HeadlessChromium(playwright, browser);
  }

  public Browser browser() {
    return browser;
  }

  /** A new page in {@code context}, watched for errors and for requests leaving {@code serverBase}. */
  public static WatchedPage watch(BrowserContext context, String serverBase) {
    Page page = context.newPage();
    List<String> errors = new ArrayList<>();
    List<String> foreign = new ArrayList<>();
    page.onPageError(errors::add);
    page.onConsoleMessage(m -> {
      if (m.type().equals("error")) {
        errors.add("console: " + m.text());
      }
    });
    page.onRequest(r -> {
      if (!r.url().startsWith(serverBase) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) {
        foreign.add(r.url());
      }
    });
    return new WatchedPage(page, errors, foreign);
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
