package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import vn.hocso.xapi.client.StatementQuery;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.model.Statement;

/**
 * A learner's way through the seeded VietQR course in the browser (4 lessons, then a quiz of 8
 * questions, 3 attempts, pass at 80%), and the statements that must follow from it in the LRS.
 */
final class LearnerJourney {

  static final String SLUG = "thanh-toan-bang-ma-vietqr";
  static final String COURSE_IRI = "https://hocso.vn/xapi/activities/course/" + SLUG;
  static final String VIETQR = "Thanh toán và nhận tiền bằng mã VietQR";
  static final String ADL = "http://adlnet.gov/expapi/verbs/";
  static final String CERTIFICATE_PREFIX = "https://hocso.vn/xapi/activities/certificate/";

  /** The verb and object (relative to the course) of each statement of the journey, in order. */
  static List<String> expectedStatements() {
    var expected = new ArrayList<String>();
    expected.add("registered course");
    expected.add("launched course");
    expected.add("initialized course");
    for (var lesson :
        List.of(
            "vietqr-la-gi",
            "quet-ma-de-tra-tien",
            "ma-qr-nhan-tien-cua-chi",
            "kiem-tra-tien-da-ve")) {
      expected.add("experienced lesson/" + lesson);
    }
    var questions = questions();
    for (var q : questions) {
      expected.add("answered question/" + q.getString("key"));
    }
    expected.add("failed quiz/bai-kiem-tra-vietqr");
    for (var q : questions) {
      expected.add("answered question/" + q.getString("key"));
    }
    expected.add("passed quiz/bai-kiem-tra-vietqr");
    expected.add("passed course");
    expected.add("completed course");
    expected.add("satisfied course");
    expected.add("earned certificate");
    expected.add("terminated course");
    return expected;
  }

  /** "verb object" of a statement, the object relative to the course. */
  static String describe(Statement statement) {
    var verb = statement.verb().id();
    var object = ((vn.hocso.xapi.client.model.Activity) statement.object()).id();
    if (object.startsWith(CERTIFICATE_PREFIX)) {
      return verb.substring(verb.lastIndexOf('/') + 1) + " certificate";
    }
    var what = object.equals(COURSE_IRI) ? "course" : object.substring(COURSE_IRI.length() + 1);
    return verb.substring(verb.lastIndexOf('/') + 1) + " " + what;
  }

  private final Browser browser;
  private final PlatformProcess platform;

  LearnerJourney(Browser browser, PlatformProcess platform) {
    this.browser = browser;
    this.platform = platform;
  }

  /** Finds the course by typing without diacritics, opens it and enrols. */
  void searchAndEnrol() throws Exception {
    browser.open(platform.uri("/app/catalogue.xhtml"));
    browser.waitFor(By.id("catalogue:query")).sendKeys("thanh toan ma qr");
    browser.waitFor(By.linkText(VIETQR));
    browser.clickWhenSettled(By.linkText(VIETQR));
    browser.clickToLoad(By.id("enrol:enrol-button"));
    browser.waitForUrlContaining("/app/learn.xhtml");
    assertThat(browser.waitFor(By.id("lesson-title")).getText()).isNotBlank();
  }

  /** From the lesson in hand, "next" through the lessons to the quiz. */
  void lessonsToQuiz(Runnable afterEachLesson) {
    while (true) {
      browser.waitFor(By.id("lesson-title"));
      afterEachLesson.run();
      var toQuiz = browser.waitFor(By.id("next")).getAttribute("href").contains("/app/quiz.xhtml");
      browser.clickToLoad(By.id("next"));
      if (toQuiz) {
        browser.waitFor(By.id("quiz-title"));
        return;
      }
    }
  }

  /**
   * One attempt, every answer right or every answer wrong; returns the score line. Checking updates
   * the page in place and going to the next question makes no request at all: the quiz page must
   * not load again.
   */
  String attempt(boolean right) {
    var loads = browser.documentLoads();
    var questions = questions();
    var usedBefore = attemptsUsed();
    for (int i = 0; i < questions.size(); i++) {
      var question = questions.get(i);
      browser.waitForExactText(By.id("question-prompt"), question.getString("prompt"));
      answer(question, right);
      if (i == 0) {
        // A double click: the second post (queued by faces.js with the same fields) names question
        // 1, marked already, and must not become the answer to question 2, now in hand.
        var requests = browser.requestsSinceLoad();
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeScript(
                "var check = document.getElementById('attempt:check'); check.click(); check.click();");
        try {
          waitFor(browser::requestsSinceLoad, sent -> sent >= requests + 2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      } else {
        browser.driver().findElement(By.id("attempt:check")).click();
      }
      var verdict = browser.waitFor(By.id("verdict")).getText();
      assertThat(verdict).isEqualTo(right ? "Đúng rồi!" : "Chưa đúng.");
      assertThat(focused()).as("focus after checking").isEqualTo("attempt:feedback");
      assertThat(browser.driver().findElement(By.id("quiz-send-failed")).isDisplayed())
          .as("the send-failed message after an answer went through")
          .isFalse();
      assertThat(attemptsUsed())
          .as("attempts used in the rules line after question " + (i + 1))
          .isEqualTo(i < questions.size() - 1 ? usedBefore : usedBefore + 1);
      assertThat(browser.driver().findElement(By.id("marked-prompt")).getText())
          .as("the question marked, shown with its feedback")
          .isEqualTo(question.getString("prompt"));
      if (i < questions.size() - 1) {
        assertThat(browser.driver().findElement(By.id("question-prompt")).isDisplayed())
            .as("the next question, hidden until she goes on")
            .isFalse();
        var requests = browser.requestsSinceLoad();
        if (i == 1) {
          // With the keyboard: Tab from the feedback reaches "next question", Enter presses it.
          new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
          assertThat(focused()).as("Tab from the feedback").isEqualTo("attempt:next");
          new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        } else {
          browser.driver().findElement(By.id("attempt:next")).click();
        }
        browser.waitForExactText(
            By.id("question-prompt"), questions.get(i + 1).getString("prompt"));
        assertThat(focused()).as("focus on the next question").isEqualTo("question-legend");
        // The check's answer brought the next question along: showing it asks the server nothing.
        assertThat(browser.requestsSinceLoad())
            .as("requests for the next question after question " + (i + 1))
            .isEqualTo(requests);
      }
    }
    var score = browser.waitFor(By.id("score")).getText();
    assertThat(browser.documentLoads()).as("pages loaded while answering").isEqualTo(loads);
    return score;
  }

  /**
   * "Check" pressed while the phone has no connection: the page says so in Vietnamese (an alert,
   * focused), not silently; the next request that goes out takes the message away.
   */
  void checkWhileOffline() {
    browser.waitFor(By.id("question-prompt"));
    browser.offline(true);
    try {
      browser.driver().findElement(By.id("attempt:check")).click();
      var failed = browser.waitFor(By.id("quiz-send-failed"));
      assertThat(failed.getText()).startsWith("Chưa gửi được câu trả lời");
      assertThat(failed.getAttribute("role")).isEqualTo("alert");
      assertThat(focused())
          .as("focus after a check that could not be sent")
          .isEqualTo("quiz-send-failed");
      assertThat(browser.driver().findElements(By.id("verdict"))).isEmpty();
    } finally {
      browser.offline(false);
    }
  }

  /** The N of "Đã làm N trên 3 lần." in the quiz's rules line. */
  private int attemptsUsed() {
    var rules = browser.driver().findElement(By.id("quiz-rules")).getText();
    var matcher = java.util.regex.Pattern.compile("Đã làm (\\d+) trên").matcher(rules);
    assertThat(matcher.find()).as("attempts in the rules line: " + rules).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  /** Starts another attempt: the page loads again with its first question. */
  void retry() {
    browser.clickToLoad(By.id("attempt:retry"));
    browser.waitForExactText(By.id("question-prompt"), questions().get(0).getString("prompt"));
  }

  String focused() {
    return String.valueOf(
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeScript("return document.activeElement && document.activeElement.id;"));
  }

  void answer(JsonObject question, boolean right) {
    var options = question.getJsonArray("options");
    var keys = new ArrayList<String>();
    options.forEach(o -> keys.add(o.asJsonObject().getString("key")));
    switch (question.getString("kind")) {
      case "ORDERING" -> {
        var order = new ArrayList<>(keys);
        if (!right) {
          java.util.Collections.reverse(order);
        }
        var selects = browser.driver().findElements(By.cssSelector("select[id$=':position']"));
        for (int i = 0; i < selects.size(); i++) {
          new Select(selects.get(i)).selectByValue(order.get(i));
        }
      }
      case "MULTIPLE_CHOICE" -> {
        for (var o : options) {
          var option = o.asJsonObject();
          var correct = option.getBoolean("correct", false);
          if (right ? correct : !correct) {
            click("input[name='attempt:many'][value='" + option.getString("key") + "']");
            if (!right) {
              break;
            }
          }
        }
      }
      default -> {
        for (var o : options) {
          var option = o.asJsonObject();
          if (option.getBoolean("correct", false) == right) {
            click("input[name='attempt:single'][value='" + option.getString("key") + "']");
            break;
          }
        }
      }
    }
  }

  private void click(String css) {
    browser.driver().findElement(By.cssSelector(css)).click();
  }

  /** The quiz's questions as the course package has them (with their right answers). */
  static List<JsonObject> questions() {
    var file =
        Path.of("..", "lms-web", "src", "main", "resources", "curriculum", SLUG, "course.json");
    try (var reader = Json.createReader(Files.newBufferedReader(file))) {
      var modules = reader.readObject().getJsonObject("course").getJsonArray("modules");
      var quiz = modules.getJsonObject(modules.size() - 1).getJsonObject("quiz");
      return quiz.getJsonArray("questions").getValuesAs(JsonObject.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An LRS client with the test's bootstrap credentials. */
  static XapiClient lrs(PlatformProcess platform) {
    return XapiClient.builder(platform.uri("/xapi/"))
        .basicAuth(SharedPlatform.LRS_KEY, SharedPlatform.LRS_SECRET)
        .build();
  }

  /** The registration of the one enrolment in the course the LRS knows of. */
  static UUID registration(XapiClient lrs) throws InterruptedException {
    var registrations = registrations(lrs, Instant.EPOCH, 1);
    assertThat(registrations).hasSize(1);
    return registrations.get(0);
  }

  /**
   * The registrations of enrolments in the course stored since {@code since}, oldest first, once
   * {@code count} are there (on the shared platform other tests enrol in the same course).
   */
  static List<UUID> registrations(XapiClient lrs, Instant since, int count)
      throws InterruptedException {
    var registered =
        waitFor(
            () ->
                lrs.streamStatements(
                        StatementQuery.builder()
                            .verb(ADL + "registered")
                            .activity(COURSE_IRI)
                            .since(since)
                            .ascending(true)
                            .build())
                    .toList(),
            list -> list.size() >= count);
    return registered.stream().map(s -> s.context().registration()).toList();
  }

  /** Her statements of that registration, oldest stored first, once {@code count} are there. */
  static List<Statement> statements(XapiClient lrs, UUID registration, int count)
      throws InterruptedException {
    return waitFor(
        () ->
            lrs.streamStatements(
                    StatementQuery.builder().registration(registration).ascending(true).build())
                .toList(),
        list -> list.size() >= count);
  }

  static <T> T waitFor(Supplier<T> read, java.util.function.Predicate<T> done)
      throws InterruptedException {
    var deadline = Instant.now().plus(Duration.ofSeconds(60));
    T value = read.get();
    while (!done.test(value) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      value = read.get();
    }
    return value;
  }
}
