package vn.hocso.lms.people.control;

/** The kinds of people a list can be narrowed to; a person may be of several. */
public enum PersonKind {
  /** Hội viên. */
  MEMBER,
  /** A woman who learns without being a member (phụ nữ chưa là hội viên). */
  NON_MEMBER_LEARNER,
  /** Cán bộ Hội. */
  STAFF,
  /** Giảng viên, báo cáo viên. */
  TRAINER
}
