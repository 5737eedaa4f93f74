package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The LRS goes away in the middle of a course (a proxy between the LMS and the LRS is cut): the
 * learner finishes the course all the same, her progress never going backwards; when the LRS is
 * back, every statement arrives, in order, once. Its own platform, whose LMS reaches its LRS only
 * through the proxy.
 */
class LrsOutageLearningIT {

  @Test
  void aLearnerFinishesWhileTheLrsIsAwayAndEveryStatementArrivesOnceInOrder() throws Exception {
    var database = SharedPlatform.DATABASE + "_outage";
    MariaDbDatabases.recreate(database);
    try (var proxy = new TcpProxy()) {
      proxy.start();
      var environment = new HashMap<>(MariaDbDatabases.platformEnvironment(database, database));
      environment.put("LRS_BOOTSTRAP_KEY", SharedPlatform.LRS_KEY);
      environment.put("LRS_BOOTSTRAP_SECRET", SharedPlatform.LRS_SECRET);
      environment.put("HOCSO_LRS_URL", "http://localhost:" + proxy.port() + "/xapi/");
      var data = Path.of(System.getProperty("hocso.platform.data", "target/it-data"), database);
      try (var platform = PlatformProcess.startAnswering(data, environment)) {
        proxy.forwardTo(platform.uri("/").getPort());
        awaitUp(platform);
        var lrs = LearnerJourney.lrs(platform); // straight to the LRS, not through the proxy
        try (var browser = new Browser()) {
          browser.logIn(platform, "hocvien");
          var journey = new LearnerJourney(browser, platform);
          journey.searchAndEnrol();
          var lessons = new int[] {0};
          journey.lessonsToQuiz(
              () -> {
                if (++lessons[0] == 3) {
                  stop(proxy); // in the middle of the course: lessons 3 and 4, the quiz, offline
                }
              });
          assertThat(journey.attempt(false)).contains("chưa đạt");
          browser.driver().findElement(By.id("attempt:retry")).click();
          assertThat(journey.attempt(true)).contains("100%");
          assertThat(browser.waitFor(By.id("course-completed")).isDisplayed()).isTrue();
          browser.open(platform.uri("/app/my-learning.xhtml"));
          assertThat(browser.waitFor(By.cssSelector(".my-course .course-status")).getText())
              .contains("100%");
          browser.waitFor(By.id("account-logout")).click();
          browser.waitForUrlContaining("/");
        }
        var registration = LearnerJourney.registration(lrs);
        var expected = LearnerJourney.expectedStatements();
        Thread.sleep(3_000);
        var whileAway = LearnerJourney.statements(lrs, registration, 0);
        assertThat(whileAway.size()).isLessThan(expected.size()).isGreaterThanOrEqualTo(3);

        proxy.start();
        var statements = LearnerJourney.statements(lrs, registration, expected.size());
        Thread.sleep(2_000); // anything sent twice would arrive by now
        statements = LearnerJourney.statements(lrs, registration, expected.size());

        // Exactly the expected list: a statement sent twice under a new id would add an entry (the
        // LRS keeps one row per id, so counting ids could never fail).
        assertThat(statements.stream().map(LearnerJourney::describe).toList())
            .containsExactlyElementsOf(expected);
        assertThat(statements.subList(0, whileAway.size())).isEqualTo(whileAway);
      }
    }
  }

  private static void stop(TcpProxy proxy) {
    try {
      proxy.stop();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitUp(PlatformProcess platform) throws Exception {
    var deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      var health = platform.get("/health/ready");
      if (health.statusCode() == 200 && health.body().startsWith("{\"status\":\"UP\"")) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("Platform not UP behind the proxy");
  }
}
