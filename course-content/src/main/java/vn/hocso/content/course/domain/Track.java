package vn.hocso.content.course.domain;

/** The learning tracks of the Union's digital-skills plan (Plan 292/KH-BCH). */
public enum Track {
  /** Thanh toán điện tử. */
  ELECTRONIC_PAYMENT,
  /** Thương mại điện tử. */
  E_COMMERCE,
  /** Dịch vụ công trực tuyến. */
  ONLINE_PUBLIC_SERVICES,
  /** Courses for Union staff (cán bộ Hội) on running the work. */
  UNION_WORK
}
