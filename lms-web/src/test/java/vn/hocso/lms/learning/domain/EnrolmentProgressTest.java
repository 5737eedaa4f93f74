package vn.hocso.lms.learning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.Response;
import vn.hocso.xapi.client.model.Statement;

/** Progress read from statements: what she sees, where she resumes, what is locked. */
class EnrolmentProgressTest {

  private final CourseVersion version = Sample.vietQr();
  private final LearningStatements statements = new LearningStatements();
  private final LearningContext who = Sample.context(version);
  private final List<Statement> made = new ArrayList<>();

  @Test
  void nothingDoneOpensOnlyTheFirstLessonOfASequentialCourse() {
    made.add(statements.registered(who, Sample.AT));

    var path = path();

    assertThat(path.progress().registered()).isTrue();
    assertThat(path.progress().hasStarted()).isFalse();
    assertThat(path.steps())
        .extracting(CoursePath.Step::unlocked)
        .containsExactly(true, false, false, false, false);
    assertThat(path.resume().orElseThrow().key()).isEqualTo("vietqr-la-gi");
    assertThat(path.percentDone()).isZero();
  }

  @Test
  void lessonsSeenOpenTheNextAndResumeAfterTheLastOne() {
    see("vietqr-la-gi");
    see("quet-ma-de-tra-tien");

    var path = path();

    assertThat(path.progress().lessonsSeen())
        .containsExactlyInAnyOrder(
            version.lesson("vietqr-la-gi").activityIri(),
            version.lesson("quet-ma-de-tra-tien").activityIri());
    assertThat(
            path.step(CoursePath.Kind.LESSON, "ma-qr-nhan-tien-cua-chi").orElseThrow().unlocked())
        .isTrue();
    assertThat(path.step(CoursePath.Kind.LESSON, "kiem-tra-tien-da-ve").orElseThrow().unlocked())
        .isFalse();
    assertThat(path.resume().orElseThrow().key()).isEqualTo("ma-qr-nhan-tien-cua-chi");
    assertThat(path.percentDone()).isEqualTo(40);
  }

  @Test
  void aFailedQuizIsWhereSheResumesAndCountsAsAnAttempt() {
    version.lessons().forEach(l -> see(l.key()));
    finishQuiz(1);

    var path = path();
    var quiz = version.quizzes().get(0).activityIri();

    assertThat(path.progress().attemptsAt(quiz)).isEqualTo(1);
    assertThat(path.progress().bestQuizScores()).containsEntry(quiz, 12);
    assertThat(path.resume().orElseThrow().kind()).isEqualTo(CoursePath.Kind.QUIZ);
    assertThat(path.meetsCompletionRule()).isFalse();
  }

  @Test
  void theBestAttemptCountsAndPassingMeetsTheCompletionRule() {
    version.lessons().forEach(l -> see(l.key()));
    finishQuiz(1);
    finishQuiz(8);
    finishQuiz(2);

    var path = path();
    var quiz = version.quizzes().get(0).activityIri();

    assertThat(path.progress().attemptsAt(quiz)).isEqualTo(3);
    assertThat(path.progress().bestQuizScores()).containsEntry(quiz, 100);
    assertThat(path.meetsCompletionRule()).isTrue();
    assertThat(path.progress().completed()).isFalse();
    assertThat(path.resume()).isEmpty();
  }

  @Test
  void completedAndPassedComeOnlyFromStatementsOnTheCourse() {
    made.add(statements.coursePassed(who, Sample.AT));
    made.add(statements.completed(who, Sample.AT));

    var progress = path().progress();

    assertThat(progress.coursePassed()).isTrue();
    assertThat(progress.completed()).isTrue();
    assertThat(path().percentDone()).isEqualTo(100);
  }

  @Test
  void aStatementReadTwiceCountsOnce() {
    version.lessons().forEach(l -> see(l.key()));
    finishQuiz(1);
    var twice = new ArrayList<>(made);
    twice.addAll(made);

    var progress = EnrolmentProgress.of(version.course().activityIri(), Sample.REGISTRATION, twice);

    assertThat(progress.attemptsAt(version.quizzes().get(0).activityIri())).isEqualTo(1);
    assertThat(progress.history()).hasSize(made.size());
  }

  @Test
  void statementsOfAnotherRegistrationOrCourseAreIgnored() {
    var other =
        new LearningContext(
            Sample.ACCOUNT, UUID.randomUUID(), version.course().activityIri(), 1, Sample.SESSION);
    made.add(statements.completed(other, Sample.AT));
    var otherCourse =
        new LearningContext(
            Sample.ACCOUNT,
            Sample.REGISTRATION,
            Sample.iri("https://hocso.vn/xapi/activities/course/thanh-toan-bang-ma-vietqr-2"),
            1,
            Sample.SESSION);
    made.add(statements.completed(otherCourse, Sample.AT));

    var progress = path().progress();

    assertThat(progress.completed()).isFalse();
    assertThat(progress.history()).isEmpty();
  }

  private void see(String lessonKey) {
    made.add(statements.experienced(who, version.lesson(lessonKey), null, Sample.AT));
  }

  /** An attempt with {@code right} of the 8 questions answered right (the first ones). */
  private void finishQuiz(int right) {
    var module = version.module("nhan-tien-bang-qr");
    var quiz = module.quiz();
    var responses = new java.util.HashMap<String, Response>();
    var questions = quiz.questions();
    for (int i = 0; i < questions.size(); i++) {
      var question = questions.get(i);
      responses.put(question.key(), i < right ? Answers.right(question) : Answers.wrong(question));
    }
    made.add(statements.quizFinished(who, module, quiz.score(Map.copyOf(responses)), Sample.AT));
  }

  private CoursePath path() {
    return CoursePath.of(
        version, EnrolmentProgress.of(version.course().activityIri(), Sample.REGISTRATION, made));
  }
}
