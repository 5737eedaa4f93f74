package vn.hocso.xapi.platform;

/** A request body over the configured limit (HTTP 413). */
public class RequestTooLargeException extends XapiRejection {

  public RequestTooLargeException(long limitBytes) {
    super(
        null,
        "request-size-limit",
        "The request body is larger than this LRS accepts (" + limitBytes + " bytes)");
  }
}
