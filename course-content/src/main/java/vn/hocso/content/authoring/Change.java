package vn.hocso.content.authoring;

import java.util.Objects;

/**
 * One thing that changed from a version of a course to the next, for the version history. {@code
 * subject} names what changed (a lesson's title, say) in the words the author used; the page turns
 * the kind into a sentence in the reader's language.
 */
public record Change(Kind kind, String subject) {

  /** What kind of change. */
  public enum Kind {
    FIRST_VERSION,
    TITLE,
    SUMMARY,
    DETAILS,
    MODULE_ADDED,
    MODULE_REMOVED,
    MODULE_RENAMED,
    MODULES_REORDERED,
    LESSON_ADDED,
    LESSON_REMOVED,
    LESSON_RENAMED,
    LESSON_MOVED,
    LESSONS_REORDERED,
    LESSON_CONTENT,
    QUIZ_ADDED,
    QUIZ_REMOVED,
    QUIZ_CHANGED,
    NOTHING
  }

  public Change {
    Objects.requireNonNull(kind);
    subject = subject == null ? "" : subject;
  }

  static Change of(Kind kind) {
    return new Change(kind, "");
  }
}
