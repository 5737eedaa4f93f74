package vn.hocso.lms.coverage.report.control;

/** The two files of a report. */
public enum ReportFormat {
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  PDF("pdf", "application/pdf");

  private final String extension;
  private final String contentType;

  ReportFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The format of a file extension, if it is one of ours. */
  public static java.util.Optional<ReportFormat> ofExtension(String extension) {
    for (var format : values()) {
      if (format.extension.equals(extension)) {
        return java.util.Optional.of(format);
      }
    }
    return java.util.Optional.empty();
  }
}
