package vn.hocso.lms.learning.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.hocso.content.course.application.LessonViews;
import vn.hocso.content.course.application.QuestionView;
import vn.hocso.content.course.domain.Audience;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.CourseModule;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.QuestionBlock;
import vn.hocso.content.course.domain.QuestionResult;
import vn.hocso.content.course.domain.Response;
import vn.hocso.content.course.domain.VersionStatus;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.learning.control.LearningRefusedException.Reason;
import vn.hocso.lms.learning.control.LearningViews.AnswerOutcome;
import vn.hocso.lms.learning.control.LearningViews.CourseProgress;
import vn.hocso.lms.learning.control.LearningViews.HistoryLine;
import vn.hocso.lms.learning.control.LearningViews.LessonPage;
import vn.hocso.lms.learning.control.LearningViews.QuizPage;
import vn.hocso.lms.learning.control.LearningViews.Recommendation;
import vn.hocso.lms.learning.control.LearningViews.Standing;
import vn.hocso.lms.learning.domain.CourseCompleted;
import vn.hocso.lms.learning.domain.CoursePath;
import vn.hocso.lms.learning.domain.Enrolment;
import vn.hocso.lms.learning.domain.EnrolmentProgress;
import vn.hocso.lms.learning.domain.LearningStatements;
import vn.hocso.lms.learning.domain.QuizAttempt;
import vn.hocso.lms.learning.domain.QuizPageStamp;
import vn.hocso.lms.learning.domain.Sitting;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.Statement;

/**
 * The learner's side of the LMS: enrolment, the lesson player, quizzes, her progress. Every event
 * becomes a statement of docs/XAPI-PROFILE.md queued in the same transaction as the event; what she
 * has done is read back from her statements ({@link LearningRecords}), never from a table of its
 * own. Writes lock her account row first (and her enrolment row), so two requests of hers cannot
 * both send a statement the profile allows once (experienced per lesson, completed, the course's
 * passed).
 */
@ApplicationScoped
public class Learning {

  @PersistenceContext private EntityManager entityManager;

  @Inject StatementOutbox outbox;
  @Inject LearningRecords records;
  @Inject Sittings sittings;
  @Inject LessonViews lessonViews;
  @Inject Event<CourseCompleted> courseCompleted;

  private final LearningStatements statements = new LearningStatements();

  // ---- enrolment ----

  /** Her standing in a course, for the course page. */
  @Transactional
  public Standing standing(String username, long courseId) {
    var person = personOf(username);
    if (person.isEmpty()) {
      return new Standing(false, false, null, Optional.empty(), false, true, 0);
    }
    var enrolment = enrolment(person.get(), courseId, false);
    if (enrolment.isEmpty()) {
      return new Standing(true, false, null, Optional.empty(), false, true, 0);
    }
    var state = state(person.get(), enrolment.get());
    return new Standing(
        true,
        true,
        state.path(),
        state.path().resume(),
        state.progress().completed(),
        state.complete(),
        enrolment.get().takeNumber());
  }

  /**
   * Enrols her in the course's published version (registered, then the sitting starts: launched,
   * initialized). Enrolling again changes nothing.
   *
   * @return the step she starts with
   */
  @Transactional
  public Optional<CoursePath.Step> enrol(String username, long courseId) {
    // Her enrolments are serialised by her account row, locked before this transaction reads
    // anything, so the read below sees an enrolment that a second click of hers just committed. Not
    // by a locking read of the enrolment she does not have yet: on MySQL/MariaDB (REPEATABLE READ)
    // that takes a gap lock, which two learners enrolling at once can share, and then each one's
    // insert waits for the other's gap: a deadlock (bench/run-learners.sh met it with 3 learners).
    var person = requireLockedPerson(username);
    var course =
        Optional.ofNullable(entityManager.find(Course.class, courseId))
            .orElseThrow(() -> new NoSuchElementException("No course " + courseId));
    var existing = enrolment(person, courseId, false);
    if (existing.isEmpty()) {
      var version =
          course
              .publishedVersion()
              .orElseThrow(
                  () -> new LearningRefusedException(Reason.NOT_PUBLISHED, "course " + courseId));
      var enrolment = new Enrolment(person.id(), courseId, version.number(), now());
      entityManager.persist(enrolment);
      return begin(person, enrolment, course, version).path().resume();
    }
    return state(person, existing.get()).path().resume();
  }

  /**
   * Starts a new enrolment (or take): {@code registered}, then the sitting (launched, initialized).
   * Her records of it are exactly these: its registration was made in this transaction, so no
   * statement of it can be in the LRS yet, and asking the LRS would only cost a request.
   */
  private State begin(Person person, Enrolment enrolment, Course course, CourseVersion version) {
    var sitting = newSitting(person, enrolment, course);
    var made = new ArrayList<Statement>();
    made.add(statements.registered(sitting.context(), now()));
    outbox.send(made.get(0));
    made.addAll(startSitting(enrolment.courseId(), sitting));
    return state(version, enrolment, made, true);
  }

  /**
   * She takes the course again after completing it: a new enrolment (the next take) with a new
   * registration in the version published now, starting at nothing done, with {@code registered}
   * and a new sitting (launched, initialized). The sitting of her completed take in this login
   * session ends first ({@code terminated}). Her earlier takes keep their statements and
   * certificates. Refused while her latest take is not completed.
   *
   * @return the step she starts with
   */
  @Transactional
  public Optional<CoursePath.Step> retake(String username, long courseId) {
    // Locked first, as in enrol: a second click reads the take the first one made, not yet
    // completed.
    var person = requireLockedPerson(username);
    var course =
        Optional.ofNullable(entityManager.find(Course.class, courseId))
            .orElseThrow(() -> new NoSuchElementException("No course " + courseId));
    var latest =
        enrolment(person, courseId, false)
            .orElseThrow(
                () -> new LearningRefusedException(Reason.NOT_ENROLLED, "course " + courseId));
    if (!state(person, latest).progress().completed()) {
      throw new LearningRefusedException(Reason.NOT_COMPLETED, "course " + courseId);
    }
    var version =
        course
            .publishedVersion()
            .orElseThrow(
                () -> new LearningRefusedException(Reason.NOT_PUBLISHED, "course " + courseId));
    var previous = sittings.get(courseId);
    if (previous != null) {
      outbox.send(statements.terminated(previous.context(), previous.duration(), now()));
    }
    var next = latest.retake(version.number(), now());
    entityManager.persist(next);
    return begin(person, next, course, version).path().resume();
  }

  // ---- the player ----

  /** A lesson to show; the first time she opens it, it is {@code experienced}. */
  @Transactional
  public LessonPage lesson(String username, long courseId, String lessonKey) {
    var person = requireLockedPerson(username);
    var enrolment = requireEnrolment(person, courseId);
    var state = state(person, enrolment);
    var step = unlockedStep(state.path(), CoursePath.Kind.LESSON, lessonKey);
    var sitting = sitting(person, enrolment, state);
    var lesson = state.version().lesson(lessonKey);
    var made = new ArrayList<Statement>();
    if (!state.progress().lessonsSeen().contains(lesson.activityIri())) {
      made.add(statements.experienced(sitting.context(), lesson, null, now()));
    }
    state = afterEvents(person, enrolment, state, sitting, made);
    var path = state.path();
    var current = path.step(CoursePath.Kind.LESSON, lessonKey).orElse(step);
    return new LessonPage(
        state.version().title(),
        lessonViews.of(lesson),
        path,
        current,
        path.previous(current),
        path.next(current),
        state.progress().completed(),
        state.complete());
  }

  /**
   * She answers a question inside a lesson, a check of understanding: marked at once, sent as
   * {@code answered} with the lesson as its parent, and counted towards nothing, so she may answer
   * again as often as she likes.
   *
   * @throws NoSuchElementException when the lesson holds no such question
   * @throws IllegalArgumentException when the response names an option the question does not have
   */
  @Transactional
  public QuestionResult answerInLesson(
      String username, long courseId, String lessonKey, String questionKey, List<String> response) {
    var person = requireLockedPerson(username);
    var enrolment = requireEnrolment(person, courseId);
    var state = state(person, enrolment);
    unlockedStep(state.path(), CoursePath.Kind.LESSON, lessonKey);
    var lesson = state.version().lesson(lessonKey);
    var question =
        lesson.blocks().stream()
            .filter(QuestionBlock.class::isInstance)
            .map(block -> ((QuestionBlock) block).question())
            .filter(q -> q.key().equals(questionKey))
            .findFirst()
            .orElseThrow(() -> new NoSuchElementException("No question " + questionKey));
    var answer = new Response(response);
    var marked = question.mark(answer);
    var sitting = sitting(person, enrolment, state);
    afterEvents(
        person,
        enrolment,
        state,
        sitting,
        List.of(
            statements.answeredInLesson(
                sitting.context(), lesson, question, answer, marked.correct(), now())));
    return marked;
  }

  /** A quiz to take, with her attempts so far. */
  @Transactional
  public QuizPage quiz(String username, long courseId, String quizKey) {
    var person = requireLockedPerson(username);
    var enrolment = requireEnrolment(person, courseId);
    var state = state(person, enrolment);
    var step = unlockedStep(state.path(), CoursePath.Kind.QUIZ, quizKey);
    var sitting = sitting(person, enrolment, state);
    var module = moduleOfQuiz(state.version(), quizKey);
    var quiz = module.quiz();
    var used = state.progress().attemptsAt(quiz.activityIri());
    sitting.attemptsFinished(quizKey, used);
    return new QuizPage(
        QuizPageStamp.of(enrolment, used),
        state.version().title(),
        quiz.key(),
        quiz.title(),
        quiz.passingScore(),
        quiz.questions().stream().map(QuestionView::of).toList(),
        used,
        quiz.attemptsPolicy().maxAttempts().isPresent()
            ? quiz.attemptsPolicy().maxAttempts().getAsInt()
            : null,
        step.done(),
        state.progress().bestQuizScores().getOrDefault(quiz.activityIri(), 0),
        quiz.allowsAnotherAttempt(used),
        state.path().next(step),
        state.progress().completed());
  }

  /**
   * She answers one question of an attempt: it is marked at once ({@code answered}); with the last
   * question the attempt is marked ({@code passed} or {@code failed}), and the course may be passed
   * and completed with it.
   *
   * <p>Refused ({@link Reason#STALE_QUIZ_PAGE}), with nothing sent, when the page's {@code stamp}
   * is no longer her enrolment's: another registration (she took the course again), another version
   * (an officer moved her), or an attempt finished meanwhile. Inside an attempt the finished
   * attempts are those this login session knows (another tab's); the answer that would finish the
   * attempt reads her records, so another device's are seen there.
   *
   * @param stamp what the quiz page was opened for ({@link QuizPage#stamp})
   * @param earlier her answers to the attempt's previous questions, by question key
   */
  @Transactional
  public AnswerOutcome answer(
      String username,
      long courseId,
      String quizKey,
      QuizPageStamp stamp,
      Map<String, List<String>> earlier,
      String questionKey,
      List<String> response) {
    var person = requireLockedPerson(username);
    var enrolment = requireEnrolment(person, courseId);
    // Before anything reads the quiz of her enrolment's version: a stale page's question keys and
    // count may be another version's.
    requireCurrent(stamp, enrolment, quizKey, attemptsFinishedInSession(enrolment, quizKey));
    if (!finishesTheAttempt(enrolment, quizKey, earlier, questionKey)) {
      return answerInsideAttempt(person, enrolment, quizKey, earlier, questionKey, response);
    }
    var state = state(person, enrolment);
    unlockedStep(state.path(), CoursePath.Kind.QUIZ, quizKey);
    var module = moduleOfQuiz(state.version(), quizKey);
    var quiz = module.quiz();
    var used = state.progress().attemptsAt(quiz.activityIri());
    requireCurrent(stamp, enrolment, quizKey, used);
    QuizAttempt attempt;
    try {
      attempt = QuizAttempt.resume(quiz, used, toResponses(earlier));
    } catch (QuizAttempt.NoAttemptLeftException e) {
      throw new LearningRefusedException(Reason.NO_ATTEMPTS_LEFT, e.getMessage());
    }
    if (attempt.hasAnswered(questionKey)) {
      throw new LearningRefusedException(Reason.ALREADY_ANSWERED, questionKey);
    }
    var sitting = sitting(person, enrolment, state);
    var marked = attempt.answer(questionKey, new Response(response));
    var made = new ArrayList<Statement>();
    made.add(
        statements.answered(
            sitting.context(),
            module,
            quiz.question(questionKey),
            new Response(response),
            marked.correct(),
            now()));
    var finished = attempt.isFinished();
    var score = 0;
    var passed = false;
    if (finished) {
      var result = attempt.result();
      score = result.scorePercent();
      passed = result.passed();
      made.add(statements.quizFinished(sitting.context(), module, result, now()));
    }
    state = afterEvents(person, enrolment, state, sitting, made);
    var usedNow = state.progress().attemptsAt(quiz.activityIri());
    if (finished) {
      sitting.attemptsFinished(quizKey, Math.max(usedNow, stamp.attemptNumber()));
    }
    return new AnswerOutcome(
        marked,
        finished,
        score,
        passed,
        usedNow,
        !state.progress().asLearnerProgress().hasPassed(quiz) && quiz.allowsAnotherAttempt(usedNow),
        state.progress().completed());
  }

  /**
   * "Next question" on a quiz page: refused ({@link Reason#STALE_QUIZ_PAGE}) when this login
   * session's sitting in the course says the page no longer speaks for her: another registration or
   * version (she took the course again, or a page of hers saw the version she was moved to), or the
   * page's attempt finished in another tab. Only a page posted without JavaScript asks (with it,
   * "next" shows the question the check brought along, with no request). It reads no database and
   * no LRS, as "next" queues nothing; the answer that follows checks her enrolment row itself
   * ({@link #answer}), so a migration this session has not seen yet is caught there, before
   * anything is sent.
   */
  public void requireCurrentQuizPage(long courseId, String quizKey, QuizPageStamp stamp) {
    var sitting = sittings.get(courseId);
    if (sitting == null) {
      return; // this session knows nothing newer than the page
    }
    if (stamp == null
        || !sitting.isFor(stamp.registration(), stamp.versionNumber())
        || sitting.attemptsFinished(quizKey) >= stamp.attemptNumber()) {
      throw new LearningRefusedException(
          Reason.STALE_QUIZ_PAGE, "quiz " + quizKey + " page " + stamp + ", sitting elsewhere");
    }
  }

  private static void requireCurrent(
      QuizPageStamp stamp, Enrolment enrolment, String quizKey, int attemptsFinished) {
    if (stamp == null || !stamp.isCurrentFor(enrolment, attemptsFinished)) {
      throw new LearningRefusedException(
          Reason.STALE_QUIZ_PAGE,
          "quiz "
              + quizKey
              + " page "
              + stamp
              + ", enrolment "
              + enrolment.registration()
              + " v"
              + enrolment.versionNumber()
              + ", attempts finished "
              + attemptsFinished);
    }
  }

  /** Her finished attempts at the quiz as this login session's sitting in the course knows them. */
  private int attemptsFinishedInSession(Enrolment enrolment, String quizKey) {
    var sitting = sittings.get(enrolment.courseId());
    return sitting != null && sitting.isFor(enrolment.registration(), enrolment.versionNumber())
        ? sitting.attemptsFinished(quizKey)
        : 0;
  }

  private boolean finishesTheAttempt(
      Enrolment enrolment, String quizKey, Map<String, List<String>> earlier, String questionKey) {
    var quiz = moduleOfQuiz(versionOf(enrolment), quizKey).quiz();
    var answered = new java.util.HashSet<>(earlier.keySet());
    answered.add(questionKey);
    return answered.size() >= quiz.questions().size();
  }

  /**
   * An answer that does not finish the attempt: marked and sent as {@code answered}, without
   * reading her records. It depends on nothing but the attempt (the quiz unlocked and an attempt
   * left were read from the LRS when the quiz page began it) and changes no progress: attempts,
   * scores, the course's {@code passed} and {@code completed} follow from the answer that finishes
   * the attempt, which reads her records and is refused if another device used up the attempts
   * meanwhile. Seven of a quiz's eight answers thus cost no LRS query (bench/RESULTS.md, issue 6).
   */
  private AnswerOutcome answerInsideAttempt(
      Person person,
      Enrolment enrolment,
      String quizKey,
      Map<String, List<String>> earlier,
      String questionKey,
      List<String> response) {
    var version = versionOf(enrolment);
    var module = moduleOfQuiz(version, quizKey);
    var quiz = module.quiz();
    var attempt = QuizAttempt.inProgress(quiz, toResponses(earlier));
    if (attempt.hasAnswered(questionKey)) {
      throw new LearningRefusedException(Reason.ALREADY_ANSWERED, questionKey);
    }
    var sitting = sitting(person, enrolment, version);
    var marked = attempt.answer(questionKey, new Response(response));
    outbox.send(
        statements.answered(
            sitting.context(),
            module,
            quiz.question(questionKey),
            new Response(response),
            marked.correct(),
            now()));
    sitting.touch(now());
    return AnswerOutcome.inAttempt(marked);
  }

  /** The sittings of an ending login session: each is {@code terminated}. */
  @Transactional
  public void terminate(List<Sitting> ended) {
    var at = now();
    for (var sitting : ended) {
      outbox.send(statements.terminated(sitting.context(), sitting.duration(), at));
    }
  }

  // ---- her learning ----

  /** Every course she is enrolled in, latest first, with progress and history. */
  @Transactional
  public List<CourseProgress> myLearning(String username) {
    var person = requirePerson(username);
    var result = new ArrayList<CourseProgress>();
    for (var enrolment : enrolments(person)) {
      var state = state(person, enrolment);
      result.add(
          new CourseProgress(
              enrolment.courseId(),
              state.version().title(),
              enrolment.versionNumber(),
              enrolment.enrolledAt(),
              state.path().percentDone(),
              state.progress().completed(),
              state.progress().coursePassed(),
              state.progress().completed() ? Optional.empty() : state.path().resume(),
              history(state.version(), state.progress()),
              enrolment.takeNumber()));
    }
    return result;
  }

  /** Published courses for her audience that she is not enrolled in, at most {@code limit}. */
  @Transactional
  public List<Recommendation> recommendations(String username, int limit) {
    var person = requirePerson(username);
    var enrolled = enrolments(person).stream().map(Enrolment::courseId).collect(Collectors.toSet());
    var audience = person.staffEmployment().isPresent() ? Audience.UNION_STAFF : Audience.MEMBERS;
    return entityManager
        .createQuery(
            "select v from CourseVersion v where v.status = :published and v.audience = :audience"
                + " order by v.track, v.title",
            CourseVersion.class)
        .setParameter("published", VersionStatus.PUBLISHED)
        .setParameter("audience", audience)
        .getResultList()
        .stream()
        .filter(v -> !enrolled.contains(v.course().id()))
        .limit(limit)
        .map(v -> new Recommendation(v.course().id(), v.title(), v.summary(), v.estimatedMinutes()))
        .toList();
  }

  /** True when the account is someone's, so she can learn. */
  public boolean canLearn(String username) {
    return personOf(username).isPresent();
  }

  // ---- inside ----

  /** An enrolment read against its version: the path, the progress, whether it is complete. */
  record State(
      CourseVersion version,
      EnrolmentProgress progress,
      CoursePath path,
      List<Statement> statements,
      boolean complete) {}

  private State state(Person person, Enrolment enrolment) {
    var version = versionOf(enrolment);
    var read = records.of(person.xapiAccount(), enrolment.registration());
    return state(version, enrolment, read.statements(), read.complete());
  }

  private CourseVersion versionOf(Enrolment enrolment) {
    return entityManager
        .find(Course.class, enrolment.courseId())
        .version(enrolment.versionNumber());
  }

  private static State state(
      CourseVersion version, Enrolment enrolment, List<Statement> all, boolean complete) {
    var progress =
        EnrolmentProgress.of(version.course().activityIri(), enrolment.registration(), all);
    var registeredWaiting = !complete && progress.registered();
    return new State(
        version, progress, CoursePath.of(version, progress), all, complete || registeredWaiting);
  }

  /**
   * Queues the statements of an event, then what they lead to, each at most once per registration:
   * the course's {@code passed} once every quiz is passed, {@code completed} and {@code satisfied}
   * once the completion rule is met (and the {@link CourseCompleted} event). Only when her records
   * are complete: otherwise (the LRS away and nothing known of her) they are made on a later page,
   * not twice.
   */
  private State afterEvents(
      Person person, Enrolment enrolment, State state, Sitting sitting, List<Statement> made) {
    var all = new ArrayList<>(state.statements());
    for (var statement : made) {
      outbox.send(statement);
      all.add(statement);
    }
    var updated = state(state.version(), enrolment, all, state.complete());
    if (!updated.complete()) {
      sitting.touch(now());
      return updated;
    }
    var more = new ArrayList<Statement>();
    var progress = updated.progress();
    var learner = progress.asLearnerProgress();
    var quizzes = updated.version().quizzes();
    if (!progress.coursePassed()
        && !quizzes.isEmpty()
        && quizzes.stream().allMatch(learner::hasPassed)) {
      more.add(statements.coursePassed(sitting.context(), now()));
    }
    var completing = !progress.completed() && updated.path().meetsCompletionRule();
    Instant completedAt = null;
    if (completing) {
      completedAt = now();
      more.add(statements.completed(sitting.context(), completedAt));
      more.add(statements.satisfied(sitting.context(), completedAt));
    }
    for (var statement : more) {
      outbox.send(statement);
      all.add(statement);
    }
    if (completing) {
      courseCompleted.fire(
          new CourseCompleted(
              person.id(),
              updated.version().course().activityIri(),
              enrolment.versionNumber(),
              enrolment.registration(),
              completedAt));
    }
    sitting.touch(now());
    return more.isEmpty() ? updated : state(updated.version(), enrolment, all, true);
  }

  /** The sitting of this login session in the course, started (launched, initialized) if new. */
  private Sitting sitting(Person person, Enrolment enrolment, State state) {
    return sitting(person, enrolment, state.version());
  }

  private Sitting sitting(Person person, Enrolment enrolment, CourseVersion version) {
    var sitting = sittings.get(enrolment.courseId());
    if (sitting != null && sitting.isFor(enrolment.registration(), enrolment.versionNumber())) {
      return sitting;
    }
    var started = newSitting(person, enrolment, version.course());
    startSitting(enrolment.courseId(), started);
    return started;
  }

  private Sitting newSitting(Person person, Enrolment enrolment, Course course) {
    return new Sitting(
        person.xapiAccount(),
        enrolment.registration(),
        course.activityIri(),
        enrolment.versionNumber(),
        now());
  }

  /** Queues the sitting's {@code launched} and {@code initialized}; returns them. */
  private List<Statement> startSitting(long courseId, Sitting sitting) {
    var at = now();
    var made =
        List.of(
            statements.launched(sitting.context(), at),
            statements.initialized(sitting.context(), at));
    made.forEach(outbox::send);
    sittings.put(courseId, sitting);
    return made;
  }

  private static CoursePath.Step unlockedStep(CoursePath path, CoursePath.Kind kind, String key) {
    var step =
        path.step(kind, key).orElseThrow(() -> new NoSuchElementException("No " + kind + key));
    if (!step.unlocked()) {
      throw new LearningRefusedException(Reason.LOCKED, key);
    }
    return step;
  }

  private static CourseModule moduleOfQuiz(CourseVersion version, String quizKey) {
    return version.modules().stream()
        .filter(m -> m.quiz() != null && m.quiz().key().equals(quizKey))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No quiz " + quizKey));
  }

  private static Map<String, Response> toResponses(Map<String, List<String>> answers) {
    var responses = new HashMap<String, Response>();
    answers.forEach((key, options) -> responses.put(key, new Response(options)));
    return responses;
  }

  /** Her history in words: what each statement says, oldest first. */
  static List<HistoryLine> history(CourseVersion version, EnrolmentProgress progress) {
    var titles = new HashMap<URI, String>();
    titles.put(version.course().activityIri(), version.title());
    for (var module : version.modules()) {
      module.lessons().forEach(l -> titles.put(l.activityIri(), l.title()));
      if (module.quiz() != null) {
        titles.put(module.quiz().activityIri(), module.quiz().title());
        module.quiz().questions().forEach(q -> titles.put(q.activityIri(), q.prompt()));
      }
    }
    var lines = new ArrayList<HistoryLine>();
    for (var statement : progress.history()) {
      var object = URI.create(((Activity) statement.object()).id());
      var verb = statement.verb().id();
      var name = verb.substring(verb.lastIndexOf('/') + 1);
      lines.add(
          new HistoryLine(
              statement.timestamp() == null ? null : statement.timestampInstant(),
              "verb." + name,
              titles.getOrDefault(object, object.toString())));
    }
    return lines;
  }

  private Optional<Person> personOf(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return entityManager
        .createQuery("select a from Account a where a.username = :u", Account.class)
        .setParameter("u", Account.normalise(username))
        .getResultStream()
        .findFirst()
        .flatMap(Account::person);
  }

  private Optional<Account> lockedAccount(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return entityManager
        .createQuery("select a from Account a where a.username = :u", Account.class)
        .setParameter("u", Account.normalise(username))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /**
   * Her person, her account row locked as the first statement of the transaction. Writes start with
   * it, so her requests run one after the other and each reads (her queued statements, her
   * enrolments) only after the one before has committed: on MySQL/MariaDB a transaction's snapshot
   * is taken at its first plain read, so locking later would leave it reading from before the wait.
   */
  private Person requireLockedPerson(String username) {
    return lockedAccount(username)
        .flatMap(Account::person)
        .orElseThrow(
            () -> new LearningRefusedException(Reason.NO_PERSON, String.valueOf(username)));
  }

  private Person requirePerson(String username) {
    return personOf(username)
        .orElseThrow(
            () -> new LearningRefusedException(Reason.NO_PERSON, String.valueOf(username)));
  }

  private Optional<Enrolment> enrolment(Person person, long courseId, boolean lock) {
    var query =
        entityManager
            .createQuery(
                "select e from Enrolment e where e.personId = :p and e.courseId = :c"
                    + " order by e.takeNumber desc",
                Enrolment.class)
            .setParameter("p", person.id())
            .setParameter("c", courseId)
            .setMaxResults(1);
    var latest = query.getResultStream().findFirst();
    if (lock && latest.isPresent()) {
      // Locked by its primary key, a record lock only: locking the query would lock the range of
      // her (person, course, take) keys and the gap after it, where other learners' enrolments go.
      return Optional.of(
          entityManager.find(Enrolment.class, latest.get().id(), LockModeType.PESSIMISTIC_WRITE));
    }
    return latest;
  }

  private Enrolment requireEnrolment(Person person, long courseId) {
    return enrolment(person, courseId, true)
        .orElseThrow(() -> new LearningRefusedException(Reason.NOT_ENROLLED, "course " + courseId));
  }

  private List<Enrolment> enrolments(Person person) {
    return entityManager
        .createQuery(
            "select e from Enrolment e where e.personId = :p"
                + " order by e.enrolledAt desc, e.takeNumber desc",
            Enrolment.class)
        .setParameter("p", person.id())
        .getResultList();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
