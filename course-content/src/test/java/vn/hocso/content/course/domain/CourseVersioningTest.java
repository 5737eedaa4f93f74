package vn.hocso.content.course.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CourseVersioningTest {

  private final Course course = SampleCourses.qrPayment();

  @Test
  void startsAsADraftNumberedOne() {
    assertThat(course.versions())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.number()).isEqualTo(1);
              assertThat(v.status()).isEqualTo(VersionStatus.DRAFT);
            });
    assertThat(course.isPublished()).isFalse();
  }

  @Test
  void goesFromDraftThroughReviewToPublished() {
    course.submitForReview();
    assertThat(course.version(1).status()).isEqualTo(VersionStatus.IN_REVIEW);

    course.publish();

    assertThat(course.publishedVersion()).contains(course.version(1));
    assertThat(course.version(1).publishedAt()).isNotNull();
    assertThat(course.workingVersion()).isEmpty();
  }

  @Test
  void locksAVersionInReview() {
    course.submitForReview();

    assertThatThrownBy(() -> course.version(1).retitle("Khác", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("IN_REVIEW");
    assertThatThrownBy(course::edit).hasMessageContaining("return it to draft");
  }

  @Test
  void letsAReviewerReturnAVersionToItsAuthor() {
    course.submitForReview();

    course.returnToDraft();

    course.edit().retitle("Thanh toán bằng VietQR", null);
    assertThat(course.title()).isEqualTo("Thanh toán bằng VietQR");
  }

  @Test
  void neverChangesAPublishedVersion() {
    course.publish();
    var published = course.version(1);

    assertThatThrownBy(() -> published.retitle("Khác", null))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> published.module("chuyen-tien").addLesson("Mới"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> published.lesson("quet-ma-qr").removeBlock(0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> published.module("chuyen-tien").quiz().requireScore(50))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void editingAPublishedCourseStartsANewDraftWithTheSameIris() {
    course.publish();

    var draft = course.edit();
    draft.lesson("quet-ma-qr").retitle("Quét mã VietQR");

    assertThat(draft.number()).isEqualTo(2);
    assertThat(draft.status()).isEqualTo(VersionStatus.DRAFT);
    assertThat(draft.lessons())
        .extracting(Lesson::activityIri)
        .containsExactlyElementsOf(
            course.version(1).lessons().stream().map(Lesson::activityIri).toList());
    assertThat(draft.quizzes().get(0).questions())
        .extracting(Question::activityIri)
        .containsExactlyElementsOf(
            course.version(1).quizzes().get(0).questions().stream()
                .map(Question::activityIri)
                .toList());
    assertThat(course.version(1).lesson("quet-ma-qr").title()).isEqualTo("Quét mã QR");
    assertThat(course.edit()).isSameAs(draft);
  }

  @Test
  void supersedesThePreviousVersionOnPublishingTheNext() {
    course.publish();
    course.edit().retitle("Thanh toán bằng VietQR", null);

    course.publish();

    assertThat(course.version(1).status()).isEqualTo(VersionStatus.SUPERSEDED);
    assertThat(course.publishedVersion()).contains(course.version(2));
    assertThat(course.title()).isEqualTo("Thanh toán bằng VietQR");
  }

  @Test
  void refusesToPublishAQuizQuestionWithoutARightAnswer() {
    course
        .edit()
        .module("chuyen-tien")
        .quiz()
        .addQuestion(
            Question.singleChoice(
                "Câu hỏi chưa xong",
                List.of(AnswerOption.wrong("A", null), AnswerOption.wrong("B", null))));

    assertThatThrownBy(course::publish)
        .isInstanceOf(CourseNotPublishableException.class)
        .hasMessageContaining("Question \"Câu hỏi chưa xong\" has no right answer");
    assertThat(course.isPublished()).isFalse();
  }

  @Test
  void namesEveryProblemBeforeReview() {
    var draft = course.edit();
    draft.addModule("Trống");
    draft.module("on-tap").addLesson("Chưa viết");
    draft.module("on-tap").attachQuiz("Kiểm tra cuối", 80, AttemptsPolicy.unlimited());

    assertThat(draft.problemsBeforePublishing())
        .containsExactly(
            "Lesson \"Chưa viết\" has no content",
            "Quiz \"Kiểm tra cuối\" has no questions",
            "Module \"Trống\" has no lessons");
    assertThat(draft.publishingProblems())
        .extracting(PublishingProblem::code, PublishingProblem::placeTitle)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PublishingProblem.Code.LESSON_EMPTY, "Chưa viết"),
            org.assertj.core.groups.Tuple.tuple(PublishingProblem.Code.QUIZ_EMPTY, "Kiểm tra cuối"),
            org.assertj.core.groups.Tuple.tuple(PublishingProblem.Code.MODULE_EMPTY, "Trống"));
    assertThatThrownBy(course::submitForReview).isInstanceOf(CourseNotPublishableException.class);
  }

  @Test
  void refusesASingleChoiceQuestionWithTwoRightAnswers() {
    var question =
        Question.singleChoice(
            "Chọn một", List.of(AnswerOption.right("A", null), AnswerOption.right("B", null)));

    assertThat(question.problems())
        .containsExactly("Question \"Chọn một\" has 2 right answers but allows only one choice");
  }

  @Test
  void acceptsAMultipleChoiceQuestionWithSeveralRightAnswers() {
    var question =
        Question.multipleChoice(
            "Chọn nhiều", List.of(AnswerOption.right("A", null), AnswerOption.right("B", null)));

    assertThat(question.problems()).isEmpty();
  }
}
