package vn.hocso.content.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.hocso.content.course.domain.Lesson;
import vn.hocso.content.course.domain.VersionStatus;

/**
 * Lessons as learners read them, made once per lesson of a published version instead of on every
 * page: the rich text is sanitised again on the way out (OWASP policy, {@code BlockView}), which
 * was a lesson page's own work beside Faces. A version's content never changes once it has left
 * draft ({@code CourseVersion.requireDraft} guards every edit), so a view is keyed by course,
 * version number and lesson, and never goes stale: publishing makes a new version number, and the
 * learners still on the old one keep reading theirs. A working version (draft, in review: the
 * author's preview) is never kept. Bounded: when full, the lesson read longest ago makes room
 * (least recently used), so the lessons learners are on stay however many versions pile up.
 */
@ApplicationScoped
public class LessonViews {

  /** Far more lessons than the platform's courses have in their published versions. */
  static final int MAX_LESSONS = 5_000;

  private final int capacity;

  /** In access order; guarded by itself. A view is made outside the lock (sanitising is slow). */
  private final LinkedHashMap<Key, LessonView> views;

  private record Key(long courseId, int versionNumber, String lessonKey) {}

  public LessonViews() {
    this(MAX_LESSONS);
  }

  /** Keeping at most {@code capacity} lessons. */
  LessonViews(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("Keep at least one lesson: " + capacity);
    }
    this.capacity = capacity;
    this.views =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, LessonView> eldest) {
            return size() > LessonViews.this.capacity;
          }
        };
  }

  /** The lesson as a learner reads it. */
  public LessonView of(Lesson lesson) {
    var version = lesson.module().version();
    if (version.status() != VersionStatus.PUBLISHED
        && version.status() != VersionStatus.SUPERSEDED) {
      return LessonView.of(lesson);
    }
    var key = new Key(version.course().id(), version.number(), lesson.key());
    synchronized (views) {
      var kept = views.get(key); // a read counts as a use
      if (kept != null) {
        return kept;
      }
    }
    // Two requests may both make it the first time; either view is the same, the first one stays.
    var made = LessonView.of(lesson);
    synchronized (views) {
      var kept = views.putIfAbsent(key, made);
      return kept != null ? kept : made;
    }
  }

  /** How many lessons are kept now. */
  int size() {
    synchronized (views) {
      return views.size();
    }
  }
}
