package vn.hocso.xapi.platform;

/** The requested resource does not exist (HTTP 404). */
public class NotFoundRejection extends XapiRejection {

  public NotFoundRejection(String field, String message) {
    super(field, "not-found", message);
  }
}
