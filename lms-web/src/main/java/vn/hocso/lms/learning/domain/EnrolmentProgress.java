package vn.hocso.lms.learning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.hocso.content.course.domain.LearnerProgress;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.Statement;
import vn.hocso.xapi.client.model.Verbs;

/**
 * What one enrolment's statements say she has done (docs/XAPI-PROFILE.md "What a reader derives"):
 * the lessons she has seen, her best score and number of attempts per quiz, whether the course is
 * passed and completed, and what she did last. Derived, never stored: the statements in the LRS and
 * those still queued are the only record, so this cannot disagree with them.
 *
 * @param lessonsSeen activity ids of lessons with an {@code experienced} statement
 * @param bestQuizScores best score in whole percent per quiz (rounded down, as a quiz marks)
 * @param quizAttempts finished attempts (passed or failed) per quiz
 * @param coursePassed a {@code passed} statement with the course as object
 * @param completed a {@code completed} statement with the course as object
 * @param registered a {@code registered} statement for the course
 * @param lastActivity the lesson or quiz of her latest lesson or quiz statement
 * @param lastActivityAt when that was
 * @param history every statement of the enrolment, deduplicated, oldest first
 */
public record EnrolmentProgress(
    Set<URI> lessonsSeen,
    Map<URI, Integer> bestQuizScores,
    Map<URI, Integer> quizAttempts,
    boolean coursePassed,
    boolean completed,
    boolean registered,
    Optional<URI> lastActivity,
    Optional<Instant> lastActivityAt,
    List<Statement> history) {

  public EnrolmentProgress {
    lessonsSeen = Set.copyOf(lessonsSeen);
    bestQuizScores = Map.copyOf(bestQuizScores);
    quizAttempts = Map.copyOf(quizAttempts);
    history = List.copyOf(history);
  }

  /**
   * Reads the statements of one registration, in the order they were made (those from the LRS
   * first, then the queued ones): a statement seen twice (delivered while being read) counts once.
   * Statements of other registrations or courses, and verbs the profile does not define, are
   * ignored.
   */
  public static EnrolmentProgress of(URI courseIri, UUID registration, List<Statement> statements) {
    var seenIds = new HashSet<UUID>();
    var lessons = new LinkedHashSet<URI>();
    var best = new HashMap<URI, Integer>();
    var attempts = new HashMap<URI, Integer>();
    var history = new ArrayList<Statement>();
    boolean passed = false;
    boolean completed = false;
    boolean registered = false;
    URI last = null;
    Instant lastAt = null;
    var coursePrefix = courseIri.toString() + "/";
    for (var statement : statements) {
      if (statement.id() != null && !seenIds.add(statement.id())) {
        continue;
      }
      if (statement.context() == null
          || !registration.equals(statement.context().registration())
          || !(statement.object() instanceof Activity activity)) {
        continue;
      }
      var verb = statement.verb().id();
      var object = URI.create(activity.id());
      var onCourse = object.equals(courseIri);
      if (!onCourse && !activity.id().startsWith(coursePrefix)) {
        continue;
      }
      history.add(statement);
      if (onCourse) {
        if (verb.equals(Verbs.PASSED.id())) {
          passed = true;
        } else if (verb.equals(Verbs.COMPLETED.id())) {
          completed = true;
        } else if (verb.equals(LearningStatements.REGISTERED.id())) {
          registered = true;
        }
        continue;
      }
      if (verb.equals(Verbs.EXPERIENCED.id())) {
        lessons.add(object);
        last = object;
        lastAt = timestampOf(statement);
      } else if (verb.equals(Verbs.PASSED.id()) || verb.equals(Verbs.FAILED.id())) {
        attempts.merge(object, 1, Integer::sum);
        percentOf(statement).ifPresent(p -> best.merge(object, p, Math::max));
        last = object;
        lastAt = timestampOf(statement);
      }
    }
    return new EnrolmentProgress(
        lessons,
        best,
        attempts,
        passed,
        completed,
        registered,
        Optional.ofNullable(last),
        Optional.ofNullable(lastAt),
        history);
  }

  /** As course-content reads progress: for unlocking and the completion rule. */
  public LearnerProgress asLearnerProgress() {
    return new LearnerProgress(lessonsSeen, bestQuizScores);
  }

  public int attemptsAt(URI quiz) {
    return quizAttempts.getOrDefault(quiz, 0);
  }

  /** True when she has done anything in the course beyond enrolling. */
  public boolean hasStarted() {
    return lastActivity.isPresent();
  }

  /** raw / max in whole percent, rounded down; else scaled; empty without a score. */
  private static Optional<Integer> percentOf(Statement statement) {
    var result = statement.result();
    if (result == null || result.score() == null) {
      return Optional.empty();
    }
    var score = result.score();
    if (score.raw() != null && score.max() != null && score.max().signum() > 0) {
      return Optional.of(
          score
              .raw()
              .multiply(BigDecimal.valueOf(100))
              .divide(score.max(), 0, RoundingMode.DOWN)
              .intValue());
    }
    if (score.scaled() != null) {
      return Optional.of(
          score
              .scaled()
              .multiply(BigDecimal.valueOf(100))
              .setScale(0, RoundingMode.DOWN)
              .intValue());
    }
    return Optional.empty();
  }

  private static Instant timestampOf(Statement statement) {
    return statement.timestamp() == null ? null : statement.timestampInstant();
  }
}
