package vn.hocso.lms.coverage.dashboard.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * The months a dashboard shows, from the first to the last (inclusive), in Vietnam's calendar. At
 * most {@link #MAX_MONTHS} months, and never starting after the current month.
 */
public record Period(Kind kind, YearMonth from, YearMonth to) {

  /** The choices of the period selector. */
  public enum Kind {
    THIS_MONTH,
    LAST_SIX_MONTHS,
    THIS_YEAR,
    CUSTOM
  }

  public static final int MAX_MONTHS = 60;

  public Period {
    if (from == null || to == null) {
      throw new UnitRuleException("Cần chọn tháng đầu và tháng cuối", "Both months are needed");
    }
    if (to.isBefore(from)) {
      throw new UnitRuleException(
          "Tháng cuối phải sau tháng đầu", "The period ends before it begins: " + from + "–" + to);
    }
    if (ChronoUnit.MONTHS.between(from, to) + 1 > MAX_MONTHS) {
      throw new UnitRuleException(
          "Khoảng thời gian dài nhất là " + MAX_MONTHS + " tháng",
          "A period spans at most " + MAX_MONTHS + " months");
    }
  }

  /** The period of a kind as of today; CUSTOM reads the two months given as yyyy-MM. */
  public static Period of(Kind kind, String from, String to, LocalDate today) {
    var month = YearMonth.from(today);
    return switch (kind == null ? Kind.LAST_SIX_MONTHS : kind) {
      case THIS_MONTH -> new Period(Kind.THIS_MONTH, month, month);
      case LAST_SIX_MONTHS -> new Period(Kind.LAST_SIX_MONTHS, month.minusMonths(5), month);
      case THIS_YEAR -> new Period(Kind.THIS_YEAR, YearMonth.of(today.getYear(), 1), month);
      case CUSTOM -> {
        var first = parse(from);
        if (first.isAfter(month)) {
          throw new UnitRuleException(
              "Tháng đầu không được sau tháng này", "The period cannot start in the future");
        }
        yield new Period(Kind.CUSTOM, first, parse(to));
      }
    };
  }

  private static YearMonth parse(String text) {
    try {
      return YearMonth.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      throw new UnitRuleException(
          "Tháng phải có dạng năm-tháng, ví dụ 2026-01", "A month is written yyyy-MM: " + text);
    }
  }

  /** Every month of the period, in order. */
  public List<YearMonth> months() {
    var months = new ArrayList<YearMonth>();
    for (var m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }
}
