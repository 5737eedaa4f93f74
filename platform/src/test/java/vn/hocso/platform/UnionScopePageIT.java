package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The UI half of the authorisation matrix (issue 4): a province officer of Hà Nội neither sees nor
 * changes anything of Huế through the pages, whether she opens its URLs or forges the forms of her
 * own pages to name Huế's units and people; each refusal leaves the database as it was. Also: she
 * reorganises her own units with a preview of who moves where, grants and revokes roles, and sorts
 * the people list by clicking its headers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnionScopePageIT {

  static final String HUE_PERSON = "Tôn Nữ Ngoài Tỉnh";
  static final String HANOI_WOMAN = "Đỗ Thị Được Giao";

  static final String TOMORROW =
      java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
          .plusDays(1)
          .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));

  static final String DAY_AFTER =
      java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
          .plusDays(2)
          .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));

  static PlatformProcess platform;
  static Browser officer;
  static long hue;
  static long phuxuan; // a ward of Huế
  static long hanoi;
  static long badinh;

  @BeforeAll
  static void start() throws Exception {
    platform = SharedPlatform.get();
    hue = unitId("46");
    phuxuan = unitId("19753");
    hanoi = unitId("01");
    badinh = unitId("00004");
    // The central admin adds someone to Huế; a woman registers herself in Ba Đình.
    try (var admin = new Browser()) {
      admin.logIn(platform, "quantri");
      importFile(admin, "hue.csv", HUE_PERSON + ",1970,,19753,\n", 1);
    }
    try (var her = new Browser()) {
      register(her, HANOI_WOMAN, "0931" + (100_000 + (int) (Math.random() * 899_999)));
    }
    officer = new Browser();
    officer.logIn(platform, "canbo.tinh");
  }

  @AfterAll
  static void stop() {
    if (officer != null) {
      officer.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Another province: nothing seen, nothing changed.

  @Test
  @Order(1)
  void anotherProvincesUnitPagesAnswerNotFoundAndOfferNoForms() throws Exception {
    for (long unit : new long[] {hue, phuxuan}) {
      officer.open(platform.uri("/app/unit.xhtml?id=" + unit));
      officer.waitFor(By.id("not-found"));
      var page = officer.driver().findElement(By.id("main")).getText();
      assertThat(page).doesNotContain("Huế").doesNotContain("Phú Xuân");
      assertThat(officer.driver().findElements(By.id("reorganisation"))).isEmpty();
    }
    // Her own province: she may create below it, but reorganising it is Central's business.
    officer.open(platform.uri("/app/unit.xhtml?id=" + hanoi));
    officer.waitForText(By.id("unit-name"), "Hà Nội");
    assertThat(officer.driver().findElements(By.id("create-section"))).hasSize(1);
    assertThat(officer.driver().findElements(By.id("rename-section"))).isEmpty();
    assertThat(officer.driver().findElements(By.id("merge-section"))).isEmpty();
    // The unit search does not find Huế's units either.
    officer.waitFor(By.id("nav-units")).click();
    officer.waitFor(By.id("search:query")).sendKeys("phu xuan");
    officer.driver().findElement(By.id("search:go")).click();
    officer.waitForAjax();
    assertThat(officer.driver().findElement(By.id("search:results")).getText())
        .doesNotContain("Phú Xuân")
        .doesNotContain("Huế");
  }

  @Test
  @Order(2)
  void anotherProvincesPeopleListPersonAndExportAreRefused() throws Exception {
    officer.open(platform.uri("/app/people.xhtml?unit=" + hue));
    officer.waitFor(By.id("not-allowed"));
    assertThat(officer.driver().findElements(By.id("people:export"))).isEmpty();
    assertThat(officer.driver().getPageSource()).doesNotContain(HUE_PERSON);

    long person = personId(HUE_PERSON);
    var session = officer.driver().manage().getCookieNamed("JSESSIONID").getValue();
    assertThat(get("/app/person.xhtml?id=" + person, session).statusCode())
        .as("another province's person")
        .isEqualTo(404);
    assertThat(get("/app/person.xhtml?id=" + personId(HANOI_WOMAN), session).statusCode())
        .as("a person of her own province")
        .isEqualTo(200);

    // Her own people page, its export forged to name Huế: no file with Huế's people comes back.
    officer.open(platform.uri("/app/people.xhtml?unit=" + hanoi));
    var export = officer.waitFor(By.id("people:export"));
    retarget(officer, "people", "/app/people.xhtml?unit=" + hue);
    export.click();
    new WebDriverWait(officer.driver(), Duration.ofSeconds(20))
        .until(ExpectedConditions.stalenessOf(export));
    assertThat(officer.driver().getPageSource()).contains("404");
    Thread.sleep(2000); // a download, had there been one, would have been written by now
    try (var files = Files.list(officer.downloads())) {
      assertThat(files.map(Path::getFileName).map(Path::toString).toList())
          .as("files downloaded")
          .noneMatch(name -> name.endsWith(".xlsx") || name.endsWith(".crdownload"));
    }
  }

  @Test
  @Order(3)
  void importingIntoAnotherProvinceIsRefusedRowByRow() throws Exception {
    long before = count("select count(*) from person");
    officer.open(platform.uri("/app/import.xhtml"));
    var file = write("ngoai-tinh.csv", header() + "Lê Thị Vượt Tỉnh,1980,,19753,\n");
    officer.waitFor(By.id("upload:file")).sendKeys(file.toString());
    officer.driver().findElement(By.id("upload:check")).click();
    officer.waitForText(By.id("summary"), "1 dòng, 1 lỗi");
    assertThat(officer.driver().findElement(By.id("result:problems")).getText())
        .contains("ngoài phạm vi");
    assertThat(officer.driver().findElements(By.id("result:commit"))).isEmpty();
    assertThat(count("select count(*) from person")).isEqualTo(before);
  }

  @Test
  @Order(4)
  void forgedReorganisationsOfAnotherProvinceAreRefusedAndChangeNothing() throws Exception {
    var unitsBefore = snapshot("select id, name, parent_id, valid_to from org_unit");
    var eventsBefore = count("select count(*) from unit_event");

    // Rename, posted from her own commune's page to Phú Xuân's address.
    officer.open(platform.uri("/app/unit.xhtml?id=" + badinh));
    officer.waitFor(By.cssSelector("#rename-section summary")).click();
    officer.waitFor(By.id("rename:name")).clear();
    officer.driver().findElement(By.id("rename:name")).sendKeys("Phường Bị Đổi Tên");
    retarget(officer, "rename", "/app/unit.xhtml?id=" + phuxuan);
    officer.driver().findElement(By.id("rename:submit")).click();
    officer.waitForText(By.id("feedback"), "ngoài phạm vi");

    // Move Ba Đình under Huế, the picker's value forged.
    officer.open(platform.uri("/app/unit.xhtml?id=" + badinh));
    officer.waitFor(By.cssSelector("#move-section summary")).click();
    officer.waitFor(By.id("move:target_input"));
    setValue(officer, "move:target_hinput", Long.toString(hue));
    officer.driver().findElement(By.id("move:submit")).click();
    officer.waitForText(By.id("feedback"), "ngoài phạm vi");

    // Merge Phú Xuân into Ba Đình, the picker's value forged: refused at the preview.
    officer.open(platform.uri("/app/unit.xhtml?id=" + badinh));
    officer.waitFor(By.cssSelector("#merge-section summary")).click();
    officer.waitFor(By.id("merge:sources_input"));
    ((JavascriptExecutor) officer.driver())
        .executeScript(
            "var s = document.getElementById('merge:sources_hinput');"
                + "var o = document.createElement('option'); o.value = arguments[0];"
                + " o.selected = true; s.appendChild(o);",
            Long.toString(phuxuan));
    officer.driver().findElement(By.id("merge:preview")).click();
    officer.waitForText(By.id("merge:messages"), "ngoài phạm vi");
    assertThat(officer.driver().findElement(By.id("merge:confirm")).isDisplayed()).isFalse();

    // Close Phú Xuân, posted to its address.
    officer.open(platform.uri("/app/unit.xhtml?id=" + badinh));
    officer.waitFor(By.cssSelector("#close-section summary")).click();
    retarget(officer, "close", "/app/unit.xhtml?id=" + phuxuan);
    officer.waitFor(By.id("close:preview")).click();
    officer.waitForText(By.id("close:messages"), "ngoài phạm vi");

    assertThat(snapshot("select id, name, parent_id, valid_to from org_unit"))
        .isEqualTo(unitsBefore);
    assertThat(count("select count(*) from unit_event")).isEqualTo(eventsBefore);
  }

  @Test
  @Order(5)
  void forgedRoleGrantsOverAnotherProvinceAreRefused() throws Exception {
    long woman = personId(HANOI_WOMAN);
    var grants =
        "select role, scope_unit_id from account_role r join account a on a.id ="
            + " r.account_id where a.person_id = "
            + woman;
    var before = snapshot(grants);

    officer.open(platform.uri("/app/person.xhtml?id=" + woman));
    officer.waitForText(By.id("person-name"), HANOI_WOMAN);
    // She is no central admin: the role is not offered.
    assertThat(officer.driver().findElement(By.id("roles:role_input")).getAttribute("innerHTML"))
        .contains("Cán bộ Hội")
        .doesNotContain("Quản trị Trung ương");
    pick(officer, "roles:role", "Cán bộ Hội");
    officer.waitFor(By.id("roles:unit_input"));
    setValue(officer, "roles:unit_hinput", Long.toString(hue));
    officer.driver().findElement(By.id("roles:grant")).click();
    officer.waitForText(By.id("roles:messages"), "ngoài phạm vi");

    // The same form posted to the address of Huế's person.
    retarget(officer, "roles", "/app/person.xhtml?id=" + personId(HUE_PERSON));
    setValue(officer, "roles:unit_hinput", Long.toString(badinh));
    officer.driver().findElement(By.id("roles:grant")).click();
    officer.waitForAjax();
    assertThat(snapshot(grants)).isEqualTo(before);
    assertThat(
            count(
                "select count(*) from account_role r join account a on a.id = r.account_id"
                    + " join person p on p.id = a.person_id where p.full_name = '"
                    + HUE_PERSON
                    + "'"))
        .isZero();
    assertThat(count("select count(*) from audit_entry where action = 'CHANGED_ROLES'")).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // Her own province: what she may do works.

  @Test
  @Order(6)
  void sheGrantsAndRevokesARoleWithinHerProvinceAndItIsAudited() throws Exception {
    long woman = personId(HANOI_WOMAN);
    officer.open(platform.uri("/app/person.xhtml?id=" + woman));
    officer.waitForText(By.id("person-name"), HANOI_WOMAN);
    pick(officer, "roles:role", "Giảng viên");
    officer.waitFor(By.id("roles:unit_input")).sendKeys("ba dinh");
    officer
        .waitFor(
            By.xpath(
                "//li[contains(@class,'ui-autocomplete-item')][contains(., 'Phường Ba Đình')]"))
        .click();
    officer.driver().findElement(By.id("roles:grant")).click();
    officer.waitForText(By.id("roles:messages"), "Đã giao vai trò.");
    officer.waitForText(By.id("grants"), "Giảng viên — Phường Ba Đình");
    officer.screenshot("person-roles-360");
    assertThat(
            count(
                "select count(*) from account_role r join account a on a.id = r.account_id"
                    + " where a.person_id = "
                    + woman
                    + " and r.role = 'TRAINER' and r.scope_unit_id = "
                    + badinh))
        .isEqualTo(1);

    officer
        .driver()
        .findElement(By.xpath("//li[contains(., 'Giảng viên')]//button[contains(@class,'revoke')]"))
        .click();
    officer.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
    officer.waitForText(By.id("roles:messages"), "Đã thu hồi vai trò.");
    assertThat(
            count(
                "select count(*) from account_role r join account a on a.id = r.account_id"
                    + " where a.person_id = "
                    + woman
                    + " and r.role = 'TRAINER'"))
        .isZero();
    assertThat(
            count(
                "select count(*) from audit_entry where action = 'CHANGED_ROLES'"
                    + " and actor = 'canbo.tinh' and subject_person_id = "
                    + woman))
        .isEqualTo(2);
  }

  @Test
  @Order(7)
  void sheMergesTwoBranchesAfterSeeingWhoMovesAndClosesAnEmptyOne() throws Exception {
    officer.open(platform.uri("/app/unit.xhtml?id=" + badinh));
    for (var name : List.of("Chi hội Thử Ghép A", "Chi hội Thử Ghép B", "Chi hội Thử Giải Thể")) {
      officer.waitFor(By.cssSelector("#create-section summary")).click();
      officer.waitFor(By.id("create:name")).sendKeys(name);
      officer.driver().findElement(By.id("create:submit")).click();
      officer.waitForText(By.id("feedback"), "Đã thành lập đơn vị trực thuộc.");
    }
    officer.waitForText(By.id("sub-units"), "Chi hội Thử Ghép A");
    importFile(
        officer,
        "nhanh-a.csv",
        "Mai Thị Ghép,1981,,00004,Chi hội Thử Ghép A\nLan Thị Ghép,1982,,00004,Chi hội Thử Ghép A\n",
        2);
    long a = unitIdByName("Chi hội Thử Ghép A");
    long b = unitIdByName("Chi hội Thử Ghép B");

    officer.open(platform.uri("/app/unit.xhtml?id=" + b));
    officer.waitFor(By.cssSelector("#merge-section summary")).click();
    officer.waitFor(By.id("merge:sources_input")).sendKeys("thu ghep a");
    officer
        .waitFor(
            By.xpath(
                "//li[contains(@class,'ui-autocomplete-item')][contains(., 'Chi hội Thử Ghép A')]"))
        .click();
    // Tomorrow: people imported today can only move after the day their membership began.
    setValue(officer, "merge:on_input", TOMORROW);
    officer.driver().findElement(By.id("merge:preview")).click();
    officer.waitForText(
        By.id("merge-impact"),
        "Chi hội Thử Ghép A: 2 người và 0 đơn vị trực thuộc chuyển về Chi hội Thử Ghép B.");
    officer.screenshot("merge-confirm-360");
    officer.driver().findElement(By.id("merge:yes")).click();
    officer.waitForText(By.id("feedback"), "Đã sáp nhập.");
    officer.waitForText(By.id("predecessors"), "Chi hội Thử Ghép A");
    assertThat(count("select count(*) from person where home_unit_id = " + b)).isEqualTo(2);
    assertThat(count("select count(*) from org_unit where id = " + a + " and valid_to is not null"))
        .isEqualTo(1);

    // B, now holding both women, splits in two the day after; both women go to the first part.
    officer.waitFor(By.cssSelector("#split-section summary")).click();
    officer.waitFor(By.id("split:part:0:part-name")).sendKeys("Chi hội Thử Tách Một");
    officer.driver().findElement(By.id("split:part:1:part-name")).sendKeys("Chi hội Thử Tách Hai");
    officer.driver().findElement(By.id("split:start")).click();
    officer.waitFor(By.id("split:direct"));
    setValue(officer, "split:on_input", DAY_AFTER);
    officer.driver().findElement(By.id("split:preview")).click();
    officer.waitForText(By.id("split-impact"), "Chi hội Thử Tách Một: nhận 2 người");
    assertThat(officer.driver().findElement(By.id("split-impact")).getText())
        .contains("Chi hội Thử Tách Hai: nhận 0 người và 0 đơn vị trực thuộc.");
    officer.driver().findElement(By.id("split:yes")).click();
    officer.waitForText(By.id("feedback"), "Đã chia tách đơn vị.");
    officer.waitForText(By.id("successors"), "Chi hội Thử Tách Hai");
    assertThat(
            count(
                "select count(*) from person p join org_unit u on u.id = p.home_unit_id"
                    + " where u.name = 'Chi hội Thử Tách Một'"))
        .isEqualTo(2);

    officer.open(platform.uri("/app/unit.xhtml?id=" + b));
    officer.waitFor(By.id("predecessors"));
    officer.driver().findElement(By.linkText("Chi hội Thử Ghép A")).click();
    officer.waitFor(By.id("closed"));
    officer.waitForText(By.id("successors"), "Chi hội Thử Ghép B");

    long empty = unitIdByName("Chi hội Thử Giải Thể");
    officer.open(platform.uri("/app/unit.xhtml?id=" + empty));
    officer.waitFor(By.cssSelector("#close-section summary")).click();
    setValue(officer, "close:on_input", TOMORROW); // not on the day it was created
    officer.waitFor(By.id("close:preview")).click();
    officer.waitForText(By.id("close-impact"), "0 người và 0 đơn vị trực thuộc");
    officer.driver().findElement(By.id("close:yes")).click();
    officer.waitForText(By.id("feedback"), "Đã giải thể đơn vị.");
    officer.waitFor(By.id("closed"));
    assertThat(
            count(
                "select count(*) from org_unit where id = " + empty + " and valid_to is not null"))
        .isEqualTo(1);
  }

  @Test
  @Order(8)
  void thePeopleListSortsByClickingItsHeaders() throws Exception {
    importFile(
        officer,
        "sap-xep.csv",
        "Sắp Thị An,1990,,00070,\nSắp Thị Bình,1970,,00070,\nSắp Thị Cúc,1980,,00070,\n",
        3);
    // At phone width the table reflows into cards without headers; a desktop shows them.
    officer.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    officer.waitFor(By.id("nav-people")).click();
    officer.waitFor(By.id("people:name")).sendKeys("sap thi");
    officer.waitForText(By.id("people:count"), "Có 3 người.");
    officer.waitForAjax();
    assertThat(names()).containsExactly("Sắp Thị An", "Sắp Thị Bình", "Sắp Thị Cúc");

    header("Năm sinh").click();
    waitForNames("Sắp Thị Bình", "Sắp Thị Cúc", "Sắp Thị An");
    header("Năm sinh").click();
    waitForNames("Sắp Thị An", "Sắp Thị Cúc", "Sắp Thị Bình");
    header("Họ và tên").click();
    waitForNames("Sắp Thị An", "Sắp Thị Bình", "Sắp Thị Cúc");
    header("Họ và tên").click();
    waitForNames("Sắp Thị Cúc", "Sắp Thị Bình", "Sắp Thị An");
    officer.screenshot("people-sorted-desktop");
    officer.driver().manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
  }

  @Test
  @Order(9)
  void sheMovesAWomanToAnotherCommuneOfHerProvince() throws Exception {
    long woman = personId(HANOI_WOMAN);
    officer.open(platform.uri("/app/person.xhtml?id=" + woman));
    officer.waitForText(By.id("person-name"), HANOI_WOMAN);
    officer.waitFor(By.id("transfer:unit_input")).sendKeys("hoan kiem");
    officer
        .waitFor(
            By.xpath(
                "//li[contains(@class,'ui-autocomplete-item')][contains(., 'Phường Hoàn Kiếm')]"))
        .click();
    // Tomorrow: she registered today, and a move comes after the day her membership began.
    setValue(officer, "transfer:on_input", TOMORROW);
    officer.driver().findElement(By.id("transfer:submit")).click();
    officer.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
    officer.waitForText(By.id("transfer:messages"), "Đã chuyển sinh hoạt.");
    officer.waitForText(By.id("home-unit"), "Phường Hoàn Kiếm");
    officer.waitForText(By.id("memberships"), "Phường Ba Đình");
    assertThat(
            count(
                "select count(*) from person p join org_unit u on u.id = p.home_unit_id"
                    + " where p.id = "
                    + woman
                    + " and u.code = '00070'"))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from audit_entry where action = 'MOVED_PERSON'"
                    + " and actor = 'canbo.tinh' and subject_person_id = "
                    + woman))
        .isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers.

  private static org.openqa.selenium.WebElement header(String title) {
    return officer
        .driver()
        .findElement(
            By.xpath(
                "//*[@id='people:table']//th[contains(@class,'ui-sortable-column')]"
                    + "[.//span[contains(@class,'ui-column-title')][normalize-space(.)='"
                    + title
                    + "']]"));
  }

  private static void waitForNames(String... expected) throws Exception {
    var seen = new ArrayList<List<String>>();
    try {
      new WebDriverWait(officer.driver(), Duration.ofSeconds(20))
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              driver -> {
                var names = names();
                seen.add(names);
                return names.equals(List.of(expected));
              });
    } catch (org.openqa.selenium.TimeoutException e) {
      officer.screenshot("people-sort-timeout");
      throw new AssertionError(
          "Expected " + List.of(expected) + "; the table showed " + seen.get(seen.size() - 1), e);
    }
  }

  /** The names in the table's rows, in order. */
  private static List<String> names() {
    var names = new ArrayList<String>();
    for (var link :
        officer.driver().findElements(By.cssSelector("[id='people:table'] a.person-link"))) {
      names.add(link.getText().strip());
    }
    return names;
  }

  /** Chooses an option of a PrimeFaces select menu by its label. */
  private static void pick(Browser browser, String id, String label) {
    browser.waitFor(By.id(id)).click();
    browser
        .waitFor(
            By.xpath(
                "//li[contains(@class,'ui-selectonemenu-item')][normalize-space(.)='"
                    + label
                    + "']"))
        .click();
    browser.waitForAjax();
  }

  /** Makes a form post to another address: what a forged request does. */
  private static void retarget(Browser browser, String formId, String path) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "document.getElementById(arguments[0]).action = arguments[1];",
            formId,
            platform.uri(path).toString());
  }

  private static void setValue(Browser browser, String id, String value) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
  }

  private static void importFile(Browser browser, String name, String rows, int added)
      throws Exception {
    var file = write(name, header() + rows);
    browser.waitFor(By.id("nav-import")).click();
    browser.waitFor(By.id("upload:file")).sendKeys(file.toString());
    browser.driver().findElement(By.id("upload:check")).click();
    browser.waitForText(By.id("summary"), added + " dòng, 0 lỗi");
    // The result panel may render once more after the summary shows: click what is there then.
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            driver -> {
              driver.findElement(By.id("result:commit")).click();
              return true;
            });
    browser.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
    browser.waitForText(By.id("added"), "Đã thêm " + added + " người.");
  }

  private static String header() {
    return "Họ và tên,Năm sinh,Số điện thoại,Mã xã,Chi hội\n";
  }

  private static Path write(String name, String content) throws Exception {
    var folder = Files.createDirectories(Path.of("target", "import-files").toAbsolutePath());
    return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
  }

  /** Registers a woman in Phường Ba Đình through the page. */
  private static void register(Browser browser, String name, String phone) {
    browser.open(platform.uri("/register.xhtml"));
    browser.waitFor(By.id("register:fullName")).sendKeys(name);
    browser.driver().findElement(By.id("register:birthYear")).sendKeys("1988");
    browser.driver().findElement(By.id("register:phone")).sendKeys(phone);
    browser.driver().findElement(By.id("register:commune_input")).sendKeys("ba dinh");
    browser
        .waitFor(
            By.xpath(
                "//li[contains(@class,'ui-autocomplete-item')][contains(., 'Phường Ba Đình')]"))
        .click();
    browser.driver().findElement(By.id("register:username")).sendKeys(phone);
    browser.driver().findElement(By.id("register:password")).sendKeys("mat-khau-cua-do");
    browser.driver().findElement(By.id("register:passwordAgain")).sendKeys("mat-khau-cua-do");
    for (var consent : new String[] {"consentLearning", "consentReporting"}) {
      browser
          .driver()
          .findElement(By.cssSelector("[id='register:" + consent + "'] .ui-chkbox-box"))
          .click();
    }
    browser.driver().findElement(By.id("register:submit")).click();
    browser.waitForText(By.id("login"), "Đăng ký thành công");
  }

  private static HttpResponse<String> get(String path, String session) throws Exception {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()
        .send(
            HttpRequest.newBuilder(platform.uri(path))
                .header("Cookie", "JSESSIONID=" + session)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  // The database, read directly: what the pages did or did not write.

  private static Connection database() throws SQLException {
    var name = SharedPlatform.DATABASE;
    return DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + name, name, name);
  }

  private static long count(String sql) throws SQLException {
    try (var connection = database();
        var result = connection.createStatement().executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static List<String> snapshot(String sql) throws SQLException {
    var rows = new ArrayList<String>();
    try (var connection = database();
        var result = connection.createStatement().executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        var row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(result.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    return rows;
  }

  private static long unitId(String code) throws SQLException {
    return count("select id from org_unit where code = '" + code + "'");
  }

  private static long unitIdByName(String name) throws SQLException {
    return count("select id from org_unit where name = '" + name + "'");
  }

  private static long personId(String name) throws SQLException {
    return count("select id from person where full_name = '" + name + "'");
  }
}
