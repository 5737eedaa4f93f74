package vn.hocso.xapi.client;

import java.util.OptionalInt;

/**
 * The LRS did not answer in time, could not be reached, or said it cannot answer now (5xx, 408,
 * 429). Retry later: statements with client-made ids can be sent again without duplicates. A
 * durable queue keeps them until then.
 */
public class XapiUnavailableException extends XapiException {

  private final int status;

  public XapiUnavailableException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  public XapiUnavailableException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status when the LRS answered, empty when it did not. */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
