package vn.hocso.xapi.stream;

/**
 * The statement stream could not be reached, or did not confirm in time. Statements handed to a
 * publish that ends with this exception may or may not be on the stream; publishing them again is
 * safe because readers deduplicate by statement id.
 */
public class StatementStreamUnavailableException extends RuntimeException {

  public StatementStreamUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
