package vn.hocso.lms.units.control;

import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/** A unit as lists show it. */
public record UnitRow(long id, String code, String name, UnitKind kind, String parentName) {

  static UnitRow of(OrgUnit unit) {
    return new UnitRow(
        unit.id(),
        unit.code().orElse(""),
        unit.name(),
        unit.kind(),
        unit.parent().map(OrgUnit::name).orElse(""));
  }
}
