package vn.hocso.content.course.domain;

/** The kinds of question a quiz or a lesson can ask. */
public enum QuestionKind {
  /** One right option among several. */
  SINGLE_CHOICE,
  /** Every right option, and none of the wrong ones, must be chosen. */
  MULTIPLE_CHOICE,
  /** A statement that is true or false: two options, one right. */
  TRUE_FALSE,
  /** Put the options in the right order (the order they were written in). */
  ORDERING
}
