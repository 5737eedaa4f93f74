package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;

/**
 * The quiz page when it no longer speaks for her: a woman opens the VietQR quiz in two tabs of one
 * login session and finishes the attempt in the second; the first tab's answer is refused in
 * Vietnamese with a way to load the page again, and nothing of it reaches the LRS. Loaded again,
 * the page answers and goes on to the next question without JavaScript too. Then her session ends
 * while the page is open: the next answer says the page expired and offers the reload link, focused
 * and reachable with the keyboard, instead of asking her to press again.
 */
class QuizPageIT {

  @Test
  void aStaleTabIsRefusedAndAnExpiredPageOffersToReload() throws Exception {
    var platform = SharedPlatform.get();
    var started = Instant.now();
    var phone = Learners.newPhone("095");
    var password = "mat-khau-hai-the";
    try (var browser = new Browser()) {
      Learners.register(platform, browser, "Đỗ Thị Hai Thẻ " + phone.substring(6), phone, password);
    }
    var questions = LearnerJourney.questions();
    try (var browser = new Browser()) {
      browser.logIn(platform, phone, password);
      var journey = new LearnerJourney(browser, platform);
      journey.searchAndEnrol();
      journey.lessonsToQuiz(() -> {});
      var quizUrl = browser.driver().getCurrentUrl();
      var firstTab = browser.driver().getWindowHandle();

      // The second tab finishes attempt 1 (every answer wrong).
      browser.driver().switchTo().newWindow(WindowType.TAB);
      browser.driver().get(quizUrl);
      assertThat(journey.attempt(false)).contains("chưa đạt");

      // The first tab, still at question 1 of attempt 1: refused, nothing sent, reload offered.
      browser.driver().switchTo().window(firstTab);
      journey.answer(questions.get(0), true);
      browser.driver().findElement(By.id("attempt:check")).click();
      var refusal = browser.waitFor(By.id("refusal"));
      assertThat(refusal.getText()).startsWith("Trang bài kiểm tra này đã cũ");
      assertThat(journey.focused()).as("focus on the refusal").isEqualTo("refusal");
      assertThat(browser.driver().findElements(By.id("verdict"))).isEmpty();
      assertThat(browser.driver().findElements(By.id("attempt:check"))).isEmpty();
      var reload = browser.waitFor(By.id("attempt:reload"));
      assertThat(reload.getText()).isEqualTo("Tải lại trang");

      // Loaded again: attempt 2 of 3, answered as usual.
      browser.clickToLoad(By.id("attempt:reload"));
      assertThat(browser.waitFor(By.id("quiz-rules")).getText()).contains("Đã làm 1 trên 3");
      browser.waitForExactText(By.id("question-prompt"), questions.get(0).getString("prompt"));

      // Without JavaScript, "check" and "next question" post the page: the next question, already
      // in hand after the check, is shown by the post, none skipped.
      journey.answer(questions.get(0), true);
      browser.postWithoutScripts("attempt:check");
      assertThat(browser.waitFor(By.id("verdict")).getText()).isEqualTo("Đúng rồi!");
      assertThat(browser.driver().findElement(By.id("question-prompt")).isDisplayed()).isFalse();
      browser.postWithoutScripts("attempt:next");
      browser.waitForExactText(By.id("question-prompt"), questions.get(1).getString("prompt"));
      assertThat(browser.driver().findElements(By.id("verdict"))).isEmpty();
      assertThat(browser.driver().findElements(By.id("marked-prompt"))).isEmpty();

      // Her session ends with the page open (the login page would answer the ajax post).
      browser.driver().manage().deleteAllCookies();
      ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript(
              "window.testEvents = [];"
                  + " faces.ajax.addOnEvent(function (d) { window.testEvents.push(d.status + ' '"
                  + " + d.responseCode + ' ' + String(d.responseText).substring(0, 700)); });"
                  + " faces.ajax.addOnError(function (d) { window.testEvents.push('error ' + d.status"
                  + " + ' ' + d.responseCode + ' ' + d.description); });"
                  + " window.addEventListener('error', function (e) {"
                  + " window.testEvents.push('script error ' + e.message); });");
      journey.answer(questions.get(1), true);
      browser.driver().findElement(By.id("attempt:check")).click();
      var outcome = afterTheClick(browser);
      assertThat(outcome).as("what the page shows after the answer").isEqualTo("expired");
      var expired = browser.waitFor(By.id("quiz-expired"));
      assertThat(expired.getText()).startsWith("Trang đã hết hạn");
      assertThat(expired.getAttribute("role")).isEqualTo("alert");
      assertThat(journey.focused()).as("focus on the expired notice").isEqualTo("quiz-expired");
      assertThat(browser.driver().findElement(By.id("quiz-send-failed")).isDisplayed()).isFalse();
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
      assertThat(journey.focused()).as("Tab from the notice").isEqualTo("attempt:quiz-reload");
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      browser.waitFor(By.id("login:username")); // the page again, behind her login
    }

    // The LRS holds attempt 1 of the second tab (8 answers and its failed) and the first answer of
    // attempt 2, posted without JavaScript; none of the stale first tab.
    var lrs = LearnerJourney.lrs(platform);
    var registration = LearnerJourney.registrations(lrs, started, 1).get(0);
    // registered, launched, initialized, lessons, attempt 1, attempt 2's first answer
    var expected = 3 + 4 + questions.size() + 1 + 1;
    LearnerJourney.statements(lrs, registration, expected);
    Thread.sleep(2_000); // a statement of the stale tab would arrive by now
    var stored = LearnerJourney.statements(lrs, registration, expected);
    assertThat(stored.stream().map(LearnerJourney::describe))
        .filteredOn(s -> s.startsWith("answered"))
        .hasSize(questions.size() + 1);
    assertThat(stored.stream().map(LearnerJourney::describe))
        .contains("failed quiz/bai-kiem-tra-vietqr")
        .doesNotContain("passed quiz/bai-kiem-tra-vietqr");
  }

  /** What the page shows once the answer's request is over: a notice, a verdict or another page. */
  private static String afterTheClick(Browser browser) throws InterruptedException {
    var driver = browser.driver();
    var deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (!driver.getCurrentUrl().contains("/app/quiz.xhtml")) {
          return "another page: " + driver.getCurrentUrl();
        }
        for (var id : new String[] {"quiz-expired", "quiz-send-failed", "verdict"}) {
          var found = driver.findElements(By.id(id));
          if (!found.isEmpty() && found.get(0).isDisplayed()) {
            return id.equals("quiz-expired") ? "expired" : id + ": " + found.get(0).getText();
          }
        }
      } catch (org.openqa.selenium.WebDriverException e) {
        // the page was being replaced: look again
      }
      Thread.sleep(250);
    }
    return "nothing after 20 s on "
        + driver.getCurrentUrl()
        + ", ajax: "
        + ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript("return window.testEvents;")
        + ", title: "
        + driver.getTitle()
        + ", cookies: "
        + driver.manage().getCookies();
  }
}
