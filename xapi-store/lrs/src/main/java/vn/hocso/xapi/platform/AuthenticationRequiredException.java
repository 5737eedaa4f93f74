package vn.hocso.xapi.platform;

/** No credentials, or credentials the LRS does not know (HTTP 401, xAPI 2.0 Part 3 §4). */
public class AuthenticationRequiredException extends XapiRejection {

  public AuthenticationRequiredException(String message) {
    super("Authorization", "basic-authentication-required", message);
  }
}
