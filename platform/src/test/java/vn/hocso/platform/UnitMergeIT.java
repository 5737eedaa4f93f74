package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import vn.hocso.xapi.client.StatementQuery;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.model.Agent;

/**
 * Issue 4's acceptance, end to end on the shared platform: two communes of Đà Nẵng with learners
 * who enrolled and completed a course (statements in the LRS, counted by the projector) are merged
 * through the unit page. Afterwards the merged commune holds all their people, each woman's
 * membership history shows both communes, her statements are still in the LRS, the merged commune
 * counts everyone's learning, and the province and Central count exactly what they did before.
 */
class UnitMergeIT {

  private static final String TODAY =
      LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))
          .format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

  @Test
  void mergingTwoCommunesKeepsTheirPeopleTheirLearningAndTheCounts() throws Exception {
    var platform = SharedPlatform.get();
    var lrs =
        XapiClient.builder(platform.uri("/xapi/"))
            .basicAuth(SharedPlatform.LRS_KEY, SharedPlatform.LRS_SECRET)
            .timeout(Duration.ofSeconds(30))
            .build();
    var data = new CoverageItData(SharedPlatform.DATABASE);
    var place = data.place();
    long haiVan = unitId(data, "20194"); // Phường Hải Vân, Đà Nẵng: merged away
    long lienChieu = unitId(data, "20197"); // Phường Liên Chiểu: what remains
    long daNang = unitId(data, "48");
    long course = place.courseId();
    CoverageItData.await(
        Duration.ofMinutes(2),
        "the LMS has its coverage tables",
        () -> data.live(place.central(), course, "ENROLLED") < 0 ? "migrating" : "");
    long provinceEnrolled = data.live(daNang, course, "ENROLLED");
    long provinceCompleted = data.live(daNang, course, "COMPLETED");
    long centralEnrolled = data.live(place.central(), course, "ENROLLED");
    long centralCompleted = data.live(place.central(), course, "COMPLETED");
    long haiVanPeople = count(data, "select count(*) from person where home_unit_id = " + haiVan);
    long lienChieuPeople =
        count(data, "select count(*) from person where home_unit_id = " + lienChieu);

    // Three women of Hải Vân enrol and two complete; two of Liên Chiểu enrol and one completes.
    var fromHaiVan = data.addPeople(haiVan, 3);
    var fromLienChieu = data.addPeople(lienChieu, 2);
    var posted = new ArrayList<UUID>();
    posted.addAll(learn(lrs, place, fromHaiVan, 2));
    posted.addAll(learn(lrs, place, fromLienChieu, 1));
    CoverageItData.await(
        Duration.ofMinutes(2),
        "the projector has counted every statement",
        () -> data.handled(posted) == posted.size() ? "" : data.handled(posted) + " handled");
    assertThat(data.live(haiVan, course, "ENROLLED")).isEqualTo(3);
    assertThat(data.live(haiVan, course, "COMPLETED")).isEqualTo(2);
    assertThat(data.live(lienChieu, course, "ENROLLED")).isEqualTo(2);
    assertThat(data.live(lienChieu, course, "COMPLETED")).isEqualTo(1);
    assertThat(data.live(daNang, course, "ENROLLED")).isEqualTo(provinceEnrolled + 5);
    assertThat(data.live(daNang, course, "COMPLETED")).isEqualTo(provinceCompleted + 3);

    // The central admin merges Hải Vân into Liên Chiểu today, after seeing who moves.
    try (var admin = new Browser()) {
      admin.logIn(platform, "quantri");
      admin.open(platform.uri("/app/unit.xhtml?id=" + lienChieu));
      admin.waitFor(By.cssSelector("#merge-section summary")).click();
      admin.waitFor(By.id("merge:sources_input")).sendKeys("hai van");
      admin
          .waitFor(
              By.xpath(
                  "//li[contains(@class,'ui-autocomplete-item')][contains(., 'Phường Hải Vân')]"))
          .click();
      ((JavascriptExecutor) admin.driver())
          .executeScript("document.getElementById('merge:on_input').value = arguments[0];", TODAY);
      admin.driver().findElement(By.id("merge:preview")).click();
      admin.waitForText(By.id("merge-impact"), "Phường Hải Vân: " + (haiVanPeople + 3) + " người");
      // At 360 × 740 (Browser's window) the page with the dialog open does not scroll sideways.
      var widths =
          (String)
              ((JavascriptExecutor) admin.driver())
                  .executeScript(
                      "var e = document.documentElement; return e.scrollWidth + ' ' + e.clientWidth;");
      var scroll = widths.split(" ");
      assertThat(Integer.parseInt(scroll[0]))
          .as("scrollWidth of the unit page with the merge dialog open (clientWidth %s)", scroll[1])
          .isLessThanOrEqualTo(Integer.parseInt(scroll[1]));
      admin.driver().findElement(By.id("merge:yes")).click();
      admin.waitForText(By.id("feedback"), "Đã sáp nhập.");
      admin.waitForText(By.id("predecessors"), "Phường Hải Vân");
    }

    // Everyone is now in Liên Chiểu, with her membership history; Hải Vân is closed.
    assertThat(count(data, "select count(*) from person where home_unit_id = " + lienChieu))
        .isEqualTo(lienChieuPeople + haiVanPeople + 5);
    assertThat(count(data, "select count(*) from person where home_unit_id = " + haiVan)).isZero();
    assertThat(
            count(
                data,
                "select count(*) from org_unit where id = " + haiVan + " and valid_to is not null"))
        .isEqualTo(1);
    for (var account : fromHaiVan) {
      assertThat(
              count(
                  data,
                  "select count(*) from person_membership m join person p on p.id = m.person_id"
                      + " where p.xapi_account = '"
                      + account
                      + "' and m.unit_id in ("
                      + haiVan
                      + ", "
                      + lienChieu
                      + ")"))
          .as("her memberships: Hải Vân, then Liên Chiểu")
          .isEqualTo(2);
    }

    // Her learning history is untouched: the LRS still answers with her statements.
    var first =
        lrs.queryStatements(
            StatementQuery.builder()
                .agent(Agent.account("https://hocso.vn", fromHaiVan.get(0)))
                .build());
    assertThat(first.statements()).hasSize(2);

    // The merged commune counts all five women; the province and Central did not move.
    CoverageItData.await(
        Duration.ofMinutes(2),
        "the counters follow the merge",
        () -> {
          var wrong = new StringBuilder();
          expect(wrong, "Liên Chiểu enrolled", data.live(lienChieu, course, "ENROLLED"), 5);
          expect(wrong, "Liên Chiểu completed", data.live(lienChieu, course, "COMPLETED"), 3);
          expect(wrong, "Hải Vân enrolled", data.live(haiVan, course, "ENROLLED"), 0);
          expect(wrong, "Hải Vân completed", data.live(haiVan, course, "COMPLETED"), 0);
          return wrong.toString();
        });
    assertThat(data.live(daNang, course, "ENROLLED")).isEqualTo(provinceEnrolled + 5);
    assertThat(data.live(daNang, course, "COMPLETED")).isEqualTo(provinceCompleted + 3);
    assertThat(data.live(place.central(), course, "ENROLLED")).isEqualTo(centralEnrolled + 5);
    assertThat(data.live(place.central(), course, "COMPLETED")).isEqualTo(centralCompleted + 3);
  }

  /** Each learner enrols; the first {@code completing} of them complete. */
  private static List<UUID> learn(
      XapiClient lrs, CoverageItData.Place place, List<String> learners, int completing) {
    var ids = new ArrayList<UUID>();
    for (int i = 0; i < learners.size(); i++) {
      var statements =
          new ArrayList<>(
              List.of(
                  CoverageItData.course(
                      UUID.randomUUID(), "registered", learners.get(i), place.courseIri())));
      if (i < completing) {
        statements.add(
            CoverageItData.course(
                UUID.randomUUID(), "completed", learners.get(i), place.courseIri()));
      }
      lrs.postStatements(statements);
      statements.forEach(s -> ids.add(s.id()));
    }
    return ids;
  }

  private static void expect(StringBuilder wrong, String what, long seen, long expected) {
    if (seen != expected) {
      wrong.append(what).append(' ').append(seen).append(" ≠ ").append(expected).append("; ");
    }
  }

  private static long unitId(CoverageItData data, String code) throws SQLException {
    return count(data, "select id from org_unit where code = '" + code + "' and valid_to is null");
  }

  private static long count(CoverageItData data, String sql) throws SQLException {
    try (var connection = data.connect();
        var rows = connection.createStatement().executeQuery(sql)) {
      assertThat(rows.next()).as(sql).isTrue();
      return rows.getLong(1);
    }
  }
}
