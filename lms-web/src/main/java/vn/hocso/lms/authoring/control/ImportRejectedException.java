package vn.hocso.lms.authoring.control;

/**
 * A course package or cmi5.xml that cannot be imported; the message names the problem (from the
 * reader, in English, with the place: a JSON path, an AU id or a line). Nothing was stored.
 */
public class ImportRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ImportRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
