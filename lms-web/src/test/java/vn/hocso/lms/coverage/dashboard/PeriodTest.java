package vn.hocso.lms.coverage.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.coverage.dashboard.domain.Period;
import vn.hocso.lms.coverage.dashboard.domain.Period.Kind;
import vn.hocso.lms.units.domain.UnitRuleException;

class PeriodTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  @Test
  void eachChoiceEndsThisMonth() {
    assertThat(Period.of(Kind.THIS_MONTH, null, null, TODAY).months())
        .containsExactly(YearMonth.of(2026, 11));
    assertThat(Period.of(Kind.LAST_SIX_MONTHS, null, null, TODAY).from())
        .isEqualTo(YearMonth.of(2026, 6));
    assertThat(Period.of(Kind.THIS_YEAR, null, null, TODAY).months()).hasSize(11);
    assertThat(Period.of(null, null, null, TODAY).kind()).isEqualTo(Kind.LAST_SIX_MONTHS);
  }

  @Test
  void chosenMonthsAreReadAndChecked() {
    var custom = Period.of(Kind.CUSTOM, "2026-01", " 2026-03 ", TODAY);
    assertThat(custom.months()).hasSize(3);
    assertThatThrownBy(() -> Period.of(Kind.CUSTOM, "2026-03", "2026-01", TODAY))
        .isInstanceOf(UnitRuleException.class)
        .satisfies(e -> assertThat(((UnitRuleException) e).vietnameseMessage()).contains("sau"));
    assertThatThrownBy(() -> Period.of(Kind.CUSTOM, "tháng ba", "2026-01", TODAY))
        .isInstanceOf(UnitRuleException.class);
    assertThatThrownBy(() -> Period.of(Kind.CUSTOM, "2027-01", "2027-02", TODAY))
        .isInstanceOf(UnitRuleException.class);
    assertThatThrownBy(() -> Period.of(Kind.CUSTOM, "2020-01", "2026-01", TODAY))
        .isInstanceOf(UnitRuleException.class);
  }
}
