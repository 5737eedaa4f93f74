package vn.hocso.lms.coverage.report.control;

import java.time.Instant;
import vn.hocso.lms.coverage.report.domain.ReportKind;
import vn.hocso.lms.coverage.report.domain.ReportPeriod;

/** A stored report as lists show it (no file bytes). */
public record ReportSummary(
    long id,
    long unitId,
    String unitName,
    String period,
    ReportKind kind,
    String generatedBy,
    Instant generatedAt,
    Instant frozenAt,
    String xlsxSha256,
    String pdfSha256) {

  /** E.g. "6 tháng đầu năm 2026". */
  public String periodName() {
    return ReportPeriod.parse(period).vietnameseName();
  }
}
