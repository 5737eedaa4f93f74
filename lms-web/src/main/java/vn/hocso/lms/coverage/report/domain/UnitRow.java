package vn.hocso.lms.coverage.report.domain;

import java.util.Map;

/**
 * One row of a report: a unit (a child, the people homed in the reported unit itself, or the
 * reported unit's total) with its people and members on the day counted and its counts per
 * indicator; an indicator nobody reached counts 0.
 */
public record UnitRow(
    long unitId, String name, long people, long members, Map<Indicator, Count> counts) {

  public UnitRow {
    counts = Map.copyOf(counts);
    for (var count : counts.values()) {
      if (count.people() != people) {
        throw new IllegalArgumentException("A count of " + name + " has another denominator");
      }
    }
  }

  public Count count(Indicator indicator) {
    return counts.getOrDefault(indicator, new Count(0, 0, people));
  }

  /** Whether the row holds nobody and nothing. */
  public boolean isEmpty() {
    return people == 0
        && members == 0
        && counts.values().stream().allMatch(c -> c.inPeriod() == 0 && c.byEnd() == 0);
  }
}
