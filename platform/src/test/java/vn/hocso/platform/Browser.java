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
            // element and asking whether it is shown (seen on the quiz page in CI): look again.
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
              return null;
            }
            throw e;
          }
        });
  }

  /**
   * The text of the element, found again if the page was replaced between finding and reading it
   * (the quiz page is sometimes replaced right after it loads; seen in CI, cause not yet found).
   */
  public String textOf(By locator) {
    return wait.until(
        driver -> {
          try {
            var element = driver.findElement(locator);
            return element.isDisplayed() ? element.getText() : null;
          } catch (org.openqa.selenium.NoSuchElementException
              | org.openqa.selenium.StaleElementReferenceException e) {
            return null;
          } catch (org.openqa.selenium.WebDriverException e) {
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
