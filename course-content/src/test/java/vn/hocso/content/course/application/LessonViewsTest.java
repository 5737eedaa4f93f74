package vn.hocso.content.course.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.SampleCourses;

class LessonViewsTest {

  private final LessonViews views = new LessonViews();

  @Test
  void makesAPublishedLessonsViewOnceAndANewVersionsAnew() throws Exception {
    var course = withId(SampleCourses.qrPayment(), 7L);
    course.submitForReview();
    course.publish();
    var lesson = course.version(1).lessons().get(0);

    var first = views.of(lesson);
    assertThat(first).isEqualTo(LessonView.of(lesson));
    assertThat(views.of(lesson)).isSameAs(first);

    // The author edits and publishes version 2: its lesson is read as it now is, version 1's
    // learners keep theirs.
    var draft = course.edit();
    draft.lessons().get(0).addBlock(new RichTextBlock("<p>Đoạn mới.</p>"));
    course.submitForReview();
    course.publish();
    var edited = views.of(course.version(2).lessons().get(0));
    assertThat(edited.blocks()).hasSize(first.blocks().size() + 1);
    assertThat(views.of(course.version(1).lessons().get(0))).isSameAs(first);
  }

  @Test
  void neverKeepsAWorkingVersionsLesson() throws Exception {
    var course = withId(SampleCourses.qrPayment(), 8L);
    var lesson = course.version(1).lessons().get(0);
    var before = views.of(lesson);

    lesson.addBlock(new RichTextBlock("<p>Sửa trong bản nháp.</p>"));

    assertThat(views.of(lesson).blocks()).hasSize(before.blocks().size() + 1);
  }

  private static Course withId(Course course, long id) throws Exception {
    var field = Course.class.getDeclaredField("id");
    field.setAccessible(true);
    field.set(course, id);
    return course;
  }
}
