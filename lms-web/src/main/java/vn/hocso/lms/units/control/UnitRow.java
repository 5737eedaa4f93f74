package vn.hocso.lms.units.control;

import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/** A unit as lists show it. */
public record UnitRow(long id, String code, String name, UnitKind kind, String parentName) {

  /**
   * A unit known only by the id a form sent back: the service that receives it decides whether the
   * caller may name it, so a forged id is refused there, not hidden here.
   */
  public static UnitRow reference(long id) {
    return new UnitRow(id, "", "", null, "");
  }

  static UnitRow of(OrgUnit unit) {
    return new UnitRow(
        unit.id(),
        unit.code().orElse(""),
        unit.name(),
        unit.kind(),
        unit.parent().map(OrgUnit::name).orElse(""));
  }
}
