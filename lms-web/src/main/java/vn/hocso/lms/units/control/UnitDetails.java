package vn.hocso.lms.units.control;

import java.time.LocalDate;
import java.util.List;

/** What the page of one unit shows. */
public record UnitDetails(
    UnitRow unit,
    List<UnitRow> ancestors,
    List<UnitRow> subUnits,
    long people,
    List<HistoryLine> history) {

  /** One line of the unit's history. */
  public record HistoryLine(LocalDate on, String kind, String detail) {}
}
