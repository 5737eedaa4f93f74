package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A woman registers herself, picking her ward by typing without diacritics, and learns at once; an
 * officer of that ward then confirms that she is a member.
 */
class RegistrationPageIT {

  static PlatformProcess platform;

  @BeforeAll
  static void start() throws Exception {
    platform = SharedPlatform.get();
  }

  @Test
  void sheRegistersLearnsAtOnceAndHerWardsOfficerConfirmsHerMembership() throws Exception {
    var phone = "097" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    var name = "Đinh Thị Đăng Ký " + phone.substring(6);
    try (var her = new Browser()) {
      her.open(platform.uri("/login.xhtml"));
      her.waitFor(By.id("login:register-link")).click();
      her.waitFor(By.id("register:fullName")).sendKeys(name);

      // First attempt: passwords differ and no consent; the form says so and nothing is created.
      fillIn(her, phone, "mat-khau-cua-dinh", "mat-khau-khac-han");
      her.driver().findElement(By.id("register:submit")).click();
      her.waitForText(By.id("register"), "Hai lần nhập mật khẩu không giống nhau.");
      assertThat(her.driver().findElement(By.id("register")).getText())
          .contains("Chị cần đồng ý cho lưu kết quả học tập");

      fillIn(her, phone, "mat-khau-cua-dinh", "mat-khau-cua-dinh");
      her.driver()
          .findElement(By.cssSelector("[id='register:consentLearning'] .ui-chkbox-box"))
          .click();
      her.driver()
          .findElement(By.cssSelector("[id='register:consentReporting'] .ui-chkbox-box"))
          .click();
      her.screenshot("register-360");
      her.driver().findElement(By.id("register:submit")).click();

      her.waitForText(By.id("login"), "Đăng ký thành công");
      her.logIn(platform, phone, "mat-khau-cua-dinh");
      her.waitFor(By.id("nav-courses"));
      assertThat(her.driver().findElements(By.id("nav-claims"))).isEmpty();
    }

    try (var officer = new Browser()) {
      officer.logIn(platform, "canbo.xa");
      officer.waitFor(By.id("nav-claims")).click();
      officer.waitForText(By.id("claims:list"), name);
      var row = officer.driver().findElement(By.xpath("//tr[td[contains(., '" + name + "')]]"));
      row.findElement(By.xpath(".//button[contains(@id, 'confirm')]")).click();
      officer.waitForText(By.id("claims:messages"), "Đã xác nhận hội viên.");
      assertThat(officer.driver().findElement(By.id("claims:list")).getText()).doesNotContain(name);
    }

    // The central admin finds that answer in the audit log; a province officer may not look.
    try (var admin = new Browser()) {
      admin.logIn(platform, "quantri");
      admin.waitFor(By.id("nav-audit")).click();
      admin.waitFor(By.id("audit:actor")).sendKeys("canbo.xa");
      admin.driver().findElement(By.id("audit:action")).click();
      admin
          .waitFor(
              By.xpath("//li[contains(@class,'ui-selectonemenu-item')][.='Xác nhận hội viên']"))
          .click();
      var unfiltered = admin.driver().findElement(By.id("audit:entries"));
      admin.driver().findElement(By.id("audit:search")).click();
      new WebDriverWait(admin.driver(), Duration.ofSeconds(20))
          .until(ExpectedConditions.stalenessOf(unfiltered));
      admin.waitForText(By.id("audit:entries"), "Xác nhận hội viên");
      assertThat(admin.driver().findElement(By.id("audit:entries")).getText())
          .contains("canbo.xa")
          .doesNotContain("Tự đăng ký");
    }
    try (var province = new Browser()) {
      province.logIn(platform, "canbo.tinh");
      assertThat(province.driver().findElements(By.id("nav-audit"))).isEmpty();
      province.open(platform.uri("/app/audit.xhtml"));
      province.waitForText(By.id("not-allowed"), "quản trị Trung ương");
      assertThat(province.driver().findElements(By.id("audit:entries"))).isEmpty();
    }
  }

  @Test
  void herAccountPageGivesHerDataChangesHerPasswordAndErasesHer() throws Exception {
    var phone = "096" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    var name = "Vũ Thị Xóa " + phone.substring(6);
    try (var her = new Browser()) {
      her.open(platform.uri("/register.xhtml"));
      her.waitFor(By.id("register:fullName")).sendKeys(name);
      fillIn(her, phone, "mat-khau-ban-dau", "mat-khau-ban-dau");
      for (var consent : new String[] {"consentLearning", "consentReporting", "consentPhone"}) {
        her.driver()
            .findElement(By.cssSelector("[id='register:" + consent + "'] .ui-chkbox-box"))
            .click();
      }
      her.driver().findElement(By.id("register:submit")).click();
      her.waitForText(By.id("login"), "Đăng ký thành công");
      her.logIn(platform, phone, "mat-khau-ban-dau");

      her.waitFor(By.id("nav-account")).click();
      her.waitForText(By.id("facts"), name);
      assertThat(her.driver().findElement(By.id("facts")).getText()).contains("Phường Ba Đình");
      var session = her.driver().manage().getCookieNamed("JSESSIONID").getValue();
      var pdf = download("/app/my-data.pdf", session);
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      var json = new String(download("/app/my-data.json", session).body(), StandardCharsets.UTF_8);
      assertThat(json).contains(name).contains(phone).contains("PHONE_CONTACT");
      assertThat(download("/app/my-data.json", "not-a-session").statusCode())
          .as("without her session")
          .isNotEqualTo(200);

      her.waitFor(By.id("consents:withdraw-phone")).click();
      her.waitForText(By.id("messages"), "Đã rút lại sự đồng ý.");
      assertThat(her.driver().findElement(By.id("consents-in-force")).getText())
          .doesNotContain("gọi điện");

      her.waitFor(By.id("password:currentPassword")).sendKeys("mat-khau-ban-dau");
      her.driver().findElement(By.id("password:newPassword")).sendKeys("mat-khau-moi-hon");
      her.driver().findElement(By.id("password:newPasswordAgain")).sendKeys("mat-khau-moi-hon");
      her.driver().findElement(By.id("password:change")).click();
      her.waitForText(By.id("messages"), "Đã đổi mật khẩu.");

      her.waitFor(By.id("erase:erase-button")).click();
      her.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
      her.waitForText(By.id("erased"), "đã được xóa");
      her.open(platform.uri("/login.xhtml"));
      her.waitFor(By.id("login:username")).sendKeys(phone);
      her.driver().findElement(By.id("login:password")).sendKeys("mat-khau-moi-hon");
      her.driver().findElement(By.id("login:submit")).click();
      her.waitForText(By.id("login"), "không đúng");
    }
  }

  @Test
  void sheForgetsHerPasswordAndHerWardsOfficerGivesHerACode() throws Exception {
    var phone = "095" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    try (var her = new Browser()) {
      register(her, "Hà Thị Quên " + phone.substring(6), phone, "mat-khau-da-quen");
    }
    String code;
    try (var officer = new Browser()) {
      officer.logIn(platform, "canbo.tinh"); // a province officer covers the ward below her
      officer.waitFor(By.id("nav-reset-codes")).click();
      officer.waitFor(By.id("issue:username")).sendKeys("khong-co-ai-ten-nay");
      officer.driver().findElement(By.id("issue:submit")).click();
      officer.waitForText(By.id("issue:messages"), "Không cấp được mã");
      officer.waitFor(By.id("issue:username")).clear();
      officer.driver().findElement(By.id("issue:username")).sendKeys(phone);
      officer.driver().findElement(By.id("issue:submit")).click();
      code = officer.waitFor(By.id("issue-code-holder")).getText();
    }
    try (var her = new Browser()) {
      her.open(platform.uri("/login.xhtml"));
      her.waitFor(By.id("login:forgot-link")).click();
      her.waitFor(By.id("reset:username")).sendKeys(phone);
      her.driver().findElement(By.id("reset:code")).sendKeys("SAIMA23456");
      her.driver().findElement(By.id("reset:newPassword")).sendKeys("mat-khau-moi-nho");
      her.driver().findElement(By.id("reset:newPasswordAgain")).sendKeys("mat-khau-moi-nho");
      her.driver().findElement(By.id("reset:submit")).click();
      her.waitForText(By.id("reset:messages"), "không đúng");

      her.waitFor(By.id("reset:username")).clear();
      her.driver().findElement(By.id("reset:username")).sendKeys(phone);
      her.driver().findElement(By.id("reset:code")).clear();
      her.driver().findElement(By.id("reset:code")).sendKeys(code);
      her.driver().findElement(By.id("reset:newPassword")).sendKeys("mat-khau-moi-nho");
      her.driver().findElement(By.id("reset:newPasswordAgain")).sendKeys("mat-khau-moi-nho");
      her.driver().findElement(By.id("reset:submit")).click();
      her.waitForText(By.id("login"), "Đã đặt mật khẩu mới");
      her.logIn(platform, phone, "mat-khau-moi-nho");
    }
  }

  /** Registers a woman in Phường Ba Đình through the page. */
  private static void register(Browser browser, String name, String phone, String password) {
    browser.open(platform.uri("/register.xhtml"));
    browser.waitFor(By.id("register:fullName")).sendKeys(name);
    fillIn(browser, phone, password, password);
    for (var consent : new String[] {"consentLearning", "consentReporting"}) {
      browser
          .driver()
          .findElement(By.cssSelector("[id='register:" + consent + "'] .ui-chkbox-box"))
          .click();
    }
    browser.driver().findElement(By.id("register:submit")).click();
    browser.waitForText(By.id("login"), "Đăng ký thành công");
  }

  private static HttpResponse<byte[]> download(String path, String session) throws Exception {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()
        .send(
            HttpRequest.newBuilder(platform.uri(path))
                .header("Cookie", "JSESSIONID=" + session)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void fillIn(Browser browser, String phone, String password, String again) {
    var driver = browser.driver();
    clearAndType(browser, "register:birthYear", "1987");
    clearAndType(browser, "register:phone", phone);
    if (driver.findElement(By.id("register:commune_input")).getAttribute("value").isBlank()) {
      driver.findElement(By.id("register:commune_input")).sendKeys("ba dinh");
      browser
          .waitFor(
              By.xpath(
                  "//li[contains(@class,'ui-autocomplete-item')][contains(., 'Phường Ba Đình')]"))
          .click();
      driver.findElement(By.cssSelector("[id='register:member'] .ui-chkbox-box")).click();
    }
    clearAndType(browser, "register:username", phone);
    clearAndType(browser, "register:password", password);
    clearAndType(browser, "register:passwordAgain", again);
  }

  private static void clearAndType(Browser browser, String id, String text) {
    var input = browser.waitFor(By.id(id));
    input.clear();
    input.sendKeys(text);
  }
}
