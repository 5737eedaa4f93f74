package vn.hocso.lms.coverage.report.domain;

import java.util.Optional;

/**
 * One indicator of one unit: people who reached it during the period ({@code inPeriod}) and by its
 * end ({@code byEnd}, the numerator), over the people of the unit on the day counted ({@code
 * people}, the denominator).
 */
public record Count(long inPeriod, long byEnd, long people) {

  public Count {
    if (byEnd < inPeriod) {
      throw new IllegalArgumentException(
          "Not a count: " + inPeriod + " in period but " + byEnd + " by its end");
    }
  }

  /**
   * byEnd as a share of people, in percent rounded to one decimal (the rule of the dashboards'
   * {@code CoverageQuery.Figure}); empty without people.
   */
  public Optional<Double> percent() {
    return people == 0 ? Optional.empty() : Optional.of(Math.round(1000.0 * byEnd / people) / 10.0);
  }
}
