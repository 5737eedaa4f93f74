package vn.hocso.content.course.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseStructureTest {

  private final Course course = SampleCourses.qrPayment();
  private final CourseVersion draft = course.edit();

  @Test
  void givesEachLessonAStableIriFromItsTitle() {
    assertThat(draft.lesson("quet-ma-qr").activityIri())
        .hasToString(ActivityIri.COURSE_PREFIX + "thanh-toan-bang-ma-qr/lesson/quet-ma-qr");
  }

  @Test
  void makesTheKeyOfASecondLessonWithTheSameTitleUnique() {
    var again = draft.module("on-tap").addLesson("Quét mã QR");

    assertThat(again.key()).isEqualTo("quet-ma-qr-2");
  }

  @Test
  void keepsLessonPositionsDenseWhenReordering() {
    var module = draft.module("chuyen-tien");
    module.addLesson("Bài ba");

    module.moveLesson("bai-ba", 0);

    assertThat(module.lessons())
        .extracting(Lesson::key)
        .containsExactly("bai-ba", "quet-ma-qr", "kiem-tra-nguoi-nhan");
    assertThat(module.lessons()).extracting(Lesson::position).containsExactly(0, 1, 2);
  }

  @Test
  void keepsPositionsDenseWhenALessonMovesToAnotherModule() {
    draft.moveLesson("quet-ma-qr", "on-tap", 1);

    assertThat(draft.module("chuyen-tien").lessons())
        .extracting(Lesson::position)
        .containsExactly(0);
    assertThat(draft.module("on-tap").lessons())
        .extracting(Lesson::key)
        .containsExactly("tong-ket", "quet-ma-qr");
    assertThat(draft.module("on-tap").lessons()).extracting(Lesson::position).containsExactly(0, 1);
    assertThat(draft.lesson("quet-ma-qr").module().key()).isEqualTo("on-tap");
  }

  @Test
  void keepsBlockPositionsDenseWhenABlockIsRemoved() {
    var lesson = draft.lesson("quet-ma-qr");

    lesson.removeBlock(1);

    assertThat(lesson.blocks())
        .extracting(ContentBlock::position)
        .containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void rejectsAMoveOutsideTheList() {
    assertThatThrownBy(() -> draft.module("chuyen-tien").moveLesson("quet-ma-qr", 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside 0..1");
  }

  @Test
  void givesAnEmbeddedQuestionItsOwnIri() {
    var block = (QuestionBlock) draft.lesson("quet-ma-qr").blocks().get(6);

    assertThat(block.question().activityIri().toString())
        .startsWith(
            ActivityIri.COURSE_PREFIX + "thanh-toan-bang-ma-qr/question/nhan-vien-ngan-hang");
  }

  @Test
  void replacingAQuestionKeepsItsIri() {
    var quiz = draft.module("chuyen-tien").quiz();
    var first = quiz.questions().get(0);

    var replacement =
        quiz.replaceQuestion(
            first.key(),
            Question.singleChoice(
                "VietQR là gì?",
                List.of(
                    AnswerOption.right("Mã chuyển tiền", null),
                    AnswerOption.wrong("Mã giảm giá", null))));

    assertThat(replacement.activityIri()).isEqualTo(first.activityIri());
    assertThat(quiz.questions().get(0).prompt()).isEqualTo("VietQR là gì?");
  }

  @Test
  void rejectsAVideoLinkThatIsNotHttps() {
    assertThatThrownBy(() -> VideoBlock.linked("javascript:alert(1)", null))
        .hasMessageContaining("https");
  }

  @Test
  void rejectsAMediaReferenceOutsideTheMediaFolder() {
    assertThatThrownBy(() -> new ImageBlock("../etc/passwd", "x", null))
        .hasMessageContaining("media/");
  }

  @Test
  void rejectsACompletionRuleThatAsksForNothing() {
    assertThatThrownBy(() -> new CompletionRule(false, false))
        .hasMessageContaining("completion rule");
  }

  @Test
  void rejectsACourseAsItsOwnPrerequisite() {
    assertThatThrownBy(() -> draft.requirePrerequisite(course.activityIri()))
        .hasMessageContaining("own prerequisite");
  }

  @Test
  void opensOnlyToLearnersWhoCompletedThePrerequisites() {
    var prerequisite = URI.create(ActivityIri.COURSE_PREFIX + "dung-dien-thoai");

    assertThat(draft.isOpenTo(java.util.Set.of())).isFalse();
    assertThat(draft.isOpenTo(java.util.Set.of(prerequisite))).isTrue();
  }

  @Test
  void normalisesTagsAndDropsDuplicates() {
    draft.tag(List.of(" VietQR ", "vietqr", "Ngân hàng"));

    assertThat(draft.tags()).containsExactly("vietqr", "ngân hàng");
  }

  @Test
  void collectsEveryMediaReference() {
    assertThat(draft.mediaReferences())
        .containsExactlyInAnyOrder(
            "media/cover.jpg", "media/vietqr.png", "media/quet-ma.mp4", "media/buoc-1.png");
  }

  @Test
  void replacingABlockPutsTheNewOneInItsPlace() {
    var lesson = draft.lesson("quet-ma-qr");

    lesson.replaceBlock(0, new RichTextBlock("<p>Mới</p>"));

    assertThat(((RichTextBlock) lesson.blocks().get(0)).html()).isEqualTo("<p>Mới</p>");
    assertThat(lesson.blocks()).hasSize(7);
    assertThat(lesson.blocks())
        .extracting(ContentBlock::position)
        .containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void editingAnEmbeddedQuestionKeepsItsIri() {
    var lesson = draft.lesson("quet-ma-qr");
    var before = ((QuestionBlock) lesson.blocks().get(6)).question().activityIri();

    lesson.replaceBlock(
        6, new QuestionBlock(Question.trueFalse("Câu hỏi đã sửa.", false, null, null)));

    assertThat(((QuestionBlock) lesson.blocks().get(6)).question().activityIri()).isEqualTo(before);
  }

  @Test
  void refusesABlockThatAlreadyBelongsToALesson() {
    var lesson = draft.lesson("quet-ma-qr");
    var block = lesson.blocks().get(0);

    assertThatThrownBy(() -> draft.lesson("tong-ket").addBlock(block))
        .hasMessageContaining("already belongs");
  }
}
