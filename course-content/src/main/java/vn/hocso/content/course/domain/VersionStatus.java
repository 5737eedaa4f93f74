package vn.hocso.content.course.domain;

/**
 * Where a version of a course is in its life: draft → in review → published → superseded. Only a
 * draft can be edited; a published version never changes, and stays playable after it is superseded
 * so that learners who started it can finish it.
 */
public enum VersionStatus {
  /** Being written; the only state in which content changes. */
  DRAFT,
  /** Handed over for review; locked until published or returned to draft. */
  IN_REVIEW,
  /** The version new learners start. At most one per course. */
  PUBLISHED,
  /** Was published; learners who started it may finish it, new learners get a later version. */
  SUPERSEDED
}
