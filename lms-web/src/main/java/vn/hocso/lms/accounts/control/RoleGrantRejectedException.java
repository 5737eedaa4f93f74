package vn.hocso.lms.accounts.control;

/**
 * A role grant or revocation that is inside the caller's reach but makes no sense (no account, a
 * role that does not fit the unit, a grant she already holds). The message is Vietnamese, for the
 * form; an out-of-scope request is an {@link vn.hocso.lms.units.control.AccessDeniedException}.
 */
public class RoleGrantRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RoleGrantRejectedException(String message) {
    super(message);
  }
}
