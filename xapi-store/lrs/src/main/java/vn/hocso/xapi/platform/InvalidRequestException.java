package vn.hocso.xapi.platform;

/** A malformed request: bad JSON, a bad or unknown parameter, a missing header (HTTP 400). */
public class InvalidRequestException extends XapiRejection {

  public InvalidRequestException(String field, String rule, String message) {
    super(field, rule, message);
  }
}
