package vn.hocso.lms.coverage.report.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import vn.hocso.lms.coverage.report.domain.ReportRefusedException.Reason;

/**
 * A report period of the Union's calendar: the first half year (January–June, "6 tháng đầu năm"),
 * the second (July–December, "6 tháng cuối năm"), or the whole year. Whole calendar months, because
 * the counters are kept per month. Its code ({@code 2026-H1}, {@code 2026-H2}, {@code 2026-Y}) is
 * the key of the frozen figures ({@code cov_frozen_period}).
 */
public record ReportPeriod(int year, Span span) {

  /** Which part of the year. */
  public enum Span {
    FIRST_HALF("H1", 1, 6, ReportKind.SIX_MONTH, "6 tháng đầu năm"),
    SECOND_HALF("H2", 7, 12, ReportKind.SIX_MONTH, "6 tháng cuối năm"),
    YEAR("Y", 1, 12, ReportKind.ANNUAL, "năm");

    private final String suffix;
    private final int firstMonth;
    private final int lastMonth;
    private final ReportKind kind;
    private final String vietnamese;

    Span(String suffix, int firstMonth, int lastMonth, ReportKind kind, String vietnamese) {
      this.suffix = suffix;
      this.firstMonth = firstMonth;
      this.lastMonth = lastMonth;
      this.kind = kind;
      this.vietnamese = vietnamese;
    }

    public ReportKind kind() {
      return kind;
    }
  }

  /** Years a report can name: the platform began in 2025; four digits keep codes short. */
  public static final int FIRST_YEAR = 2000;

  public static final int LAST_YEAR = 9999;

  private static final Pattern CODE = Pattern.compile("(\\d{4})-(H1|H2|Y)");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  public ReportPeriod {
    if (span == null) {
      throw new ReportRefusedException(Reason.NOT_A_PERIOD, "?");
    }
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new ReportRefusedException(Reason.NOT_A_PERIOD, year + "-" + span.suffix);
    }
  }

  /** Reads a code such as {@code 2026-H1}; anything else is refused as not a report period. */
  public static ReportPeriod parse(String code) {
    var text = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    var match = CODE.matcher(text);
    if (!match.matches()) {
      throw new ReportRefusedException(Reason.NOT_A_PERIOD, code == null ? "" : code.strip());
    }
    int year = Integer.parseInt(match.group(1));
    for (var span : Span.values()) {
      if (span.suffix.equals(match.group(2))) {
        return new ReportPeriod(year, span);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  public String code() {
    return year + "-" + span.suffix;
  }

  public ReportKind kind() {
    return span.kind;
  }

  public YearMonth from() {
    return YearMonth.of(year, span.firstMonth);
  }

  public YearMonth to() {
    return YearMonth.of(year, span.lastMonth);
  }

  public LocalDate firstDay() {
    return from().atDay(1);
  }

  public LocalDate lastDay() {
    return to().atEndOfMonth();
  }

  /**
   * Refuses a period that is not over on {@code today} (Vietnam's day): one not begun, or one still
   * running, whose figures can still change. A report is made only of a closed, frozen period.
   */
  public void requireClosedOn(LocalDate today) {
    if (firstDay().isAfter(today)) {
      throw new ReportRefusedException(Reason.FUTURE_PERIOD, code());
    }
    if (!lastDay().isBefore(today)) {
      throw new ReportRefusedException(
          Reason.OPEN_PERIOD, code(), lastDay().plusDays(1).format(DAY));
    }
  }

  /** E.g. "6 tháng đầu năm 2026", "năm 2026". */
  public String vietnameseName() {
    return span.vietnamese + " " + year;
  }

  /** E.g. "01/01/2026 – 30/06/2026". */
  public String vietnameseDays() {
    return firstDay().format(DAY) + " – " + lastDay().format(DAY);
  }

  @Override
  public String toString() {
    return code();
  }
}
