package vn.hocso.xapi.platform;

/** The request contradicts what the LRS already holds (HTTP 409). */
public class ConflictException extends XapiRejection {

  public ConflictException(String field, String rule, String message) {
    super(field, rule, message);
  }
}
