package vn.hocso.lms.units.control;

import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * No unit has that id. A {@link UnitRuleException} for the pages, which show its message as any
 * other; the API answers it exactly as it answers a unit outside the caller's scope (404), so that
 * the existence of another province's units is not told.
 */
public class UnknownUnitException extends UnitRuleException {

  private static final long serialVersionUID = 1L;

  public UnknownUnitException(long id) {
    super("Không tìm thấy đơn vị " + id, "No unit " + id);
  }
}
