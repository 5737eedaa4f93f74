package vn.hocso.lms.coverage.report.control;

/** One file of a stored report, as a download sends it. */
public record ReportFile(
    byte[] bytes, ReportFormat format, String fileName, String asciiFileName) {}
