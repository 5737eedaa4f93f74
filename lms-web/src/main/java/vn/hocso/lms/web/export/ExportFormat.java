package vn.hocso.lms.web.export;

/** The two formats every table of the platform can be downloaded in. */
public enum ExportFormat {
  /** UTF-8 with a byte-order mark, so Excel shows Vietnamese; comma separated, RFC 4180 quoting. */
  CSV("text/csv; charset=UTF-8", "csv"),
  /** An Excel workbook, written streaming (SXSSF). */
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

  private final String contentType;
  private final String extension;

  ExportFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  /** A file name: the base (ASCII, no extension) and the format's extension. */
  public String fileName(String base) {
    return base + "." + extension;
  }

  /** Reads a request parameter; anything else is refused, not guessed. */
  public static ExportFormat parse(String text) {
    for (var format : values()) {
      if (format.name().equalsIgnoreCase(text)) {
        return format;
      }
    }
    throw new IllegalArgumentException("Unknown export format: " + text);
  }
}
