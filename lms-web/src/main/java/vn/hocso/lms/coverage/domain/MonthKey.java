package vn.hocso.lms.coverage.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/** A month as the counters key it: {@code yyyymm}, e.g. 202611. */
public final class MonthKey {

  private MonthKey() {}

  public static int of(LocalDate day) {
    return day.getYear() * 100 + day.getMonthValue();
  }

  public static int of(YearMonth month) {
    return month.getYear() * 100 + month.getMonthValue();
  }

  public static YearMonth toMonth(int key) {
    return YearMonth.of(key / 100, key % 100);
  }
}
