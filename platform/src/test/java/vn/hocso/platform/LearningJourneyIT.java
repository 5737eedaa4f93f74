package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A learner on a 360 × 740 phone: finds the VietQR course typing without diacritics, enrols, goes
 * through the four lessons, fails the quiz, tries again and passes, sees the course completed and
 * her certificate valid on its public page, and logs out. The LRS then holds exactly the statements
 * of docs/XAPI-PROFILE.md for that journey: one per event, all under her registration, none twice.
 */
class LearningJourneyIT {

  @Test
  void aLearnerCompletesTheVietQrCourseAndTheLrsHoldsExactlyHerStatements() throws Exception {
    var platform = SharedPlatform.get();
    try (var browser = new Browser()) {
      browser.logIn(platform, "hocvien");
      var journey = new LearnerJourney(browser, platform);
      journey.searchAndEnrol();
      browser.screenshot("learning-lesson-360");
      journey.lessonsToQuiz(() -> {});

      var failed = journey.attempt(false);
      assertThat(failed).contains("0%").contains("chưa đạt");
      browser.screenshot("learning-quiz-failed-360");
      browser.driver().findElement(By.id("attempt:retry")).click();
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
      browser.waitFor(By.id("account-logout")).click();
      browser.waitForUrlContaining("/");
    }

    var lrs = LearnerJourney.lrs(platform);
    var registration = LearnerJourney.registration(lrs);
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
  }
}
