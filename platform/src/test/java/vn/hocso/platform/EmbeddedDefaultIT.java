package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The platform as `./hocso run` starts it: the embedded H2 database in the data folder, no MySQL,
 * no Kafka. What it stores (here a statement in the LRS) survives a restart, and the demo data is
 * loaded only once.
 */
class EmbeddedDefaultIT {

  @Test
  void keepsItsDataAcrossARestart() throws Exception {
    var data = emptyFolder("embedded");
    var credentials =
        Map.of("LRS_BOOTSTRAP_KEY", "restart", "LRS_BOOTSTRAP_SECRET", "restart-secret");
    var statementId = UUID.randomUUID().toString();

    try (var first = PlatformProcess.start(data, credentials)) {
      var stored =
          new StatementRequests(first, "restart", "restart-secret")
              .put(statementId, StatementRequests.statement("khoi-dong-lai"));
      assertThat(stored.statusCode()).isEqualTo(204);
    }

    try (var second = PlatformProcess.start(data, credentials);
        var browser = new Browser()) {
      var read = new StatementRequests(second, "restart", "restart-secret").get(statementId);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.body()).contains(statementId).contains("khoi-dong-lai");

      browser.logIn(second, "hocvien");
      var titles =
          browser.driver().findElements(By.cssSelector(".course-card h2")).stream()
              .map(element -> element.getText())
              .toList();
      // The demo data was loaded once, not again at the second start.
      assertThat(titles).contains("Thanh toán và nhận tiền bằng mã VietQR").doesNotHaveDuplicates();
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
