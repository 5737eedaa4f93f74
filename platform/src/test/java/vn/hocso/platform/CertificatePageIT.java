package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A learner's certificate at 360 × 740, earned the real way: a woman registers, completes the
 * VietQR course in the browser, downloads her certificate from her page and opens its public
 * verification URL (valid); an officer of her ward revokes it with a reason; the URL then says
 * revoked.
 */
class CertificatePageIT {

  static PlatformProcess platform;
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Vietnam's day when the test began: the run may cross midnight in Hà Nội (17:00 UTC). */
  static LocalDate startedOn;

  /** The days in Vietnam from the test's start until now, as the pages write them. */
  static List<String> daysSinceStart() {
    var days = new ArrayList<String>();
    for (var day = startedOn; !day.isAfter(LocalDate.now(VIETNAM)); day = day.plusDays(1)) {
      days.add(
          String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()));
    }
    return days;
  }

  @BeforeAll
  static void start() throws Exception {
    platform = SharedPlatform.get();
  }

  @Test
  void sheDownloadsAndVerifiesHerCertificateAndAnOfficerRevokesIt() throws Exception {
    startedOn = LocalDate.now(VIETNAM);
    var phone = Learners.newPhone("094");
    var name = "Trương Thị Chứng " + phone.substring(6);
    try (var her = new Browser()) {
      Learners.register(platform, her, name, phone, "mat-khau-chung-nhan");
    }
    Issued issued;
    try (var her = new Browser()) {
      her.logIn(platform, phone, "mat-khau-chung-nhan");
      var journey = new LearnerJourney(her, platform);
      journey.searchAndEnrol();
      journey.lessonsToQuiz(() -> {});
      assertThat(journey.attempt(true)).contains("100%");
      her.waitFor(By.id("course-completed"));
      issued = issuedTo(phone);
    }
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
      var status = stranger.driver().findElement(By.id("status")).getText();
      assertThat(status).contains("Học thay người khác");
      assertThat(daysSinceStart()).anySatisfy(day -> assertThat(status).contains(day));
      stranger.screenshot("certificate-verify-revoked-360");
    }
  }

  record Issued(String code, String courseTitle, String day) {}

  /** The certificate the platform issued her when she completed the course, read from MariaDB. */
  private static Issued issuedTo(String username) throws Exception {
    var database = SharedPlatform.DATABASE;
    var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    try (Connection connection =
        DriverManager.getConnection(
            "jdbc:mysql://127.0.0.1:3306/" + database, database, database)) {
      while (true) {
        try (var query =
            connection.prepareStatement(
                "select c.code, c.course_title, c.issued_on from certificate c"
                    + " join account a on a.person_id = c.person_id where a.username = ?")) {
          query.setString(1, username);
          try (var rows = query.executeQuery()) {
            if (rows.next()) {
              var day = LocalDate.parse(rows.getString(3));
              assertThat(rows.getString(2)).isEqualTo(LearnerJourney.VIETQR);
              assertThat(day).isBetween(startedOn, LocalDate.now(VIETNAM));
              return new Issued(
                  rows.getString(1),
                  rows.getString(2),
                  String.format(
                      "%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()));
            }
          }
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("No certificate issued to " + username);
        }
        Thread.sleep(200);
      }
    }
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
}
