package vn.hocso.xapi.platform;

/** Known credentials whose scopes do not allow this request (HTTP 403, xAPI 2.0 Part 3 §4.2). */
public class ForbiddenException extends XapiRejection {

  public ForbiddenException(String rule, String message) {
    super(null, rule, message);
  }
}
