package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.hocso.xapi.client.model.Statement;

/**
 * The LRS goes away in the middle of a course (a proxy between the LMS and the LRS is cut): the
 * learner finishes the course all the same, her progress never going backwards, and readiness stays
 * UP while saying the LRS is unreachable and how many statements wait. The platform is then stopped
 * and started again on the same database with the LRS still away: the waiting statements survived.
 * When the LRS is back, every statement arrives, in order, once. Its own platform, whose LMS
 * reaches its LRS only through the proxy.
 */
class LrsOutageLearningIT {

  private static final Pattern BACKLOG =
      Pattern.compile("\"name\":\"lrs-connection\"[^}]*\"waitingStatements\":\"?(\\d+)");

  @Test
  void statementsQueuedWhileTheLrsIsAwaySurviveARestartAndArriveOnceInOrder() throws Exception {
    var database = SharedPlatform.DATABASE + "_outage";
    MariaDbDatabases.recreate(database);
    try (var proxy = new TcpProxy()) {
      proxy.start();
      var environment = new HashMap<>(MariaDbDatabases.platformEnvironment(database, database));
      environment.put("LRS_BOOTSTRAP_KEY", SharedPlatform.LRS_KEY);
      environment.put("LRS_BOOTSTRAP_SECRET", SharedPlatform.LRS_SECRET);
      var lrsThroughProxy = "http://localhost:" + proxy.port() + "/xapi/";
      environment.put("HOCSO_LRS_URL", lrsThroughProxy);
      var data = Path.of(System.getProperty("hocso.platform.data", "target/it-data"), database);
      var expected = LearnerJourney.expectedStatements();
      List<Statement> whileAway;
      long waiting;
      // The LRS being unreachable does not keep the LMS from being ready: start() waits for UP.
      try (var platform = PlatformProcess.start(data, environment)) {
        proxy.forwardTo(platform.uri("/").getPort());
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
          journey.retry();
          assertThat(journey.attempt(true)).contains("100%");
          assertThat(browser.waitFor(By.id("course-completed")).isDisplayed()).isTrue();
          browser.open(platform.uri("/app/my-learning.xhtml"));
          assertThat(browser.waitFor(By.cssSelector(".my-course .course-status")).getText())
              .contains("100%");
          browser.waitFor(By.id("account-logout")).click();
          browser.waitFor(By.id("login:username")); // the logout reached the server
        }
        whileAway =
            LearnerJourney.statements(lrs, LearnerJourney.registration(lrs), 0); // cut: stable
        assertThat(whileAway.size()).isLessThan(expected.size()).isGreaterThanOrEqualTo(3);

        // Ready, and honest about it: the LRS named as unreachable, the statements waiting.
        waiting = awaitBacklog(platform, expected.size() - whileAway.size());
        var ready = platform.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body())
            .contains("\"lrsConnection\":\"DEGRADED\"")
            .contains("LRS at " + lrsThroughProxy + " unavailable");
        var live = platform.get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"name\":\"statement-delivery\",\"status\":\"UP\"");
      } // stopped like Ctrl-C with the statements still queued

      try (var platform = PlatformProcess.start(data, environment)) {
        // The LRS is still away: what the new process finds in its queue is what the old one left.
        assertThat(awaitBacklog(platform, waiting)).isEqualTo(waiting);
        var lrs = LearnerJourney.lrs(platform);
        var registration = LearnerJourney.registration(lrs);
        assertThat(LearnerJourney.statements(lrs, registration, 0)).isEqualTo(whileAway);

        proxy.forwardTo(platform.uri("/").getPort());
        proxy.start();
        LearnerJourney.statements(lrs, registration, expected.size());
        Thread.sleep(2_000); // anything sent twice would arrive by now
        var statements = LearnerJourney.statements(lrs, registration, expected.size());

        // Exactly the expected list: a statement sent twice under a new id would add an entry (the
        // LRS keeps one row per id, so counting ids could never fail).
        assertThat(statements.stream().map(LearnerJourney::describe).toList())
            .containsExactlyElementsOf(expected);
        assertThat(statements.subList(0, whileAway.size())).isEqualTo(whileAway);
        awaitBacklog(platform, 0);
        assertThat(platform.get("/health/ready").body()).contains("\"lrsConnection\":\"UP\"");
      }
    }
  }

  /**
   * Waits until readiness counts at least {@code atLeast} waiting statements (or none, for 0; the
   * worker counts every 5 s) and returns the count.
   */
  private static long awaitBacklog(PlatformProcess platform, long atLeast) throws Exception {
    var body = new String[1];
    var count =
        LearnerJourney.waitFor(
            () -> {
              try {
                body[0] = platform.get("/health/ready").body();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              var matcher = BACKLOG.matcher(body[0]);
              return matcher.find() ? Long.parseLong(matcher.group(1)) : -1L;
            },
            counted -> atLeast == 0 ? counted == 0 : counted >= atLeast);
    assertThat(count).as("backlog in readiness: %s", body[0]).isNotNegative();
    if (atLeast == 0) {
      assertThat(count).as("backlog in readiness: %s", body[0]).isZero();
    } else {
      assertThat(count).as("backlog in readiness: %s", body[0]).isGreaterThanOrEqualTo(atLeast);
    }
    return count;
  }

  private static void stop(TcpProxy proxy) {
    try {
      proxy.stop();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
