package vn.hocso.content.course.domain;

/** How much a course expects a learner to know already. */
public enum Level {
  /** Cơ bản: for someone who has never done it. */
  BASIC,
  /** Trung cấp: for someone who has done it a few times. */
  INTERMEDIATE,
  /** Nâng cao: for someone who does it often and wants to do more. */
  ADVANCED
}
