package vn.hocso.content.course.application;

import java.util.List;
import vn.hocso.content.course.domain.Lesson;

/** A lesson as a learner reads it (and as its author previews it). */
public record LessonView(
    long courseId,
    String courseTitle,
    String moduleTitle,
    String key,
    String title,
    List<BlockView> blocks) {

  public static LessonView of(Lesson lesson) {
    var version = lesson.module().version();
    return new LessonView(
        version.course().id(),
        version.title(),
        lesson.module().title(),
        lesson.key(),
        lesson.title(),
        lesson.blocks().stream().map(BlockView::of).toList());
  }
}
