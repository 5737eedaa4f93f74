package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A member searches the catalogue on a phone-sized screen: without diacritics, as she types or with
 * Enter, then narrows the results by track.
 */
class CataloguePageIT {

  static final String VIETQR = "Thanh toán và nhận tiền bằng mã VietQR";
  static final String VNEID = "Tài khoản định danh điện tử VNeID: mức 1, mức 2 và cách giữ an toàn";
  static final By TITLES = By.cssSelector("[id='catalogue:results'] .course-card h2");
  static final By TRACKS = By.cssSelector("[id='catalogue:results'] .course-card .track");

  static PlatformProcess platform;
  static Browser browser;

  @BeforeAll
  static void logIn() throws Exception {
    platform = SharedPlatform.get();
    browser = new Browser();
    browser.logIn(platform, "hocvien");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aLearnerTypesWithoutDiacriticsSeesTheVietQrCourseFirstAndFiltersByTrack() throws Exception {
    browser.open(platform.uri("/app/catalogue.xhtml"));
    assertThat(browser.waitFor(By.id("who")).getText()).isEqualTo("hocvien");
    assertThat(texts(TITLES)).hasSize(10).contains(VIETQR);

    browser.waitFor(By.id("catalogue:query")).sendKeys("thanh toan qr");
    waitUntil(() -> !texts(TITLES).isEmpty() && texts(TITLES).get(0).equals(VIETQR));
    assertThat(texts(TRACKS)).contains("Dịch vụ công trực tuyến"); // before the filter
    browser.screenshot("catalogue-search-360");

    browser.driver().findElement(By.id("filters-toggle")).click(); // folded on a phone
    new Select(browser.waitFor(By.id("catalogue:track"))).selectByValue("ELECTRONIC_PAYMENT");
    waitUntil(
        () -> {
          var tracks = texts(TRACKS);
          return !tracks.isEmpty() && tracks.stream().allMatch("Thanh toán điện tử"::equals);
        });
    assertThat(texts(TITLES).get(0)).isEqualTo(VIETQR);
    assertThat(browser.driver().findElement(By.id("catalogue:count")).getText())
        .isEqualTo(texts(TITLES).size() + " khóa học");
    assertThat(browser.driver().findElement(By.id("filters-toggle")).getText())
        .contains("(đang lọc)");
    browser.screenshot("catalogue-filtered-360");
  }

  @Test
  void enterSearchesAndAnEmptyResultSaysWhatToTry() throws Exception {
    browser.open(platform.uri("/app/catalogue.xhtml"));
    var query = browser.waitFor(By.id("catalogue:query"));

    query.sendKeys("vneid" + Keys.ENTER);
    waitUntil(() -> !texts(TITLES).isEmpty() && texts(TITLES).get(0).equals(VNEID));
    assertThat(browser.driver().getCurrentUrl()).contains("/app/catalogue.xhtml");

    query.clear();
    query.sendKeys("xyzxyz" + Keys.ENTER);
    browser.waitForText(By.id("catalogue:none"), "Không tìm thấy khóa học nào.");
    assertThat(texts(TITLES)).isEmpty();
    browser.screenshot("catalogue-none-360");
  }

  @Test
  void theCatalogueSpeaksEnglishOnRequest() {
    browser.open(platform.uri("/app/catalogue.xhtml"));
    browser.waitFor(By.id("language:en")).click();
    try {
      browser.waitForText(By.cssSelector("label[for='catalogue:query']"), "Find a course");
      browser.driver().findElement(By.id("catalogue:query")).sendKeys("thanh toan qr");
      waitUntil(
          () ->
              !texts(TITLES).isEmpty()
                  && texts(TITLES).get(0).equals("Paying and getting paid with VietQR"));
      assertThat(texts(TRACKS).get(0)).isEqualTo("Electronic payment");
    } finally {
      browser.waitFor(By.id("language:vi")).click();
      browser.waitFor(By.id("language:en"));
    }
  }

  private static List<String> texts(By locator) {
    return browser.driver().findElements(locator).stream().map(WebElement::getText).toList();
  }

  /** Waits for an ajax update to show, retrying while PrimeFaces swaps the elements. */
  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(driver -> condition.getAsBoolean());
  }
}
