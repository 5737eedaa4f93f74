package vn.hocso.platform;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium, sized like a cheap phone (360 × 740), with everything it writes kept
 * under target/ so a run leaves nothing behind.
 */
public final class Browser implements AutoCloseable {

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path downloads;

  public Browser() throws Exception {
    var home = Files.createDirectories(Path.of("target", "chromium").toAbsolutePath());
    var profile = Files.createTempDirectory(home, "profile-");
    downloads = Files.createTempDirectory(home, "downloads-");
    var options =
        new ChromeOptions()
            .setBinary(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"))
            .addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--lang=vi",
                "--window-size=360,740",
                "--user-data-dir=" + profile);
    // -Dhocso.browser.performanceLog=true: Chrome's network and page events, read through
    // driver().manage().logs().get("performance"), to see which requests a click really made.
    if (Boolean.getBoolean("hocso.browser.performanceLog")) {
      options.setCapability(
          "goog:loggingPrefs", Map.of("performance", java.util.logging.Level.ALL.getName()));
    }
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")))
            .withEnvironment(
                Map.of(
                    "TMPDIR", home.toString(),
                    "HOME", home.toString(),
                    "XDG_CONFIG_HOME", home.resolve("config").toString(),
                    "XDG_CACHE_HOME", home.resolve("cache").toString()))
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(360, 740));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_DOCUMENT_LOADS));
  }

  /**
   * Run by Chromium before any script of every new document of the tab: counts the pages the tab
   * has loaded (sessionStorage lives as long as the tab, on one origin), so a test can tell a page
   * load from an ajax update, and see a page loaded twice.
   */
  private static final String COUNT_DOCUMENT_LOADS =
      "try { if (window === window.top && location.protocol.startsWith('http')) {"
          + " sessionStorage.setItem('hocso-test-loads',"
          + " String(Number(sessionStorage.getItem('hocso-test-loads') || 0) + 1)); } }"
          + " catch (e) {}";

  /** How many pages this tab has loaded on the platform's origin so far. */
  public int documentLoads() {
    var loads =
        ((JavascriptExecutor) driver)
            .executeScript("return sessionStorage.getItem('hocso-test-loads');");
    return loads == null ? 0 : Integer.parseInt(loads.toString());
  }

  /**
   * Clicks a link or a button that loads another page (a full postback is one too) and waits until
   * that page has loaded: looking for an element straight after click() may otherwise find it in
   * the old page, which is then replaced (ChromeDriver can return from a click before the
   * navigation it starts has begun). Exactly one page must have loaded: a redirect makes none.
   */
  public void clickToLoad(By locator) {
    var loads = documentLoads();
    waitFor(locator).click();
    awaitOneLoad(loads, locator);
  }

  /**
   * Posts the button's form as a browser without JavaScript would (the button's own scripts, such
   * as an f:ajax, do not run) and waits until the page that answers has loaded.
   */
  public void postWithoutScripts(String buttonId) {
    var loads = documentLoads();
    var button = waitFor(By.id(buttonId));
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].form.requestSubmit(arguments[0]);", button);
    awaitOneLoad(loads, By.id(buttonId));
  }

  private void awaitOneLoad(int loads, By locator) {
    wait.until(
        driver -> {
          try {
            return documentLoads() > loads
                && "complete"
                    .equals(
                        ((JavascriptExecutor) driver).executeScript("return document.readyState;"));
          } catch (org.openqa.selenium.WebDriverException e) {
            return false; // the old document went away while the script ran: look again
          }
        });
    if (documentLoads() != loads + 1) {
      throw new AssertionError(
          "One click loaded " + (documentLoads() - loads) + " pages, not one: " + locator);
    }
  }

  /**
   * The HTTP requests the page in hand has made since it loaded (scripts, images, ajax: its
   * resource timing entries), so a test can tell that an action stayed in the browser.
   */
  public long requestsSinceLoad() {
    return ((Number)
            ((JavascriptExecutor) driver)
                .executeScript("return performance.getEntriesByType('resource').length;"))
        .longValue();
  }

  /**
   * Cuts the tab's network (every request fails at once, as on a phone out of reach) or restores
   * it.
   */
  public void offline(boolean offline) {
    if (offline) {
      var conditions = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
      conditions.setOffline(true);
      driver.setNetworkConditions(conditions);
    } else {
      driver.deleteNetworkConditions();
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Where files the pages send as downloads land. */
  public Path downloads() {
    return downloads;
  }

  public void open(java.net.URI uri) {
    driver.get(uri.toString());
  }

  public WebElement waitFor(By locator) {
    var visible = ExpectedConditions.visibilityOfElementLocated(locator);
    return wait.until(
        driver -> {
          try {
            return visible.apply(driver);
          } catch (org.openqa.selenium.WebDriverException e) {
            // ChromeDriver's form of a stale element when the page is replaced between finding the
            // element and asking whether it is shown: look again. (A click on a submit button can
            // return before the page it posts to replaces this one: clickToLoad waits for that.)
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
              return null;
            }
            throw e;
          }
        });
  }

  /** Logs in through the real login page with a demo account and waits for the catalogue. */
  public void logIn(PlatformProcess platform, String username) {
    logIn(platform, username, "hocso-demo");
  }

  /** Logs in through the real login page and waits for the catalogue. */
  public void logIn(PlatformProcess platform, String username, String password) {
    open(platform.uri("/login.xhtml"));
    waitFor(By.id("login:username")).sendKeys(username);
    driver.findElement(By.id("login:password")).sendKeys(password);
    driver.findElement(By.id("login:submit")).click();
    waitForUrlContaining("/app/courses.xhtml");
  }

  /**
   * Waits until PrimeFaces has no ajax request queued or running, and still none 600 ms later: an
   * input with {@code p:ajax delay="400"} may send one more request after typing stops.
   */
  public void waitForAjax() {
    for (var quiet = 0; quiet < 2; ) {
      wait.until(
          driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(AJAX_IDLE)));
      quiet++;
      if (quiet < 2) {
        try {
          Thread.sleep(600);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (!Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(AJAX_IDLE))) {
          quiet = 0;
        }
      }
    }
  }

  private static final String AJAX_IDLE =
      "return !window.PrimeFaces || (PrimeFaces.ajax.Queue.isEmpty()"
          + " && (!window.jQuery || jQuery.active === 0));";

  /**
   * Clicks an element once ajax has settled, finding it again if an update replaced it between
   * finding and clicking (search results re-render as she types).
   */
  public void clickWhenSettled(By locator) {
    waitForAjax();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver -> {
              driver.findElement(locator).click();
              return true;
            });
  }

  /** Waits until the element's whole text is this (after an ajax update, for instance). */
  public void waitForExactText(By locator, String text) {
    wait.until(ExpectedConditions.textToBe(locator, text));
  }

  public void waitForText(By locator, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  public void waitForUrlContaining(String fragment) {
    wait.until(ExpectedConditions.urlContains(fragment));
  }

  public Path screenshot(String name) throws Exception {
    var target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
    Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    return target;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
