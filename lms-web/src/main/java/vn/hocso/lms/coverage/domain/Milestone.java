package vn.hocso.lms.coverage.domain;

/**
 * What a person has reached in a course, as docs/XAPI-PROFILE.md ("What a reader derives") defines
 * it. The milestones are independent flags: each is reached by its own statements.
 */
public enum Milestone {
  /** A {@code registered} statement for the course. */
  ENROLLED,
  /**
   * Any {@code launched}, {@code experienced}, {@code answered}, quiz {@code passed}/{@code
   * failed}.
   */
  IN_PROGRESS,
  /** {@code completed} with the course as object. */
  COMPLETED,
  /** {@code passed} with the course as object. */
  PASSED,
  /** {@code earned} whose grouping is the course, not voided. */
  CERTIFIED
}
