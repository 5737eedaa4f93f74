package vn.hocso.lms.people.domain;

/** How a Union officer (cán bộ Hội) is employed. */
public enum StaffEmployment {
  /** Chuyên trách. */
  FULL_TIME,
  /** Bán chuyên trách / kiêm nhiệm. */
  PART_TIME
}
