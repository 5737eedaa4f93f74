package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.model.Statement;

/**
 * The coverage dashboards at 360 × 740, black-box on the shared platform. The central admin opens
 * her dashboard (Central), drills down to Hà Nội and to Phường Ba Đình; the figures she reads there
 * are exactly those this test caused: three new members of Ba Đình, each enrolled and completing an
 * electronic-payment course through the LRS, one completion voided. She finds the one woman left to
 * train by name and downloads the commune's table as CSV. A Hà Nội officer opening Huế's dashboard
 * gets 404, not figures.
 */
class CoverageDashboardIT {

  static PlatformProcess platform;
  static CoverageItData data;
  static XapiClient lrs;
  static long central;
  static long hanoi;
  static long badinh;
  static long hue;

  @BeforeAll
  static void start() throws Exception {
    platform = SharedPlatform.get();
    data = new CoverageItData(SharedPlatform.DATABASE);
    lrs =
        XapiClient.builder(platform.uri("/xapi/"))
            .basicAuth(SharedPlatform.LRS_KEY, SharedPlatform.LRS_SECRET)
            .timeout(Duration.ofSeconds(30))
            .build();
    central = unit("select id from org_unit where kind = 'CENTRAL'");
    hanoi = unit("select id from org_unit where code = '01'");
    badinh = unit("select id from org_unit where code = '00004'");
    hue = unit("select id from org_unit where code = '46'");
  }

  /** What one dashboard page says about the electronic-payment track. */
  record Shown(long people, long enrolled, long completed, String completedPercent) {}

  @Test
  void theCentralAdminWalksDownToACommuneAndSeesExactlyWhatHappened() throws Exception {
    var course = paymentCourse();
    // Everything stored before now is counted first, so "before" is read on a settled projector.
    settle();
    Shown centralBefore;
    Shown hanoiBefore;
    Shown badinhBefore;
    try (var admin = new Browser()) {
      admin.logIn(platform, "quantri");
      centralBefore = open(admin, central);
      hanoiBefore = open(admin, hanoi);
      badinhBefore = open(admin, badinh);
    }

    var people = data.addPeople(badinh, 3);
    var posted = new ArrayList<UUID>();
    var completions = new ArrayList<UUID>();
    for (var account : people) {
      var enrol = CoverageItData.course(UUID.randomUUID(), "registered", account, course.iri());
      var complete = CoverageItData.course(UUID.randomUUID(), "completed", account, course.iri());
      lrs.postStatements(List.of(enrol, complete));
      posted.add(enrol.id());
      posted.add(complete.id());
      completions.add(complete.id());
    }
    var voiding = CoverageItData.voiding(completions.get(0), people.get(0));
    lrs.postStatement(voiding);
    posted.add(voiding.id());
    CoverageItData.await(
        Duration.ofMinutes(2),
        "the projector has handled this test's statements",
        () -> data.handled(posted) >= posted.size() - 1 ? "" : data.handled(posted) + " handled");
    settle();

    try (var admin = new Browser()) {
      admin.logIn(platform, "quantri");
      admin.waitFor(By.id("nav-coverage")).click();
      admin.waitForText(By.id("dashboard-title"), "Trung ương");
      expectMoved(read(admin), centralBefore);
      admin.screenshot("coverage-central-360");
      drillTo(admin, "Thành phố Hà Nội");
      expectMoved(read(admin), hanoiBefore);
      drillTo(admin, "Phường Ba Đình");
      var badinhAfter = read(admin);
      expectMoved(badinhAfter, badinhBefore);
      assertThat(badinhAfter.completedPercent())
          .isEqualTo(percent(badinhAfter.completed(), badinhAfter.people()));

      // The one of the three whose completion was voided is still to be trained.
      var search = admin.waitFor(By.id("untrained:name"));
      search.sendKeys("hoc vien phu song");
      admin.waitForAjax();
      admin.waitForText(By.id("untrained:list"), "Học viên phủ sóng 0");
      var names =
          admin.driver().findElements(By.cssSelector("[id='untrained:list'] a.person-link"));
      assertThat(names).extracting(e -> e.getText()).containsExactly("Học viên phủ sóng 0");

      admin.clickWhenSettled(By.id("exports:export-tracks-csv"));
      var csv = waitForDownload(admin.downloads(), ".csv");
      var bytes = Files.readAllBytes(csv);
      assertThat(bytes[0] & 0xff).as("UTF-8 byte-order mark").isEqualTo(0xEF);
      var lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
      assertThat(lines[0]).startsWith("Chương trình,Đã đăng ký,Đã hoàn thành");
      var payment =
          List.of(lines).stream().filter(l -> l.startsWith("Thanh toán điện tử,")).findFirst();
      assertThat(payment.orElseThrow().split(","))
          .as("enrolled, completed, certified, completed in the period, people")
          .startsWith(
              "Thanh toán điện tử",
              String.valueOf(badinhBefore.enrolled() + 3),
              String.valueOf(badinhBefore.completed() + 2));

      // The list to act on, as Excel: the search typed is part of it.
      admin.clickWhenSettled(By.id("untrained:export-untrained-xlsx"));
      var xlsx = waitForDownload(admin.downloads(), ".xlsx");
      try (var workbook =
          new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
        var sheet = workbook.getSheetAt(0);
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Họ và tên");
        assertThat(sheet.getLastRowNum()).as("one woman to train").isEqualTo(1);
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
            .isEqualTo("Học viên phủ sóng 0");
        assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Phường Ba Đình");
      }

      // She sets the commune's staff training target for the year.
      var target = admin.waitFor(By.id("target:target-value"));
      target.clear();
      target.sendKeys("7");
      admin.clickWhenSettled(By.id("target:save-target"));
      admin.waitForText(By.id("target"), "Đã lưu chỉ tiêu.");
      assertThat(admin.driver().findElement(By.id("staff-target")).getText()).isEqualTo("7");
      fullPage(admin, "coverage-badinh-360-full");
      downloadReport(admin, badinh);

      admin.open(platform.uri("/app/coverage.xhtml?unit=" + central));
      admin.waitFor(By.id("exports:children"));
      fullPage(admin, "coverage-central-360-full");

      // She recomputes every figure from scratch (after confirming): the kept figures were right,
      // so the dashboard shows exactly the same after.
      var kept = read(admin);
      admin.waitForText(By.id("recompute-status"), "Chưa tính lại");
      admin.clickWhenSettled(By.id("recompute:start-recompute"));
      admin.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
      admin.waitForText(By.id("recompute-status"), "Đã tính lại xong");
      assertThat(admin.driver().switchTo().activeElement().getAttribute("id"))
          .as("focus on the live status after confirming, not lost with the disabled button")
          .isEqualTo("recompute-status");
      admin.screenshot("coverage-recomputed-360");
      admin.open(platform.uri("/app/coverage.xhtml?unit=" + central));
      assertThat(read(admin)).isEqualTo(kept);
    }
  }

  /**
   * From the dashboard to the unit's reports: she generates the 6-month report of the last closed
   * half year for Ba Đình and downloads it (issue 7: "walks Central → province → commune dashboards
   * and downloads a report"); the file is the commune's report of that period.
   */
  void downloadReport(Browser admin, long unitId) throws Exception {
    admin.open(platform.uri("/app/reports.xhtml?unit=" + unitId));
    admin.waitForText(By.id("report-unit"), "Phường Ba Đình");
    CoverageReportIT.generate(admin, "SECOND_HALF", "2025");
    admin.waitForText(By.id("reports:messages"), "Đã lập báo cáo");
    admin.clickWhenSettled(By.cssSelector("#reports\\:list a.download-xlsx"));
    var expected = "Báo cáo 6 tháng cuối năm 2025 - Phường Ba Đình.xlsx";
    var file = admin.downloads().resolve(expected);
    var deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (!(Files.exists(file) && Files.size(file) > 0) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(file).as("the report downloaded").exists();
    var lines = CoverageReportIT.xlsxLines(Files.readAllBytes(file));
    assertThat(String.join("\n", lines)).contains("Phường Ba Đình").contains("2025");
  }

  @Test
  void aProvinceOfficerCannotOpenAnotherProvincesDashboard() throws Exception {
    try (var officer = new Browser()) {
      officer.logIn(platform, "canbo.tinh");
      officer.waitFor(By.id("nav-coverage")).click();
      officer.waitForText(By.id("dashboard-title"), "Thành phố Hà Nội");
      assertThat(officer.driver().findElements(By.id("recompute")))
          .as("the recompute is the central admin's")
          .isEmpty();

      var cookie = officer.driver().manage().getCookieNamed("JSESSIONID");
      var client =
          HttpClient.newBuilder()
              // HTTP/1.1 as browsers speak it (the JDK client's h2c upgrade once ended in "EOF").
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      for (var path :
          List.of(
              "/app/coverage.xhtml?unit=" + hue,
              "/app/coverage.xhtml?unit=" + central,
              "/app/coverage.xhtml?unit=999999999")) {
        var response =
            client.send(
                HttpRequest.newBuilder(platform.uri(path))
                    .header("Cookie", "JSESSIONID=" + cookie.getValue())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.body()).as(path).doesNotContain("dashboard-title");
      }
      var own =
          client.send(
              HttpRequest.newBuilder(platform.uri("/app/coverage.xhtml?unit=" + badinh))
                  .header("Cookie", "JSESSIONID=" + cookie.getValue())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(own.statusCode()).isEqualTo(200);
      assertThat(own.body()).contains("Phường Ba Đình");
      var bad =
          client.send(
              HttpRequest.newBuilder(platform.uri("/app/coverage.xhtml?unit=ba-dinh"))
                  .header("Cookie", "JSESSIONID=" + cookie.getValue())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(400);

      officer.open(platform.uri("/app/coverage.xhtml?unit=" + hue));
      assertThat(officer.driver().findElements(By.id("dashboard-title"))).isEmpty();
      assertThat(officer.driver().getPageSource()).doesNotContain("Thành phố Huế");
    }
  }

  /** The whole page at 360 px wide, for a look at the layout (Chrome DevTools protocol). */
  private static void fullPage(Browser browser, String name) throws Exception {
    var chrome = (org.openqa.selenium.chrome.ChromeDriver) browser.driver();
    var metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of());
    var size = (java.util.Map<?, ?>) metrics.get("cssContentSize");
    var shot =
        chrome.executeCdpCommand(
            "Page.captureScreenshot",
            java.util.Map.of(
                "captureBeyondViewport",
                true,
                "clip",
                java.util.Map.of(
                    "x",
                    0,
                    "y",
                    0,
                    "width",
                    size.get("width"),
                    "height",
                    size.get("height"),
                    "scale",
                    1)));
    var target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
    Files.write(target, java.util.Base64.getDecoder().decode((String) shot.get("data")));
  }

  private static void expectMoved(Shown after, Shown before) {
    assertThat(after.people()).as("three new people").isEqualTo(before.people() + 3);
    assertThat(after.enrolled()).as("three enrolments").isEqualTo(before.enrolled() + 3);
    assertThat(after.completed())
        .as("three completions, one voided")
        .isEqualTo(before.completed() + 2);
  }

  private static String percent(long part, long whole) {
    return String.valueOf(Math.round(1000.0 * part / whole) / 10.0) + "%";
  }

  private static Shown open(Browser browser, long unit) {
    browser.open(platform.uri("/app/coverage.xhtml?unit=" + unit));
    return read(browser);
  }

  private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d[\\d.,]*)");

  private static Shown read(Browser browser) {
    var headcount = browser.waitFor(By.id("headcount")).getText();
    var matcher = FIRST_NUMBER.matcher(headcount);
    assertThat(matcher.find()).as(headcount).isTrue();
    long people = Long.parseLong(matcher.group(1).replaceAll("[.,]", ""));
    var row = browser.driver().findElement(By.id("track-ELECTRONIC_PAYMENT"));
    var cells = row.findElements(By.cssSelector("td .count"));
    return new Shown(
        people,
        Long.parseLong(cells.get(0).getText()),
        Long.parseLong(cells.get(1).getText()),
        row.findElement(By.cssSelector("td.completed .pct")).getText());
  }

  private static void drillTo(Browser browser, String unitName) {
    browser.clickWhenSettled(
        By.xpath("//table//a[contains(@class,'drill')][normalize-space()='" + unitName + "']"));
    browser.waitForText(By.id("dashboard-title"), unitName);
  }

  /** A statement the projector ignores, posted and waited for: all stored before it is counted. */
  private static void settle() throws Exception {
    var marker = UUID.randomUUID();
    lrs.postStatement(
        Statement.parse(
            "{\"id\":\""
                + marker
                + "\",\"actor\":{\"mbox\":\"mailto:moc@hocso.vn\"},\"verb\":{\"id\":"
                + "\"http://adlnet.gov/expapi/verbs/attended\"},\"object\":{\"id\":"
                + "\"https://hocso.vn/xapi/activities/marker\"}}"));
    CoverageItData.await(
        Duration.ofMinutes(2),
        "the projector reached the marker",
        () -> data.handled(List.of(marker)) == 1 ? "" : "not yet");
  }

  record Course(long id, String iri) {}

  private static Course paymentCourse() throws SQLException {
    try (var connection = data.connect();
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select c.id, c.activity_iri from course c join course_version v on v.course_id"
                    + " = c.id where v.status = 'PUBLISHED' and v.track = 'ELECTRONIC_PAYMENT'"
                    + " order by c.id limit 1")) {
      assertThat(rows.next()).as("the demo curriculum has a payment course").isTrue();
      return new Course(rows.getLong(1), rows.getString(2));
    }
  }

  private static long unit(String sql) throws Exception {
    CoverageItData.await(
        Duration.ofMinutes(2),
        "the tree is seeded",
        () -> {
          try (var connection = data.connect();
              var statement = connection.createStatement();
              var rows = statement.executeQuery(sql)) {
            return rows.next() ? "" : "no unit yet";
          }
        });
    try (var connection = data.connect();
        var statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Path waitForDownload(Path folder, String suffix) throws Exception {
    var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try (var files = Files.list(folder)) {
        var done = files.filter(f -> f.toString().endsWith(suffix)).findFirst();
        if (done.isPresent() && Files.size(done.get()) > 0) {
          return done.get();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Nothing ending in " + suffix + " downloaded into " + folder);
  }
}
