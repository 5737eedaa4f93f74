package vn.hocso.lms.learning.domain;

import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import vn.hocso.content.course.domain.AnswerOption;
import vn.hocso.content.course.domain.CourseModule;
import vn.hocso.content.course.domain.Lesson;
import vn.hocso.content.course.domain.Question;
import vn.hocso.content.course.domain.QuestionKind;
import vn.hocso.content.course.domain.QuizResult;
import vn.hocso.content.course.domain.Response;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.ActivityDefinition;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.Context;
import vn.hocso.xapi.client.model.ContextActivities;
import vn.hocso.xapi.client.model.Extensions;
import vn.hocso.xapi.client.model.InteractionComponent;
import vn.hocso.xapi.client.model.LanguageMap;
import vn.hocso.xapi.client.model.Result;
import vn.hocso.xapi.client.model.Score;
import vn.hocso.xapi.client.model.Statement;
import vn.hocso.xapi.client.model.StatementObject;
import vn.hocso.xapi.client.model.Verb;
import vn.hocso.xapi.client.model.Verbs;

/**
 * Builds the statements of docs/XAPI-PROFILE.md, and only those: the one place that knows the
 * profile's verbs, context activities and extensions. Every statement gets its id here, before it
 * is queued, so a delivery repeated after a timeout is stored once (xAPI 2.0 Part 3 §2.1.2).
 */
public final class LearningStatements {

  /** The home page of every learner's account (the profile's actor). */
  public static final String HOME_PAGE = "https://hocso.vn";

  /** cmi5 §9.6.3.1: the session id of a sitting. */
  public static final String SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

  /** The version number of the course she is on (an integer). */
  public static final String COURSE_VERSION = "https://hocso.vn/xapi/extensions/course-version";

  /** xAPI 2.0 Part 2 §2.4.4.1: the type of an activity with an interaction definition. */
  public static final String INTERACTION_TYPE =
      "http://adlnet.gov/expapi/activities/cmi.interaction";

  public static final Verb REGISTERED =
      Verb.of("http://adlnet.gov/expapi/verbs/registered", "en-US", "registered");

  /** xAPI 2.0 Part 2 §2.4.5: the separator of a multi-item response pattern. */
  private static final String ITEM_SEPARATOR = "[,]";

  /**
   * Looked up once: each static {@code Json.createValue} looks the provider up again through the
   * ServiceLoader, and on Payara that showed in every statement made (JFR, bench/run-learners.sh).
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final Supplier<UUID> ids;

  /** Statement ids from {@code ids}; {@link UUID#randomUUID()} in the application. */
  public LearningStatements(Supplier<UUID> ids) {
    this.ids = ids;
  }

  public LearningStatements() {
    this(UUID::randomUUID);
  }

  /** The actor of every statement: her opaque account, nothing else. */
  public static Agent actor(String xapiAccount) {
    return Agent.account(HOME_PAGE, xapiAccount);
  }

  public Statement registered(LearningContext who, Instant at) {
    return course(who, REGISTERED, null, at);
  }

  public Statement launched(LearningContext who, Instant at) {
    return course(who, Verbs.LAUNCHED, null, at);
  }

  public Statement initialized(LearningContext who, Instant at) {
    return course(who, Verbs.INITIALIZED, null, at);
  }

  /** The sitting ends; {@code duration} from launched to her last action. */
  public Statement terminated(LearningContext who, Duration duration, Instant at) {
    return course(
        who, Verbs.TERMINATED, Result.builder().duration(wholeSeconds(duration)).build(), at);
  }

  /** Every quiz of the course passed. */
  public Statement coursePassed(LearningContext who, Instant at) {
    return course(who, Verbs.PASSED, Result.builder().success(true).build(), at);
  }

  /** The course's completion rule met. */
  public Statement completed(LearningContext who, Instant at) {
    return course(who, Verbs.COMPLETED, Result.builder().completion(true).build(), at);
  }

  /** Follows {@link #completed} (cmi5 §9.3.9: the course's "moveOn" criteria satisfied). */
  public Statement satisfied(LearningContext who, Instant at) {
    return course(who, Verbs.SATISFIED, null, at);
  }

  /** She saw a lesson; {@code duration} may be null when not known. */
  public Statement experienced(LearningContext who, Lesson lesson, Duration duration, Instant at) {
    var module = lesson.module();
    var result =
        duration == null ? null : Result.builder().duration(wholeSeconds(duration)).build();
    return statement(
        who,
        Verbs.EXPERIENCED,
        Activity.of(lesson.activityIri().toString()),
        result,
        List.of(activity(module.activityIri())),
        List.of(activity(who.courseIri())),
        at);
  }

  /** A question of the module's quiz answered. */
  public Statement answered(
      LearningContext who,
      CourseModule module,
      Question question,
      Response response,
      boolean correct,
      Instant at) {
    var quiz = module.quiz();
    return statement(
        who,
        Verbs.ANSWERED,
        question(question),
        Result.builder().response(responsePattern(response.optionKeys())).success(correct).build(),
        List.of(activity(quiz.activityIri())),
        List.of(activity(module.activityIri()), activity(who.courseIri())),
        at);
  }

  /**
   * A question inside a lesson answered (a check of understanding, counted towards nothing): the
   * lesson is its parent, as the quiz is a quiz question's.
   */
  public Statement answeredInLesson(
      LearningContext who,
      Lesson lesson,
      Question question,
      Response response,
      boolean correct,
      Instant at) {
    return statement(
        who,
        Verbs.ANSWERED,
        question(question),
        Result.builder().response(responsePattern(response.optionKeys())).success(correct).build(),
        List.of(activity(lesson.activityIri())),
        List.of(activity(lesson.module().activityIri()), activity(who.courseIri())),
        at);
  }

  /** A quiz attempt finished: passed or failed, with its score. */
  public Statement quizFinished(
      LearningContext who, CourseModule module, QuizResult result, Instant at) {
    var quiz = module.quiz();
    var scaled =
        BigDecimal.valueOf(result.correctAnswers())
            .divide(BigDecimal.valueOf(result.questionCount()), 4, RoundingMode.HALF_EVEN)
            .stripTrailingZeros();
    var score =
        new Score(
            scaled,
            BigDecimal.valueOf(result.correctAnswers()),
            null,
            BigDecimal.valueOf(result.questionCount()));
    return statement(
        who,
        result.passed() ? Verbs.PASSED : Verbs.FAILED,
        Activity.of(quiz.activityIri().toString()),
        Result.builder().score(score).success(result.passed()).completion(true).build(),
        List.of(activity(module.activityIri())),
        List.of(activity(who.courseIri())),
        at);
  }

  private Statement course(LearningContext who, Verb verb, Result result, Instant at) {
    return statement(who, verb, activity(who.courseIri()), result, List.of(), List.of(), at);
  }

  private Statement statement(
      LearningContext who,
      Verb verb,
      StatementObject object,
      Result result,
      List<Activity> parent,
      List<Activity> grouping,
      Instant at) {
    var extensions =
        Extensions.of(SESSION_ID, JSON.createValue(who.sessionId().toString()))
            .with(COURSE_VERSION, JSON.createValue(who.courseVersion()));
    var context =
        Context.builder()
            .registration(who.registration())
            .contextActivities(
                parent.isEmpty() && grouping.isEmpty()
                    ? null
                    : ContextActivities.of(parent, grouping, List.of()))
            .extensions(extensions)
            .build();
    return Statement.builder()
        .id(ids.get())
        .actor(actor(who.xapiAccount()))
        .verb(verb)
        .object(object)
        .result(result)
        .context(context)
        .timestamp(at.truncatedTo(ChronoUnit.MILLIS))
        .build();
  }

  /**
   * A question with its interaction definition (xAPI 2.0 Part 2 §2.4.4.1.1): {@code choice} for
   * single, multiple and true/false questions (options named by key, as in the response), {@code
   * sequencing} for ordering ones.
   */
  static Activity question(Question question) {
    var ordering = question.kind() == QuestionKind.ORDERING;
    var choices = new ArrayList<InteractionComponent>();
    for (var option : question.options()) {
      choices.add(InteractionComponent.of(option.key(), "vi", option.text()));
    }
    var right =
        ordering
            ? question.options().stream().map(AnswerOption::key).toList()
            : question.options().stream()
                .filter(AnswerOption::isCorrect)
                .map(AnswerOption::key)
                .toList();
    var definition =
        ActivityDefinition.builder()
            .type(INTERACTION_TYPE)
            .description(LanguageMap.of("vi", question.prompt()))
            .interactionType(ordering ? "sequencing" : "choice")
            .correctResponsesPattern(List.of(String.join(ITEM_SEPARATOR, right)))
            .choices(choices)
            .build();
    return Activity.of(question.activityIri().toString(), definition);
  }

  /** Option keys joined with "[,]" (xAPI 2.0 Part 2 §2.4.5 response patterns). */
  static String responsePattern(List<String> optionKeys) {
    return String.join(ITEM_SEPARATOR, optionKeys);
  }

  private static Activity activity(URI iri) {
    return Activity.of(iri.toString());
  }

  private static Duration wholeSeconds(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration.truncatedTo(ChronoUnit.SECONDS);
  }
}
