package vn.hocso.content.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocso.content.authoring.Change.Kind;
import vn.hocso.content.course.domain.AnswerOption;
import vn.hocso.content.course.domain.Question;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.SampleCourses;

/** The "what changed" of the version history, item by item, matched by key. */
class VersionChangesTest {

  @Test
  void aFirstVersionSaysSo() {
    var course = SampleCourses.qrPayment();

    assertThat(VersionChanges.between(null, course.version(1)))
        .containsExactly(new Change(Kind.FIRST_VERSION, ""));
  }

  @Test
  void anUntouchedDraftChangesNothing() {
    var course = SampleCourses.qrPayment();
    course.publish();
    var draft = course.edit();

    assertThat(VersionChanges.between(course.version(1), draft))
        .containsExactly(new Change(Kind.NOTHING, ""));
  }

  @Test
  void namesEachEditOfTheNewDraft() {
    var course = SampleCourses.qrPayment();
    course.publish();
    var draft = course.edit();
    draft.retitle("Thanh toán bằng VietQR", "Paying with VietQR");
    var module = draft.module("chuyen-tien");
    module.lesson("quet-ma-qr").retitle("Quét mã VietQR");
    module.lesson("kiem-tra-nguoi-nhan").addBlock(new RichTextBlock("<p>Thêm</p>"));
    module.moveLesson("kiem-tra-nguoi-nhan", 0);
    module.addLesson("Giữ an toàn").addBlock(new RichTextBlock("<p>An toàn</p>"));
    module
        .quiz()
        .addQuestion(
            Question.singleChoice(
                "Ai được biết mã OTP?",
                List.of(
                    AnswerOption.right("Chỉ tôi", null), AnswerOption.wrong("Ngân hàng", null))));

    assertThat(VersionChanges.between(course.version(1), draft))
        .containsExactlyInAnyOrder(
            new Change(Kind.TITLE, "Thanh toán bằng VietQR"),
            new Change(Kind.LESSON_RENAMED, "Quét mã VietQR"),
            new Change(Kind.LESSON_CONTENT, "Kiểm tra người nhận"),
            new Change(Kind.LESSON_ADDED, "Giữ an toàn"),
            new Change(Kind.LESSONS_REORDERED, ""),
            new Change(Kind.QUIZ_CHANGED, "Bài kiểm tra"));
  }

  @Test
  void removalsAreNamedWithTheOldTitles() {
    var course = SampleCourses.qrPayment();
    course.publish();
    var draft = course.edit();
    var module = draft.module("chuyen-tien");
    module.removeLesson("kiem-tra-nguoi-nhan");
    module.removeQuiz();

    assertThat(VersionChanges.between(course.version(1), draft))
        .containsExactlyInAnyOrder(
            new Change(Kind.LESSON_REMOVED, "Kiểm tra người nhận"),
            new Change(Kind.QUIZ_REMOVED, "Bài kiểm tra"));
  }
}
