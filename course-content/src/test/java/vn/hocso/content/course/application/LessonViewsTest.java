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

  @Test
  void whenFullTheLessonReadLongestAgoMakesRoomAndTheOthersStay() throws Exception {
    var course = withId(SampleCourses.qrPayment(), 9L);
    course.submitForReview();
    course.publish();
    var lessons = course.version(1).lessons();
    assertThat(lessons).hasSizeGreaterThanOrEqualTo(3);
    var small = new LessonViews(2);

    var first = small.of(lessons.get(0));
    var second = small.of(lessons.get(1));
    assertThat(small.of(lessons.get(0))).isSameAs(first); // read again: the most recent now
    small.of(lessons.get(2)); // full: the second, read longest ago, makes room

    assertThat(small.size()).isEqualTo(2);
    assertThat(small.of(lessons.get(0))).isSameAs(first);
    assertThat(small.of(lessons.get(1))).isNotSameAs(second).isEqualTo(second);
  }

  @Test
  void staysBoundedAndRightUnderConcurrentReaders() throws Exception {
    var course = withId(SampleCourses.qrPayment(), 10L);
    course.submitForReview();
    course.publish();
    var lessons = course.version(1).lessons();
    var expected = lessons.stream().map(LessonView::of).toList();
    var small = new LessonViews(2);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var work = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 300; i++) {
                    int n = (i * 7 + seed) % lessons.size();
                    assertThat(small.of(lessons.get(n))).isEqualTo(expected.get(n));
                  }
                  return null;
                }));
      }
      for (var done : work) {
        done.get(); // rethrows a reader's failure
      }
    } finally {
      pool.shutdown();
    }
    assertThat(small.size()).isEqualTo(2);
  }

  private static Course withId(Course course, long id) throws Exception {
    var field = Course.class.getDeclaredField("id");
    field.setAccessible(true);
    field.set(course, id);
    return course;
  }
}
