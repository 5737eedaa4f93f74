package vn.hocso.xapi.platform;

/** An If-Match or If-None-Match precondition the document does not meet (HTTP 412). */
public class PreconditionFailedException extends XapiRejection {

  public PreconditionFailedException(String header, String message) {
    super(header, "precondition", message);
  }
}
