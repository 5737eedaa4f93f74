package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A province officer imports people from an Excel file (XLSX) and finds them on the people page:
 * filtered, paged, downloaded as Excel; a commune officer of the same province sees only hers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeoplePageIT {

  static final int PEOPLE = 60;

  static PlatformProcess platform;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    platform = SharedPlatform.get();
    browser = new Browser();
    browser.logIn(platform, "canbo.tinh");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void previewsAnXlsxFileThenAddsEveryoneOnceFixed() throws Exception {
    var bad = workbook("bad.xlsx", "19xx");
    browser.waitFor(By.id("nav-import")).click();
    browser.waitFor(By.id("upload:file")).sendKeys(bad.toString());
    browser.driver().findElement(By.id("upload:check")).click();

    browser.waitForText(By.id("summary"), PEOPLE + " dòng, 1 lỗi");
    assertThat(browser.driver().findElement(By.id("result:problems")).getText())
        .contains("Năm sinh")
        .contains("Năm sinh phải là số");
    assertThat(browser.driver().findElements(By.id("result:commit"))).isEmpty();

    var good = workbook("good.xlsx", "1990");
    browser.waitFor(By.id("upload:file")).sendKeys(good.toString());
    browser.driver().findElement(By.id("upload:check")).click();
    browser.waitForText(By.id("summary"), PEOPLE + " dòng, 0 lỗi");
    browser.driver().findElement(By.id("result:commit")).click();
    browser.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
    browser.waitForText(By.id("added"), "Đã thêm " + PEOPLE + " người.");
  }

  @Test
  @Order(2)
  void filtersIgnoringDiacriticsAndPages() throws Exception {
    browser.waitFor(By.id("nav-people")).click();
    browser.waitFor(By.id("people:name")).sendKeys("pham thi kiem thu");
    browser.waitForText(By.id("people:count"), "Có " + PEOPLE + " người.");
    browser.waitForText(By.id("people:table"), "Phạm Thị Kiểm Thử 01");
    browser.screenshot("people-360");

    browser.waitForAjax(); // a late filter update would put the table back on page 1
    browser.driver().findElement(By.cssSelector("#people\\:table .ui-paginator-next")).click();
    browser.waitForText(By.id("people:table"), "Phạm Thị Kiểm Thử 26");
    assertThat(browser.driver().findElement(By.id("people:table")).getText())
        .doesNotContain("Phạm Thị Kiểm Thử 01");
  }

  @Test
  @Order(3)
  void downloadsTheFilteredListAsAValidXlsx() throws Exception {
    browser.driver().findElement(By.id("people:export")).click();

    var file =
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
            .until(
                driver -> {
                  try (var files = Files.list(browser.downloads())) {
                    return files
                        .filter(f -> f.getFileName().toString().endsWith(".xlsx"))
                        .findFirst()
                        .orElse(null);
                  } catch (java.io.IOException e) {
                    return null;
                  }
                });
    try (var workbook = new XSSFWorkbook(Files.newInputStream(file))) {
      var sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Họ và tên");
      var names = new ArrayList<String>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        names.add(sheet.getRow(r).getCell(0).getStringCellValue());
      }
      assertThat(names).hasSize(PEOPLE).allMatch(name -> name.startsWith("Phạm Thị Kiểm Thử"));
      assertThat(sheet.getRow(1).getCell(2).getStringCellValue())
          .as("the phone keeps its leading zero")
          .startsWith("0");
    }
  }

  @Test
  @Order(4)
  void aCommuneOfficerSeesOnlyHerCommune() throws Exception {
    try (var officer = new Browser()) {
      officer.logIn(platform, "canbo.xa");
      officer.waitFor(By.id("nav-people")).click();
      officer.waitFor(By.id("people:name")).sendKeys("kiem thu");
      officer.waitForText(By.id("people:count"), "Có " + PEOPLE / 2 + " người.");
      assertThat(officer.driver().findElement(By.id("people:table")).getText())
          .contains("Phường Ba Đình")
          .doesNotContain("Phường Hoàn Kiếm");
    }
  }

  /** Half in Ba Đình (00004), half in Hoàn Kiếm (00070); phones typed as numbers, as Excel does. */
  private static Path workbook(String name, String yearOfRow10) throws Exception {
    var folder = Files.createDirectories(Path.of("target", "import-files").toAbsolutePath());
    var file = folder.resolve(name);
    try (var workbook = new XSSFWorkbook()) {
      var sheet = workbook.createSheet("Danh sách");
      var header = sheet.createRow(0);
      var titles = new String[] {"Họ và tên", "Năm sinh", "Số điện thoại", "Mã xã", "Hội viên"};
      for (int c = 0; c < titles.length; c++) {
        header.createCell(c).setCellValue(titles[c]);
      }
      for (int i = 1; i <= PEOPLE; i++) {
        var row = sheet.createRow(i);
        row.createCell(0).setCellValue(String.format("Phạm Thị Kiểm Thử %02d", i));
        if (i == 10) {
          row.createCell(1).setCellValue(yearOfRow10);
        } else {
          row.createCell(1).setCellValue(1960 + i % 40);
        }
        row.createCell(2).setCellValue(966000000 + i); // Excel dropped the leading 0
        row.createCell(3).setCellValue(i % 2 == 0 ? "00004" : "00070");
        row.createCell(4).setCellValue(i % 3 == 0 ? "không" : "có");
      }
      try (var out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
    return file;
  }
}
