package vn.hocso.xapi.client;

/**
 * The LRS could not be reached or gave an answer this client cannot use. The subclasses say what to
 * do next: {@link XapiUnavailableException} means "try again later" ({@link #retryable()}), a
 * {@link XapiRejectedException} means "this request will never succeed as it is".
 */
public class XapiException extends RuntimeException {

  public XapiException(String message) {
    super(message);
  }

  public XapiException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether sending the same request again later may succeed. */
  public boolean retryable() {
    return false;
  }
}
