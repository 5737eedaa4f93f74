package vn.hocso.lms.web.api;

/**
 * A request body over the API's cap: 413 (see {@link JsonBodyLimit}, {@link ApiExceptionMapper}).
 */
public class BodyTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BodyTooLargeException() {
    super("Request body over " + JsonBodyLimit.MAX_BYTES + " bytes");
  }
}
