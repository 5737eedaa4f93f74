package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A learner's certificate at 360 × 740: she downloads it from her page and opens its public
 * verification URL (valid); an officer of her ward revokes it with a reason; the URL then says
 * revoked. The learner pages that will issue it on course completion are not on this branch, so the
 * test writes the row the certificates service writes on {@code CourseCompleted} (that path is
 * covered on H2 and MariaDB by {@code CertificatesTest}); the lead joins this to the learner
 * journey.
 */
class CertificatePageIT {

  static PlatformProcess platform;

  @BeforeAll
  static void start() throws Exception {
    platform = SharedPlatform.get();
  }

  @Test
  void sheDownloadsAndVerifiesHerCertificateAndAnOfficerRevokesIt() throws Exception {
    var phone = "094" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    var name = "Trương Thị Chứng " + phone.substring(6);
    try (var her = new Browser()) {
      register(her, name, phone, "mat-khau-chung-nhan");
    }
    var issued = issueCertificate(phone);
    var verifyPath = "/verify.xhtml?code=" + issued.code();

    try (var her = new Browser()) {
      her.logIn(platform, phone, "mat-khau-chung-nhan");
      her.waitFor(By.id("nav-certificates")).click();
      her.waitForText(By.id("my-certificates"), issued.courseTitle());
      her.screenshot("certificates-mine-360");
      her.driver().findElement(By.cssSelector("#my-certificates a.download")).click();
      var pdf = waitForDownload(her.downloads());
      var bytes = Files.readAllBytes(pdf);
      assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("%PDF-");
      assertThat(pdf.getFileName().toString())
          .isEqualTo("chung-nhan-hoc-so-" + issued.code() + ".pdf");

      her.driver().findElement(By.cssSelector("#my-certificates a.verify-link")).click();
      her.waitForText(By.id("status"), "Chứng nhận hợp lệ");
    }

    // The verification URL needs no login: what anyone scanning the QR code sees.
    try (var stranger = new Browser()) {
      stranger.open(platform.uri(verifyPath));
      stranger.waitForText(By.id("status"), "Chứng nhận hợp lệ");
      assertThat(stranger.driver().findElement(By.id("holder")).getText()).isEqualTo(name);
      assertThat(stranger.driver().findElement(By.id("course")).getText())
          .contains(issued.courseTitle());
      assertThat(stranger.driver().findElement(By.id("unit")).getText())
          .isEqualTo("Phường Ba Đình");
      assertThat(stranger.driver().findElement(By.id("issued-on")).getText())
          .isEqualTo(issued.day());
      stranger.screenshot("certificate-verify-valid-360");
      stranger.open(platform.uri("/verify.xhtml?code=0000000000000000000000zz"));
      stranger.waitForText(By.id("status"), "Không tìm thấy chứng nhận");
    }

    try (var officer = new Browser()) {
      officer.logIn(platform, "canbo.xa");
      officer.waitFor(By.id("nav-issued-certificates")).click();
      officer.waitForText(By.id("issued:list"), name);
      var row = officer.driver().findElement(By.xpath("//tr[td[contains(., '" + name + "')]]"));
      row.findElement(By.xpath(".//button[contains(@id, 'revoke')]")).click();
      officer.waitForText(By.id("revoke-code"), issued.code());
      // No reason: the dialog says so and nothing is revoked.
      officer.driver().findElement(By.id("revoke-form:confirm-revoke")).click();
      officer.waitForText(By.id("revoke-form"), "Cần ghi lý do thu hồi");
      officer.waitFor(By.id("revoke-form:reason")).sendKeys("Học thay người khác");
      officer.screenshot("certificate-revoke-360");
      officer.driver().findElement(By.id("revoke-form:confirm-revoke")).click();
      officer.waitForText(By.id("issued:messages"), "Đã thu hồi chứng nhận.");
    }

    try (var stranger = new Browser()) {
      stranger.open(platform.uri(verifyPath));
      stranger.waitForText(By.id("status"), "Chứng nhận đã bị thu hồi");
      var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
      assertThat(stranger.driver().findElement(By.id("status")).getText())
          .contains("Học thay người khác")
          .contains(
              String.format(
                  "%02d/%02d/%d", today.getDayOfMonth(), today.getMonthValue(), today.getYear()));
      stranger.screenshot("certificate-verify-revoked-360");
    }
  }

  record Issued(String code, String courseTitle, String day) {}

  /**
   * Writes the certificate the service issues when she completes a published demo course: her name,
   * her ward, the course's title and version, today in Vietnam, a fresh random code.
   */
  private static Issued issueCertificate(String username) throws Exception {
    var database = SharedPlatform.DATABASE;
    try (Connection connection =
        DriverManager.getConnection(
            "jdbc:mysql://127.0.0.1:3306/" + database, database, database)) {
      long person;
      long unit;
      String fullName;
      String unitName;
      try (var query =
          connection.prepareStatement(
              "select p.id, p.home_unit_id, p.full_name, u.name from account a"
                  + " join person p on p.id = a.person_id join org_unit u on u.id = p.home_unit_id"
                  + " where a.username = ?")) {
        query.setString(1, username);
        try (var rows = query.executeQuery()) {
          assertThat(rows.next()).as("her account and person").isTrue();
          person = rows.getLong(1);
          unit = rows.getLong(2);
          fullName = rows.getString(3);
          unitName = rows.getString(4);
        }
      }
      String iri;
      int version;
      String title;
      try (var query =
              connection.prepareStatement(
                  "select c.activity_iri, v.version_number, v.title from course c"
                      + " join course_version v on v.course_id = c.id"
                      + " where v.status = 'PUBLISHED' order by c.id limit 1");
          var rows = query.executeQuery()) {
        assertThat(rows.next()).as("a published demo course").isTrue();
        iri = rows.getString(1);
        version = rows.getInt(2);
        title = rows.getString(3);
      }
      var code = randomCode();
      var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      var day = now.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
      try (var insert =
          connection.prepareStatement(
              "insert into certificate (id, code, person_id, registration, course_iri,"
                  + " course_version, course_title, holder_name, unit_id, unit_name, issued_on,"
                  + " issued_at, earned_statement_id, revision)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
        // Far above what the id_sequence hands out during a test run.
        insert.setLong(1, 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000));
        insert.setString(2, code);
        insert.setLong(3, person);
        insert.setString(4, UUID.randomUUID().toString());
        insert.setString(5, iri);
        insert.setInt(6, version);
        insert.setString(7, title);
        insert.setString(8, fullName);
        insert.setLong(9, unit);
        insert.setString(10, unitName);
        insert.setString(11, day.toString());
        insert.setString(12, now.toString().replace('T', ' ').replace("Z", ""));
        insert.setString(13, UUID.randomUUID().toString());
        insert.executeUpdate();
      }
      return new Issued(
          code,
          title,
          String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()));
    }
  }

  /** A code as the service makes them: 24 characters of Crockford's base 32, lower case. */
  private static String randomCode() {
    var alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    var random = new SecureRandom();
    var code = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      code.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return code.toString();
  }

  private static Path waitForDownload(Path folder) throws Exception {
    var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try (var files = Files.list(folder)) {
        var done = files.filter(f -> f.toString().endsWith(".pdf")).findFirst();
        if (done.isPresent() && Files.size(done.get()) > 0) {
          return done.get();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("No PDF downloaded into " + folder);
  }

  /** Registers a woman in Phường Ba Đình through the page (as RegistrationPageIT does). */
  private static void register(Browser browser, String name, String phone, String password) {
    browser.open(platform.uri("/register.xhtml"));
    browser.waitFor(By.id("register:fullName")).sendKeys(name);
    var driver = browser.driver();
    type(browser, "register:birthYear", "1985");
    type(browser, "register:phone", phone);
    driver.findElement(By.id("register:commune_input")).sendKeys("ba dinh");
    browser
        .waitFor(
            By.xpath(
                "//li[contains(@class,'ui-autocomplete-item')][contains(., 'Phường Ba Đình')]"))
        .click();
    type(browser, "register:username", phone);
    type(browser, "register:password", password);
    type(browser, "register:passwordAgain", password);
    for (var consent : new String[] {"consentLearning", "consentReporting"}) {
      driver.findElement(By.cssSelector("[id='register:" + consent + "'] .ui-chkbox-box")).click();
    }
    driver.findElement(By.id("register:submit")).click();
    browser.waitForText(By.id("login"), "Đăng ký thành công");
  }

  private static void type(Browser browser, String id, String text) {
    var input = browser.waitFor(By.id(id));
    input.clear();
    input.sendKeys(text);
  }
}
