package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A commune officer imports members from a spreadsheet: problems first, then all at once. */
class PeopleImportPageIT {

  static PlatformProcess platform;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    platform = SharedPlatform.get();
    browser = new Browser();
    browser.logIn(platform, "canbo.xa");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void showsEveryProblemThenAddsEveryoneOnceTheFileIsFixed() throws Exception {
    var header = "Họ và tên,Năm sinh,Số điện thoại,Mã xã,Chi hội,Hội viên\n";
    var bad =
        write(
            "bad.csv",
            header
                + "Nguyễn Thị Nhập,1985,0977000001,00004,Chi hội Tổ dân phố 2,có\n"
                + "Trần Thị Sai,1990,0977,00004,,có\n"
                + "Lê Thị Xa,1980,,19753,,có\n");

    browser.waitFor(By.id("nav-import")).click();
    browser.waitFor(By.id("upload:file")).sendKeys(bad.toString());
    browser.driver().findElement(By.id("upload:check")).click();

    browser.waitForText(By.id("summary"), "3 dòng, 2 lỗi");
    var problems = browser.driver().findElement(By.id("result:problems")).getText();
    assertThat(problems).contains("Số điện thoại").contains("ngoài phạm vi");
    assertThat(browser.driver().findElements(By.id("result:commit"))).isEmpty();

    var good =
        write(
            "good.csv",
            header
                + "Nguyễn Thị Nhập,1985,0977000001,00004,Chi hội Tổ dân phố 2,có\n"
                + "Trần Thị Sửa,1990,0977000002,00013,,có\n");
    browser.waitFor(By.id("upload:file")).sendKeys(good.toString());
    browser.driver().findElement(By.id("upload:check")).click();
    browser.waitForText(By.id("summary"), "2 dòng, 0 lỗi");
    browser.screenshot("import-360");
    browser.driver().findElement(By.id("result:commit")).click();
    browser.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();

    browser.waitForText(By.id("added"), "Đã thêm 2 người.");
  }

  private static Path write(String name, String content) throws Exception {
    var folder = Files.createDirectories(Path.of("target", "import-files").toAbsolutePath());
    return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
  }
}
