package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The platform as `./hocso run` starts it: the embedded H2 database in the data folder, no MySQL,
 * no Kafka. What it stores survives a restart, and the demo data is loaded only once.
 */
class EmbeddedDefaultIT {

  @Test
  void keepsItsDataAcrossARestart() throws Exception {
    var data = emptyFolder("embedded");

    try (var first = PlatformProcess.start(data, Map.of())) {
      assertThat(first.get("/xapi/about").statusCode()).isEqualTo(200);
    }
    // Stopped: add a course behind the platform's back, straight into its H2 file.
    try (var connection =
            DriverManager.getConnection(
                "jdbc:h2:file:" + data.toAbsolutePath() + "/db/hocso", "hocso", "hocso");
        var statement = connection.createStatement()) {
      statement.execute(
          "insert into course (id, activity_iri, title, summary, track, estimated_minutes,"
              + " published) values (900001, 'https://hocso.vn/xapi/activities/course/khoi-dong-lai',"
              + " 'Khóa học sau khi khởi động lại', 'Vẫn còn đây.', 'E_COMMERCE', 5, true)");
    }

    try (var second = PlatformProcess.start(data, Map.of());
        var browser = new Browser()) {
      browser.open(second.uri("/login.xhtml"));
      browser.waitFor(By.id("login:username")).sendKeys("hocvien");
      browser.driver().findElement(By.id("login:password")).sendKeys("hocso-demo");
      browser.driver().findElement(By.id("login:submit")).click();
      browser.waitForUrlContaining("/app/courses.xhtml");

      var titles =
          browser.driver().findElements(By.cssSelector(".course-card h2")).stream()
              .map(element -> element.getText())
              .toList();
      assertThat(titles).contains("Khóa học sau khi khởi động lại");
      assertThat(titles).doesNotHaveDuplicates().hasSize(5);
    }
  }

  static Path emptyFolder(String name) throws Exception {
    var folder = Path.of(System.getProperty("hocso.platform.data", "target/it-data"), name);
    if (Files.exists(folder)) {
      try (var paths = Files.walk(folder)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    return Files.createDirectories(folder);
  }
}
