package vn.hocso.lms.units.control;

import java.time.LocalDate;
import java.util.List;

/**
 * What the page of one unit shows.
 *
 * @param closedOn the first day it no longer exists, or null while it is open
 * @param predecessors units that merged into it or that it was split from
 * @param successors units it merged into or was split into
 */
public record UnitDetails(
    UnitRow unit,
    List<UnitRow> ancestors,
    List<UnitRow> subUnits,
    long people,
    List<HistoryLine> history,
    LocalDate closedOn,
    List<UnitRow> predecessors,
    List<UnitRow> successors) {

  /**
   * One line of the unit's history.
   *
   * @param relatedUnitId the unit the line names, when the viewer's scope covers it (a link)
   */
  public record HistoryLine(LocalDate on, String kind, String detail, Long relatedUnitId) {}
}
