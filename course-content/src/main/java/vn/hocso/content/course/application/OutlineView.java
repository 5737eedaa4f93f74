package vn.hocso.content.course.application;

import java.util.List;
import vn.hocso.content.course.domain.CourseModule;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.VersionStatus;

/** The outline of one version of a course: its modules, their lessons and quizzes, in order. */
public record OutlineView(
    long courseId,
    int versionNumber,
    VersionStatus status,
    String title,
    String summary,
    List<ModuleView> modules) {

  /** A module and what it holds. */
  public record ModuleView(String key, String title, List<LessonItem> lessons, QuizItem quiz) {

    static ModuleView of(CourseModule module) {
      var quiz = module.quiz();
      return new ModuleView(
          module.key(),
          module.title(),
          module.lessons().stream()
              .map(l -> new LessonItem(l.key(), l.title(), l.blocks().size()))
              .toList(),
          quiz == null
              ? null
              : new QuizItem(
                  quiz.key(), quiz.title(), quiz.questions().size(), quiz.passingScore()));
    }
  }

  /** A lesson in an outline. */
  public record LessonItem(String key, String title, int blockCount) {}

  /** The quiz that ends a module. */
  public record QuizItem(String key, String title, int questionCount, int passingScore) {}

  public static OutlineView of(CourseVersion version) {
    return new OutlineView(
        version.course().id(),
        version.number(),
        version.status(),
        version.title(),
        version.summary(),
        version.modules().stream().map(ModuleView::of).toList());
  }

  /** Every lesson key, in course order. */
  public List<String> lessonKeys() {
    return modules.stream().flatMap(m -> m.lessons().stream()).map(LessonItem::key).toList();
  }
}
