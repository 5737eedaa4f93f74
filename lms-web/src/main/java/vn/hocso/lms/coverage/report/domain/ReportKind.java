package vn.hocso.lms.coverage.report.domain;

/** The two reports of the Union's calendar: every six months and every year. */
public enum ReportKind {
  SIX_MONTH,
  ANNUAL
}
