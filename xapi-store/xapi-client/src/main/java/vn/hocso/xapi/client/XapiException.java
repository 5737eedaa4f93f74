package vn.hocso.xapi.client;

/** The LRS could not be reached or gave an answer this client cannot use. */
public class XapiException extends RuntimeException {

  public XapiException(String message) {
    super(message);
  }

  public XapiException(String message, Throwable cause) {
    super(message, cause);
  }
}
