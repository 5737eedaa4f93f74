package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A learner on a 360 × 740 phone: finds the VietQR course typing without diacritics, enrols, goes
 * through the four lessons, fails the quiz, tries again and passes, sees the course completed and
 * her certificate valid on its public page, takes the course again (a new take at 20% after its
 * first lesson, the first take still completed), and logs out. The LRS then holds exactly the
 * statements of docs/XAPI-PROFILE.md for that journey: one per event, all under her registration,
 * none twice. axe-core finds no serious or critical violation in the lesson player and the quiz
 * page (before answering, and with feedback and score shown by its ajax updates).
 */
class LearningJourneyIT {

  @Test
  void aLearnerCompletesTheVietQrCourseAndTheLrsHoldsExactlyHerStatements() throws Exception {
    var platform = SharedPlatform.get();
    var started = java.time.Instant.now();
    try (var browser = new Browser()) {
      browser.logIn(platform, "hocvien");
      var journey = new LearnerJourney(browser, platform);
      journey.searchAndEnrol();
      browser.screenshot("learning-lesson-360");
      var problems = new java.util.ArrayList<String>();
      var lessonChecked = new java.util.concurrent.atomic.AtomicBoolean();
      journey.lessonsToQuiz(
          () -> {
            if (lessonChecked.compareAndSet(false, true)) {
              AccessibilityIT.check(browser, "lesson player", problems);
            }
          });
      AccessibilityIT.check(browser, "quiz page", problems);

      journey.checkWhileOffline();
      var failed = journey.attempt(false);
      assertThat(failed).contains("0%").contains("chưa đạt");
      browser.screenshot("learning-quiz-failed-360");
      AccessibilityIT.check(browser, "quiz page, feedback and score", problems);
      assertThat(problems).as("serious or critical axe violations").isEmpty();
      journey.retry();
      var passed = journey.attempt(true);
      assertThat(passed).contains("100%");
      assertThat(browser.waitFor(By.id("course-completed")).getText()).contains("hoàn thành");
      browser.screenshot("learning-completed-360");

      // Completing issued her certificate; its public verification page says it is valid.
      browser.open(platform.uri("/app/certificates.xhtml"));
      browser.waitForText(By.id("my-certificates"), LearnerJourney.VIETQR);
      browser.driver().findElement(By.cssSelector("#my-certificates a.verify-link")).click();
      browser.waitForText(By.id("status"), "Chứng nhận hợp lệ");

      browser.open(platform.uri("/app/my-learning.xhtml"));
      assertThat(browser.waitFor(By.cssSelector(".my-course .course-status")).getText())
          .contains("100%")
          .contains("Đã hoàn thành");
      browser.open(platform.uri("/app/home.xhtml"));
      assertThat(browser.waitFor(By.id("recommended-heading")).isDisplayed()).isTrue();
      assertThat(browser.driver().findElements(By.linkText(LearnerJourney.VIETQR))).isEmpty();

      // She takes the course again: a new take from nothing done; the first stays completed.
      browser.open(platform.uri("/app/my-learning.xhtml"));
      browser.clickWhenSettled(By.linkText(LearnerJourney.VIETQR));
      browser.waitFor(By.id("retake:retake-button")).click();
      browser.waitForUrlContaining("/app/learn.xhtml");
      assertThat(browser.waitFor(By.id("lesson-title")).getText()).isNotBlank();
      browser.waitFor(By.id("back-to-course")).click();
      assertThat(browser.waitFor(By.id("progress-line")).getText())
          .contains("20%")
          .contains("lần học thứ 2")
          .doesNotContain("Đã hoàn thành");
      browser.open(platform.uri("/app/my-learning.xhtml"));
      var takes = browser.driver().findElements(By.cssSelector(".my-course .course-status"));
      assertThat(takes).hasSize(2);
      assertThat(takes.get(0).getText()).contains("20%");
      assertThat(takes.get(1).getText()).contains("100%").contains("Đã hoàn thành");
      browser.waitFor(By.id("account-logout")).click();
      browser.waitFor(By.id("login:username")); // the logout reached the server
    }

    var lrs = LearnerJourney.lrs(platform);
    var registrations = LearnerJourney.registrations(lrs, started, 2);
    assertThat(registrations).hasSize(2);
    var registration = registrations.get(0);
    var expected = LearnerJourney.expectedStatements();
    LearnerJourney.statements(lrs, registration, expected.size());
    Thread.sleep(2_000); // anything sent twice would arrive by now
    var stored = LearnerJourney.statements(lrs, registration, expected.size());

    // Exactly the expected list: a statement sent twice under a new id would add an entry (the LRS
    // keeps one row per id, so counting ids could never fail).
    assertThat(stored.stream().map(LearnerJourney::describe).toList())
        .containsExactlyElementsOf(expected);
    var actor = stored.get(0).actor();
    assertThat(stored)
        .allSatisfy(
            s -> {
              assertThat(s.context().registration()).isEqualTo(registration);
              assertThat(s.actor()).isEqualTo(actor);
            });
    // The second take: its own registration, the sitting ended by the logout.
    var secondTake = LearnerJourney.statements(lrs, registrations.get(1), 5);
    assertThat(secondTake.stream().map(LearnerJourney::describe).toList())
        .containsExactly(
            "registered course",
            "launched course",
            "initialized course",
            "experienced lesson/vietqr-la-gi",
            "terminated course");
    assertThat(secondTake).allSatisfy(s -> assertThat(s.actor()).isEqualTo(actor));
  }
}
