package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A member logs in through the real home page in a real browser, on a phone-sized screen. */
class LoginPageIT {

  static PlatformProcess platform;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    platform = SharedPlatform.get();
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void demoLearnerLogsInAndSeesTheCourses() throws Exception {
    browser.open(platform.uri("/"));
    browser.waitFor(By.tagName("h1"));
    browser.screenshot("home-top-360");
    browser.waitFor(By.id("login:username")).sendKeys("hocvien");
    browser.driver().findElement(By.id("login:password")).sendKeys("hocso-demo");
    browser.screenshot("home-360");
    browser.driver().findElement(By.id("login:submit")).click();

    browser.waitForUrlContaining("/app/courses.xhtml");
    assertThat(browser.waitFor(By.id("who")).getText()).isEqualTo("hocvien");
    // Which courses fill the first page depends on what other tests have published on the shared
    // platform; the seeded catalogue alone has ten.
    assertThat(browser.driver().findElements(By.cssSelector(".course-card h2")))
        .extracting(element -> element.getText())
        .hasSizeGreaterThanOrEqualTo(6)
        .doesNotContain("");
    browser.screenshot("courses-360");

    browser.driver().findElement(By.id("account-logout")).click();
    browser.waitFor(By.id("login:username"));
  }

  /**
   * A form posted after its view left the session (her session timed out on a phone, or a request
   * of hers timed out under load) brings the page back, not an HTTP 500.
   */
  @Test
  void aFormPostedAfterItsSessionEndedShowsThePageAgain() throws Exception {
    var http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    var page =
        http.send(
            HttpRequest.newBuilder(platform.uri("/login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    var action =
        Pattern.compile("<form id=\"login\"[^>]*action=\"([^\"]+)\"")
            .matcher(page.body())
            .results()
            .findFirst()
            .orElseThrow()
            .group(1)
            .replace("&amp;", "&");
    // No session cookie: the view state names a view no session holds.
    var form =
        "login=login&login%3Ausername=hocvien&login%3Apassword=x&login%3Asubmit="
            + "&jakarta.faces.ViewState=-1234567890123456789%3A-987654321987654321";
    var posted =
        http.send(
            HttpRequest.newBuilder(platform.uri("/").resolve(URI.create(action)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(posted.statusCode()).isEqualTo(302);
    assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("/login.xhtml");
  }

  @Test
  void wrongPasswordIsRefusedWithAMessageInVietnamese() {
    browser.open(platform.uri("/login.xhtml"));
    browser.waitFor(By.id("login:username")).sendKeys("hocvien");
    browser.driver().findElement(By.id("login:password")).sendKeys("sai-mat-khau");
    browser.driver().findElement(By.id("login:submit")).click();

    assertThat(browser.waitFor(By.id("login:messages")).getText())
        .contains("Tên đăng nhập hoặc mật khẩu không đúng.");
    assertThat(browser.driver().getCurrentUrl()).doesNotContain("/app/");
  }

  @Test
  void throttlesRepeatedGuessesForOneUsername() {
    // A username of its own, so the lockout touches no other test of the shared platform.
    for (int attempt = 1; attempt <= 6; attempt++) {
      browser.open(platform.uri("/login.xhtml"));
      browser.waitFor(By.id("login:username")).sendKeys("doan.mo");
      browser.driver().findElement(By.id("login:password")).sendKeys("doan-" + attempt);
      browser.driver().findElement(By.id("login:submit")).click();
      var message = browser.waitFor(By.id("login:messages")).getText();
      if (attempt <= 5) {
        assertThat(message).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
      } else {
        assertThat(message).contains("Đăng nhập sai quá nhiều lần").contains("1 phút");
      }
    }
  }

  @Test
  void aProvinceOfficerSearchesHerProvinceWithoutDiacritics() throws Exception {
    browser.logIn(platform, "canbo.tinh");

    browser.waitFor(By.id("nav-units")).click();
    browser.waitFor(By.id("search:query")).sendKeys("ba dinh");
    browser.driver().findElement(By.id("search:go")).click();
    browser.waitForText(By.id("search:results"), "Phường Ba Đình");
    browser.screenshot("units-360");

    browser.driver().findElement(By.id("search:query")).clear();
    browser.driver().findElement(By.id("search:query")).sendKeys("hue");
    browser.driver().findElement(By.id("search:go")).click();
    browser.waitForText(By.id("search:results"), "Không tìm thấy đơn vị nào.");

    browser.driver().findElement(By.id("account-logout")).click();
    browser.waitFor(By.id("login:username"));
  }

  @Test
  void switchesToEnglish() {
    browser.open(platform.uri("/"));
    browser.waitFor(By.id("language:en")).click();

    assertThat(browser.waitFor(By.id("login:submit")).getText()).isEqualTo("Sign in");
    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
        .isEqualTo("en");

    browser.waitFor(By.id("language:vi")).click();
    assertThat(browser.waitFor(By.id("login:submit")).getText()).isEqualTo("Đăng nhập");
  }
}
