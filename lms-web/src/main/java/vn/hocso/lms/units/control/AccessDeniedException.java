package vn.hocso.lms.units.control;

/** The account asked for something outside its scope. */
public class AccessDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(message);
  }
}
