package vn.hocso.lms.authoring.domain;

/** What happened to a version of a course, for its history. */
public enum AuthoringAction {
  /** The course was created; its version 1 is a draft. */
  CREATED,
  /** A published course was edited: a new draft copied from the published version. */
  NEW_DRAFT,
  /** The draft was handed over for review and locked. */
  SUBMITTED,
  /** The version in review went back to draft. */
  RETURNED,
  /** The version was published; the one before it (if any) is superseded. */
  PUBLISHED,
  /** The course was made from a course package or a cmi5 course structure; version 1 is a draft. */
  IMPORTED
}
