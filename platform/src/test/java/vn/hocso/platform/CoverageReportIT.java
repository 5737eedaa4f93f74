package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.model.Statement;

/**
 * The province officer's 6-month report, black box: statements of the second half of 2024 reach the
 * LRS, canbo.tinh generates Hà Nội's report for that closed period on /app/reports.xhtml, downloads
 * the XLSX through the browser and finds the exact figures; the same file comes back byte for byte
 * with private, UTF-8-named headers; another province's report is 404 to her, and the page refuses
 * another province, an open period and a unit id that is not one.
 */
class CoverageReportIT {

  static final String PERIOD_DAY = "2024-09-10T10:00:00+07:00";

  @Test
  void theProvinceOfficerGeneratesAndDownloadsHerSixMonthReportButNotAnotherProvinces()
      throws Exception {
    var platform = SharedPlatform.get();
    var lrs =
        XapiClient.builder(platform.uri("/xapi/"))
            .basicAuth(SharedPlatform.LRS_KEY, SharedPlatform.LRS_SECRET)
            .timeout(Duration.ofSeconds(30))
            .build();
    var data = new CoverageItData(SharedPlatform.DATABASE);
    CoverageItData.await(
        Duration.ofMinutes(2),
        "the LMS has its coverage tables",
        () -> data.live(0, 0, "ENROLLED") < 0 ? "migrating" : "");

    long hanoi = single("select id from org_unit where code = '01'");
    String hanoiName = text("select name from org_unit where id = " + hanoi);
    long commune =
        single(
            "select id from org_unit where parent_id = "
                + hanoi
                + " and kind = 'COMMUNE' and valid_to is null order by code desc limit 1");
    long other =
        single(
            "select id from org_unit where kind = 'PROVINCE' and code <> '01' order by code limit 1");
    var course = course();

    // Four people of a Hà Nội commune since 2024 (two members); in September 2024 three enrol,
    // two complete, one earns the certificate.
    var people = addPeople(commune, 4);
    var statements = new ArrayList<Statement>();
    for (int i = 0; i < 3; i++) {
      statements.add(statement("http://adlnet.gov/expapi/verbs/registered", people.get(i), course));
    }
    for (int i = 0; i < 2; i++) {
      statements.add(statement("http://adlnet.gov/expapi/verbs/completed", people.get(i), course));
    }
    statements.add(statement("http://id.tincanapi.com/verb/earned", people.get(0), course));
    lrs.postStatements(statements);
    var ids = statements.stream().map(Statement::id).toList();
    CoverageItData.await(
        Duration.ofMinutes(2),
        "the projector has counted the statements",
        () -> data.handled(ids) == ids.size() ? "" : data.handled(ids) + " of " + ids.size());

    // Another IT's reorganisation, if any, reaches the counters first (a freeze waits for it).
    CoverageItData.await(
        Duration.ofMinutes(1),
        "no reorganisation is waiting for the projector",
        () -> single("select count(*) from cov_change") == 0 ? "" : "pending");

    // The denominator, counted here from the membership history: Hà Nội's people on 31/12/2024.
    long denominator = peopleOn(hanoi, "2024-12-31", false);
    long members = peopleOn(hanoi, "2024-12-31", true);
    assertThat(denominator).isGreaterThanOrEqualTo(4);

    try (var officer = new Browser();
        var admin = new Browser()) {
      officer.logIn(platform, "canbo.tinh");
      officer.open(platform.uri("/app/reports.xhtml?unit=" + hanoi));
      officer.waitForText(By.id("report-unit"), hanoiName);
      // The period running now cannot be reported: a form message says why.
      generate(officer, "SECOND_HALF", "2026");
      officer.waitForText(By.id("reports:messages"), "chưa kết thúc");
      generate(officer, "SECOND_HALF", "2024");
      officer.waitForText(By.id("reports:messages"), "Đã lập báo cáo");
      officer.screenshot("coverage-report-generated");
      assertThat(officer.driver().findElement(By.id("reports:list")).getText())
          .contains("6 tháng cuối năm 2024")
          .contains("canbo.tinh");

      officer.clickWhenSettled(By.cssSelector("#reports\\:list a.download-xlsx"));
      var xlsx = waitForDownload(officer.downloads(), ".xlsx");
      assertThat(xlsx.getFileName().toString())
          .isEqualTo("Báo cáo 6 tháng cuối năm 2024 - " + hanoiName + ".xlsx");
      var lines = xlsxLines(Files.readAllBytes(xlsx));
      assertThat(lines)
          .contains(
              "BÁO CÁO KẾT QUẢ BỒI DƯỠNG KỸ NĂNG SỐ 6 THÁNG CUỐI NĂM 2024",
              "Đơn vị: " + hanoiName,
              "Kỳ báo cáo: 6 tháng cuối năm 2024 (01/07/2024 – 31/12/2024)",
              course.trackName() + "|Đăng ký học|3|3|" + denominator + "|" + share(3, denominator),
              course.trackName() + "|Hoàn thành|2|2|" + denominator + "|" + share(2, denominator),
              course.trackName()
                  + "|Được cấp chứng nhận|1|1|"
                  + denominator
                  + "|"
                  + share(1, denominator));
      assertThat(lines)
          .anyMatch(
              line -> line.startsWith("Số liệu chốt ngày 31/12/2024; đóng băng (frozen) lúc"));
      int section = lines.indexOf(course.section());
      assertThat(section).as("the track's section").isPositive();
      var totalRow =
          "Tổng cộng: "
              + hanoiName
              + "|"
              + denominator
              + "|"
              + members
              + "|3|"
              + share(3, denominator)
              + "|2|"
              + share(2, denominator)
              + "|1|"
              + share(1, denominator);
      assertThat(lines.subList(section, lines.size())).contains(totalRow);

      // The same bytes again, over HTTP with her session, with the headers of private data.
      var href =
          officer
              .driver()
              .findElement(By.cssSelector("#reports\\:list a.download-xlsx"))
              .getAttribute("href");
      var path = java.net.URI.create(href).getPath();
      var session = officer.driver().manage().getCookieNamed("JSESSIONID").getValue();
      var again = get(platform, path, session);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).isEqualTo(Files.readAllBytes(xlsx));
      assertThat(again.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      assertThat(again.headers().firstValue("Content-Disposition").orElse(""))
          .startsWith("attachment;")
          .contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%206%20th%C3%A1ng");
      assertThat(again.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
      var pdf = get(platform, path.replace(".xlsx", ".pdf"), session);
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");

      // Another province's report: the central admin makes it; to her it does not exist.
      admin.logIn(platform, "quantri");
      admin.open(platform.uri("/app/reports.xhtml?unit=" + other));
      generate(admin, "SECOND_HALF", "2024");
      admin.waitForText(By.id("reports:messages"), "Đã lập báo cáo");
      var otherPath =
          java.net
              .URI
              .create(
                  admin
                      .driver()
                      .findElement(By.cssSelector("#reports\\:list a.download-xlsx"))
                      .getAttribute("href"))
              .getPath();
      var adminSession = admin.driver().manage().getCookieNamed("JSESSIONID").getValue();
      assertThat(get(platform, otherPath, adminSession).statusCode())
          .as("the admin's download")
          .isEqualTo(200);
      assertThat(get(platform, otherPath, session).statusCode())
          .as("another province's report, to the Hà Nội officer")
          .isEqualTo(404);
      assertThat(get(platform, otherPath.replace(".xlsx", ".pdf"), session).statusCode())
          .isEqualTo(404);

      // The page refuses another province and an id that is not one, with a form message.
      officer.open(platform.uri("/app/reports.xhtml?unit=" + other));
      officer.waitForText(By.id("reports:messages"), "ngoài phạm vi");
      assertThat(officer.driver().findElements(By.id("reports:generate"))).isEmpty();
      officer.open(platform.uri("/app/reports.xhtml?unit=abc"));
      officer.waitForText(By.id("reports:messages"), "không phải là mã đơn vị");
      officer.open(platform.uri("/app/reports.xhtml?unit=" + hanoi + "&period=2024-Q3"));
      officer.waitForText(By.id("reports:messages"), "không phải là kỳ báo cáo");
    }
  }

  static void generate(Browser browser, String span, String year) {
    browser.waitForAjax();
    new Select(browser.waitFor(By.id("reports:span"))).selectByValue(span);
    var input = browser.driver().findElement(By.id("reports:year"));
    input.clear();
    input.sendKeys(year);
    browser.clickWhenSettled(By.id("reports:generate"));
    browser.waitForAjax();
  }

  /** The first course and its track, with the report's wording for the track. */
  record Course(long id, String iri, String track) {
    String trackName() {
      return switch (track) {
        case "ELECTRONIC_PAYMENT" -> "Thanh toán điện tử";
        case "E_COMMERCE" -> "Thương mại điện tử";
        case "ONLINE_PUBLIC_SERVICES" -> "Dịch vụ công trực tuyến";
        default -> "Công tác Hội";
      };
    }

    String section() {
      int number =
          List.of("ELECTRONIC_PAYMENT", "E_COMMERCE", "ONLINE_PUBLIC_SERVICES", "UNION_WORK")
                  .indexOf(track)
              + 1;
      return "II." + number + ". " + trackName() + " (lũy kế đến cuối kỳ)";
    }
  }

  private static Course course() throws SQLException {
    try (var connection = database();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "select c.id, c.activity_iri, v.track from course c join course_version v"
                        + " on v.course_id = c.id order by c.id, v.version_number desc limit 1")) {
      rows.next();
      return new Course(rows.getLong(1), rows.getString(2), rows.getString(3));
    }
  }

  private static Statement statement(String verb, String account, Course course) {
    var id = UUID.randomUUID();
    boolean earned = verb.endsWith("/earned");
    var object =
        earned
            ? "https://hocso.vn/xapi/activities/certificate/it" + id.toString().substring(0, 8)
            : course.iri();
    var context =
        earned
            ? "{\"contextActivities\":{\"grouping\":[{\"id\":\"" + course.iri() + "\"}]}}"
            : "{\"registration\":\"" + UUID.randomUUID() + "\"}";
    return Statement.parse(
        "{\"id\":\""
            + id
            + "\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":"
            + "\"https://hocso.vn\",\"name\":\""
            + account
            + "\"}},\"verb\":{\"id\":\""
            + verb
            + "\"},\"object\":{\"objectType\":\"Activity\",\"id\":\""
            + object
            + "\"},\"context\":"
            + context
            + ",\"timestamp\":\""
            + PERIOD_DAY
            + "\"}");
  }

  /** People homed in the unit since 1 January 2024, the first two members. */
  private static List<String> addPeople(long unit, int count) throws SQLException {
    var accounts = new ArrayList<String>();
    try (var connection = database();
        var person =
            connection.prepareStatement(
                "insert into person (id, full_name, search_name, is_member, is_trainer,"
                    + " xapi_account, home_unit_id, revision) values (?, ?, ?, ?, false, ?, ?, 1)");
        var membership =
            connection.prepareStatement(
                "insert into person_membership (id, person_id, unit_id, valid_from)"
                    + " values (?, ?, ?, '2024-01-01')")) {
      long base = 800_000_000L + (System.nanoTime() % 1_000_000) * 100;
      for (int i = 0; i < count; i++) {
        var account = UUID.randomUUID().toString();
        person.setLong(1, base + i);
        person.setString(2, "Học viên báo cáo " + i);
        person.setString(3, "hoc vien bao cao " + i);
        person.setBoolean(4, i < 2);
        person.setString(5, account);
        person.setLong(6, unit);
        person.executeUpdate();
        membership.setLong(1, base + i);
        membership.setLong(2, base + i);
        membership.setLong(3, unit);
        membership.executeUpdate();
        CoverageItData.countInHeadcounts(connection, base + i, base + i, unit, "2024-01-01", i < 2);
        accounts.add(account);
      }
    }
    return accounts;
  }

  /** People (or members) homed in the unit's subtree on that day, by a recursive query. */
  private static long peopleOn(long unit, String day, boolean membersOnly) throws SQLException {
    return single(
        "with recursive tree (id) as (select id from org_unit where id = "
            + unit
            + " union all select u.id from org_unit u join tree t on u.parent_id = t.id)"
            + " select count(*) from person_membership m join person p on p.id = m.person_id"
            + " where m.unit_id in (select id from tree) and m.valid_from <= '"
            + day
            + "' and (m.valid_to is null or m.valid_to > '"
            + day
            + "')"
            + (membersOnly ? " and p.is_member = true" : ""));
  }

  /** A share as the XLSX holds it: percent with one decimal. */
  private static String share(long numerator, long denominator) {
    return String.format(Locale.ROOT, "%.1f", Math.round(1000.0 * numerator / denominator) / 10.0);
  }

  private static HttpResponse<byte[]> get(PlatformProcess platform, String path, String session)
      throws Exception {
    return HttpClient.newBuilder()
        // HTTP/1.1 as browsers speak it (the JDK client's h2c upgrade once ended in "EOF").
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()
        .send(
            HttpRequest.newBuilder(platform.uri(path))
                .header("Cookie", "JSESSIONID=" + session)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Path waitForDownload(Path folder, String extension) throws Exception {
    var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try (var files = Files.list(folder)) {
        var done = files.filter(f -> f.toString().endsWith(extension)).findFirst();
        if (done.isPresent() && Files.size(done.get()) > 0) {
          return done.get();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("No " + extension + " downloaded into " + folder);
  }

  /** Each row of the first sheet as its cells joined by "|": counts bare, shares with 1 decimal. */
  static List<String> xlsxLines(byte[] bytes) throws Exception {
    var lines = new ArrayList<String>();
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      for (var row : workbook.getSheetAt(0)) {
        var cells = new ArrayList<String>();
        for (var cell : row) {
          if (cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            cells.add(
                cell.getCellStyle().getDataFormatString().equals("General")
                    ? Long.toString((long) value)
                    : String.format(Locale.ROOT, "%.1f", value));
          } else {
            cells.add(cell.getStringCellValue());
          }
        }
        lines.add(String.join("|", cells));
      }
    }
    return lines;
  }

  private static Connection database() throws SQLException {
    var name = SharedPlatform.DATABASE;
    return DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + name, name, name);
  }

  private static long single(String sql) throws SQLException {
    try (var connection = database();
        var rows = connection.createStatement().executeQuery(sql)) {
      assertThat(rows.next()).as(sql).isTrue();
      return rows.getLong(1);
    }
  }

  private static String text(String sql) throws SQLException {
    try (var connection = database();
        var rows = connection.createStatement().executeQuery(sql)) {
      assertThat(rows.next()).as(sql).isTrue();
      return rows.getString(1);
    }
  }
}
