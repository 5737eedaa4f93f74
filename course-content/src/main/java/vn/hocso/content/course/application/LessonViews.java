package vn.hocso.content.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.hocso.content.course.domain.Lesson;
import vn.hocso.content.course.domain.VersionStatus;

/**
 * Lessons as learners read them, made once per lesson of a published version instead of on every
 * page: the rich text is sanitised again on the way out (OWASP policy, {@code BlockView}), which
 * was a lesson page's own work beside Faces. A version's content never changes once it has left
 * draft ({@code CourseVersion.requireDraft} guards every edit), so a view is keyed by course,
 * version number and lesson, and never goes stale: publishing makes a new version number, and the
 * learners still on the old one keep reading theirs. A working version (draft, in review: the
 * author's preview) is never kept. Bounded: when full, it starts again empty.
 */
@ApplicationScoped
public class LessonViews {

  /** Far more lessons than the platform's courses have in their published versions. */
  static final int MAX_LESSONS = 5_000;

  private final Map<Key, LessonView> views = new ConcurrentHashMap<>();

  private record Key(long courseId, int versionNumber, String lessonKey) {}

  /** The lesson as a learner reads it. */
  public LessonView of(Lesson lesson) {
    var version = lesson.module().version();
    if (version.status() != VersionStatus.PUBLISHED
        && version.status() != VersionStatus.SUPERSEDED) {
      return LessonView.of(lesson);
    }
    var key = new Key(version.course().id(), version.number(), lesson.key());
    var view = views.get(key);
    if (view == null) {
      if (views.size() >= MAX_LESSONS) {
        views.clear();
      }
      view = LessonView.of(lesson);
      views.put(key, view);
    }
    return view;
  }
}
