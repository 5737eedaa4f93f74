package vn.hocso.lms.accounts.domain;

/** What an account may do; every role but LEARNER is held over a subtree of units (its scope). */
public enum Role {
  /** Học viên: takes courses. */
  LEARNER,
  /** Giảng viên: authors courses and follows own classes. */
  TRAINER,
  /** Cán bộ Hội of a commune or province: manages that subtree. */
  UNIT_OFFICER,
  /** Quản trị Trung ương: everything. */
  CENTRAL_ADMIN
}
