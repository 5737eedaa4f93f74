package vn.hocso.bench.learners;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * N learners, each with her own account (bench/learners/SeedLearners.java), arriving over the ramp:
 * she opens the login page and signs in, searches the catalogue without diacritics, opens the
 * VietQR course and enrols, reads its four lessons one page at a time, answers the eight questions
 * of the final quiz (each checked, right) and signs out. A reader's pause comes before each page.
 * Every page is a real Faces request: the form's jakarta.faces.ViewState and the session cookie are
 * carried from the previous response. Checking an answer is a Faces ajax request, as the quiz
 * page's button sends it with JavaScript (faces.js), answered by a partial response that updates
 * the question in place and brings the next question along (its prompt, fields and key are read
 * from it); "next question" then shows that question in the browser and sends nothing. Each
 * learner makes 21 xAPI statements (docs/XAPI-PROFILE.md),
 * delivered through the LMS's queue; after the run {@link LrsCount} waits for them in the LRS.
 *
 * <p>Requests: HTML and Faces partial responses only. Static resources are left out: their URLs
 * carry a content version and are cached for a year (web.CacheHeaders), so a returning learner's
 * browser does not ask for them.
 */
public class LearnersSimulation extends Simulation {

  static final Settings SETTINGS = Settings.fromSystemProperties();
  static final QuizKey QUIZ = QuizKey.read(SETTINGS.courseJson());
  static final int STATEMENTS_PER_LEARNER = 21;

  private final Instant started = Instant.now().minusSeconds(1);

  static Iterator<Map<String, Object>> learners() {
    return IntStream.rangeClosed(1, SETTINGS.learners())
        .<Map<String, Object>>mapToObj(
            i -> Map.of("username", String.format("%s%05d", SETTINGS.usernamePrefix(), i)))
        .iterator();
  }

  static CheckBuilder viewState() {
    return css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState");
  }

  static CheckBuilder formAction(String form) {
    return css("form#" + form, "action").saveAs("action");
  }

  static CheckBuilder nextLink() {
    return css("a#next", "href").transform(href -> href.replace("&amp;", "&")).saveAs("next");
  }

  /** The ordering question's selects, named by the page (attempt:…:0:position, …). */
  static CheckBuilder positions() {
    return regex("name=\"(attempt:[^\"]+:position)\"").findAll().optional().saveAs("positions");
  }

  static ChainBuilder think() {
    return pause(SETTINGS.thinkMin(), SETTINGS.thinkMax());
  }

  static List<Map.Entry<String, Object>> answer(Session session, int question) {
    List<String> positions =
        session.contains("positions") ? session.getList("positions") : List.of();
    return QUIZ.questions().get(question).formFields(positions);
  }

  static final ChainBuilder LOG_IN =
      exec(http("login page").get("/login.xhtml").check(formAction("login"), viewState()))
          .exec(think())
          .exec(
              http("log in")
                  .post("#{action}")
                  .formParam("login", "login")
                  .formParam("login:username", "#{username}")
                  .formParam("login:password", SETTINGS.password())
                  .formParam("login:submit", "")
                  .formParam("jakarta.faces.ViewState", "#{viewState}")
                  .check(
                      currentLocationRegex(".*/app/courses\\.xhtml.*"),
                      formAction("catalogue"),
                      viewState()));

  static final ChainBuilder FIND_AND_ENROL =
      exec(think())
          .exec(
              http("search")
                  .post("#{action}")
                  .header("Faces-Request", "partial/ajax")
                  .header("X-Requested-With", "XMLHttpRequest")
                  .formParam("jakarta.faces.partial.ajax", "true")
                  .formParam("jakarta.faces.source", "catalogue:go")
                  .formParam("jakarta.faces.partial.execute", "catalogue")
                  .formParam(
                      "jakarta.faces.partial.render",
                      "catalogue:results catalogue:count catalogue:active")
                  .formParam("catalogue:go", "catalogue:go")
                  .formParam("catalogue", "catalogue")
                  .formParam("catalogue:query", SETTINGS.search())
                  .formParam("catalogue:track", "")
                  .formParam("catalogue:level", "")
                  .formParam("catalogue:duration", "")
                  .formParam("jakarta.faces.ViewState", "#{viewState}")
                  .check(
                      regex(
                              "course\\.xhtml\\?id=(\\d+)\"[^>]*>"
                                  + Pattern.quote(SETTINGS.courseTitle()))
                          .saveAs("courseId")))
          .exec(think())
          .exec(
              http("course page")
                  .get("/app/course.xhtml?id=#{courseId}")
                  .check(form("#enrol").saveAs("enrolForm"), formAction("enrol")))
          .exec(think())
          .exec(
              http("enrol")
                  .post("#{action}")
                  .form("#{enrolForm}")
                  .formParam("enrol:enrol-button", "")
                  .check(
                      currentLocationRegex(".*/app/learn\\.xhtml.*"),
                      css("#lesson-title").exists(),
                      nextLink()));

  static final ChainBuilder LESSONS =
      asLongAs(session -> session.getString("next").contains("/app/learn.xhtml"))
          .on(
              exec(think())
                  .exec(
                      http("lesson")
                          .get("#{next}")
                          .check(css("#lesson-title").exists(), nextLink())));

  /** The view state a Faces partial response carries (it changes with every request). */
  static CheckBuilder partialViewState() {
    return regex("jakarta\\.faces\\.ViewState:\\d+\"><!\\[CDATA\\[([^\\]]+)\\]\\]>")
        .saveAs("viewState");
  }

  /** The verdict of the answer, as the partial response's feedback says it. */
  static CheckBuilder verdict() {
    return regex("id=\"verdict\"><strong>([^<]*)</strong>").is("Đúng rồi!");
  }

  /** The key of the question in hand, which the page's hidden field names with each check. */
  static CheckBuilder answering() {
    return regex("name=\"attempt:answering\" value=\"([^\"]+)\"").saveAs("answering");
  }

  /** The prompt of the question in hand (hidden after a check until she goes on), unescaped. */
  static CheckBuilder.Validate<String> prompt() {
    return regex("id=\"question-prompt\" class=\"question-prompt\">([^<]*)</span>")
        .transform(LearnersSimulation::unescape);
  }

  static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /**
   * A click on a quiz button as Faces' faces.js sends it (f:ajax on the button): the form's fields,
   * then which button, what to execute and what to render; the answer is a partial response.
   */
  static HttpRequestActionBuilder quizAjax(String name, String button, String execute, String render) {
    return http(name)
        .post("#{action}")
        .header("Faces-Request", "partial/ajax")
        .header("X-Requested-With", "XMLHttpRequest")
        .formParam("attempt", "attempt")
        .formParam("jakarta.faces.ViewState", "#{viewState}")
        .formParam("jakarta.faces.source", button)
        .formParam("jakarta.faces.partial.event", "click")
        .formParam("jakarta.faces.partial.execute", execute)
        .formParam("jakarta.faces.partial.render", render)
        .formParam("jakarta.faces.behavior.event", "action")
        .formParam("jakarta.faces.partial.ajax", "true");
  }

  static final String CHECK_RENDER =
      "attempt:question attempt:feedback-area attempt:actions attempt:steps quiz-rules";

  static HttpRequestActionBuilder answerQuestion(java.util.function.Function<Session, Integer> question) {
    return quizAjax("answer", "attempt:check", "attempt:check attempt:in-hand", CHECK_RENDER)
        .formParam("attempt:answering", "#{answering}")
        .formParamSeq(session -> answer(session, question.apply(session)));
  }

  static final ChainBuilder QUIZ_RIGHT_FIRST_TIME =
      exec(think())
          .exec(
              http("quiz page")
                  .get("#{next}")
                  .check(
                      css("#quiz-title").exists(),
                      css("#question-prompt").is(QUIZ.questions().get(0).prompt()),
                      formAction("attempt"),
                      viewState(),
                      positions(),
                      answering()))
          .repeat(QUIZ.questions().size() - 1, "question")
          .on(
              exec(think())
                  .exec(
                      answerQuestion(session -> session.getInt("question"))
                          .check(
                              verdict(),
                              partialViewState(),
                              prompt()
                                  .is(
                                      session ->
                                          QUIZ.questions()
                                              .get(session.getInt("question") + 1)
                                              .prompt()),
                              positions(),
                              answering()))
                  // She reads the feedback and presses "next question": no request (the check
                  // brought the question along); the pause stays, as her reading does.
                  .exec(think()))
          .exec(think())
          .exec(
              answerQuestion(session -> QUIZ.questions().size() - 1)
                  .check(
                      verdict(),
                      regex("id=\"score\"><strong>\\s*([^<]*)")
                          .transform(score -> score.contains("100%"))
                          .is(true),
                      regex("id=\"course-completed\"").exists(),
                      partialViewState()));

  static final ChainBuilder LOG_OUT =
      exec(think())
          .exec(
              http("log out")
                  .post("#{action}")
                  .formParam("account", "account")
                  .formParam("account-logout", "")
                  .formParam("jakarta.faces.ViewState", "#{viewState}")
                  .check(status().is(200), css("form#login").exists()));

  static final ScenarioBuilder LEARNER =
      scenario("learner")
          .feed(learners())
          .exec(LOG_IN, FIND_AND_ENROL, LESSONS, QUIZ_RIGHT_FIRST_TIME, LOG_OUT);

  {
    setUp(LEARNER.injectOpen(rampUsers(SETTINGS.learners()).during(SETTINGS.ramp())))
        .protocols(Protocols.http(SETTINGS));
  }

  @Override
  public void after() {
    var expected = (long) SETTINGS.learners() * STATEMENTS_PER_LEARNER;
    new LrsCount(SETTINGS).awaitAndReport(started, expected);
  }
}
