package vn.hocso.lms.learning.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.Question;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.demo.Curriculum;
import vn.hocso.lms.learning.control.LearningRefusedException.Reason;
import vn.hocso.lms.learning.domain.Enrolment;
import vn.hocso.lms.learning.domain.QuizPageStamp;
import vn.hocso.lms.learning.domain.Sitting;
import vn.hocso.lms.learning.storage.QueuedStatement;
import vn.hocso.lms.learning.storage.StatementQueue;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.platform.TestDatabases.TestDatabase;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * A quiz page left open in another tab answers only for the registration, version and attempt it
 * was opened for: after a retake, a version migration, or the attempt finished in another tab, its
 * answer and its "next question" are refused and nothing is queued (the answers inside an attempt
 * read no records, so no LRS is needed here; H2).
 */
class StaleQuizPageTest {

  static final String QUIZ = "bai-kiem-tra-vietqr";
  static final String USERNAME = "lan.quiz";

  private TestDatabase database;
  private EntityManagerFactory factory;
  private final Sittings sittings = new Sittings();
  private long courseId;
  private List<Question> questions;

  @BeforeEach
  void aLearnerEnrolledInTheVietQrCourse() throws Exception {
    database = TestDatabases.H2.create();
    LmsSchema.migrate(database.dataSource());
    factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    var course =
        Curriculum.courses().stream()
            .filter(c -> c.slug().equals("thanh-toan-bang-ma-vietqr"))
            .findFirst()
            .orElseThrow();
    course.publish();
    questions =
        course.version(1).modules().stream()
            .filter(m -> m.quiz() != null)
            .findFirst()
            .orElseThrow()
            .quiz()
            .questions();
    courseId =
        inTransaction(
            factory,
            em -> {
              em.persist(course);
              var start = LocalDate.of(2025, 7, 1);
              var central = OrgUnit.central("Trung ương", start);
              var hanoi = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, start);
              List.of(central, hanoi).forEach(em::persist);
              var lan = new Person("Lan", 1980, hanoi, start);
              em.persist(lan);
              var account = new Account(USERNAME, "mat-khau-lan-1980".toCharArray(), "Lan", hanoi);
              account.belongsTo(lan);
              em.persist(account);
              em.flush();
              em.persist(new Enrolment(lan.id(), course.id(), 1, Instant.now()));
              return course.id();
            });
  }

  @AfterEach
  void close() throws Exception {
    factory.close();
    database.close();
  }

  @Test
  void anAnswerOfTheCurrentPageIsQueued() {
    var page = stamp(0);

    var outcome = answer(page, Map.of(), questions.get(0));

    assertThat(outcome.question()).isNotNull();
    assertThat(queuedVerbs()).containsExactly("launched", "initialized", "answered");
  }

  @Test
  void aPageOfHerEarlierTakeIsRefusedAfterSheTookTheCourseAgain() {
    var earlierTake = stamp(0);
    answer(earlierTake, Map.of(), questions.get(0));
    clearQueue();
    // She takes the course again (in another tab of this login session: its sitting is the new
    // take's, as Learning.retake leaves it).
    var secondTake =
        inTransaction(
            factory,
            em -> {
              var next = latestEnrolment(em).retake(1, Instant.now());
              em.persist(next);
              return next.registration();
            });
    sittings.put(
        courseId,
        new Sitting(
            "account",
            secondTake,
            java.net.URI.create("https://hocso.vn/xapi/activities/course/c"),
            1,
            Instant.now()));

    assertRefusedWithNothingQueued(() -> answer(earlierTake, Map.of(), questions.get(0)));
    assertRefusedWithNothingQueued(() -> next(earlierTake));
  }

  @Test
  void aPageOfTheVersionSheWasMovedFromIsRefusedEvenWhenTheNewQuizIsShorter() {
    var onVersionOne = stamp(0);
    // Version 2 keeps three of the quiz's eight questions, and an officer moves her to it.
    inTransaction(
        factory,
        em -> {
          var course = em.find(Course.class, courseId);
          var draft = course.edit();
          var quiz =
              draft.modules().stream().filter(m -> m.quiz() != null).findFirst().get().quiz();
          for (var question : List.copyOf(quiz.questions()).subList(3, 8)) {
            quiz.removeQuestion(question.key());
          }
          course.submitForReview();
          course.publish();
          latestEnrolment(em).migrateTo(2);
          return null;
        });

    // Her second question, and her sixth (beyond the new quiz), from the version 1 page.
    assertRefusedWithNothingQueued(
        () -> answer(onVersionOne, answered(questions.subList(0, 1)), questions.get(1)));
    assertRefusedWithNothingQueued(
        () -> answer(onVersionOne, answered(questions.subList(0, 5)), questions.get(5)));
    // "Next" reads no database: this session has not seen version 2, so it lets her go on, and
    // the answer that follows is refused (above).
  }

  @Test
  void aPageWhoseAttemptAnotherTabFinishedIsRefused() {
    var firstTab = stamp(0);
    answer(firstTab, Map.of(), questions.get(0));
    clearQueue();
    // The other tab of this login session finished attempt 1 (and began attempt 2).
    sittings.get(courseId).attemptsFinished(QUIZ, 1);

    assertRefusedWithNothingQueued(
        () -> answer(firstTab, answered(questions.subList(0, 1)), questions.get(1)));
    assertRefusedWithNothingQueued(() -> next(firstTab));
    // The page of attempt 2 goes on.
    answer(stamp(1), Map.of(), questions.get(0));
    assertThat(queuedVerbs()).containsExactly("answered");
  }

  private void assertRefusedWithNothingQueued(Runnable action) {
    var refused = catchThrowableOfType(LearningRefusedException.class, action::run);
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.reason()).isEqualTo(Reason.STALE_QUIZ_PAGE);
    assertThat(queuedVerbs()).isEmpty();
  }

  private QuizPageStamp stamp(int attemptsFinished) {
    return inTransaction(factory, em -> QuizPageStamp.of(latestEnrolment(em), attemptsFinished));
  }

  private LearningViews.AnswerOutcome answer(
      QuizPageStamp page, Map<String, List<String>> earlier, Question question) {
    var right = question.options().stream().filter(o -> o.isCorrect()).map(o -> o.key()).toList();
    var response =
        question.kind() == vn.hocso.content.course.domain.QuestionKind.ORDERING
            ? question.options().stream().map(o -> o.key()).toList()
            : right;
    return inLearning(
        learning ->
            learning.answer(USERNAME, courseId, QUIZ, page, earlier, question.key(), response));
  }

  private void next(QuizPageStamp page) {
    var learning = new Learning();
    learning.sittings = sittings;
    learning.requireCurrentQuizPage(courseId, QUIZ, page);
  }

  private <T> T inLearning(Function<Learning, T> work) {
    return inTransaction(
        factory,
        em -> {
          var learning = new Learning();
          setEntityManager(learning, em);
          learning.outbox = new StatementQueue(em);
          learning.sittings = sittings;
          return work.apply(learning);
        });
  }

  private static Map<String, List<String>> answered(List<Question> earlier) {
    var answers = new LinkedHashMap<String, List<String>>();
    for (var question : earlier) {
      answers.put(question.key(), List.of(question.options().get(0).key()));
    }
    return answers;
  }

  private static Enrolment latestEnrolment(EntityManager em) {
    return em.createQuery("select e from Enrolment e order by e.takeNumber desc", Enrolment.class)
        .setMaxResults(1)
        .getSingleResult();
  }

  private List<String> queuedVerbs() {
    return inTransaction(
        factory,
        em ->
            em
                .createQuery(
                    "select q from QueuedStatement q order by q.position", QueuedStatement.class)
                .getResultList()
                .stream()
                .map(q -> q.statement().verb().id())
                .map(verb -> verb.substring(verb.lastIndexOf('/') + 1))
                .toList());
  }

  private void clearQueue() {
    inTransaction(factory, em -> em.createQuery("delete from QueuedStatement").executeUpdate());
  }

  private static void setEntityManager(Learning learning, EntityManager em) {
    try {
      var field = Learning.class.getDeclaredField("entityManager");
      field.setAccessible(true);
      field.set(learning, em);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
