package vn.hocso.content.course.domain;

/** Whom a course is written for. */
public enum Audience {
  /** Hội viên and women in the community. */
  MEMBERS,
  /** Cán bộ Hội: Union staff and officers. */
  UNION_STAFF
}
