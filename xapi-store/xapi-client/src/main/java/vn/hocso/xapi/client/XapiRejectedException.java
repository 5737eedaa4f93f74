package vn.hocso.xapi.client;

import java.util.Optional;

/**
 * The LRS refused the request (a 4xx other than 408 and 429). Sending it again unchanged will be
 * refused again: fix the request, or give up on it. Our LRS names the field and the rule it broke.
 */
public class XapiRejectedException extends XapiException {

  private final int status;
  private final String error;
  private final String field;
  private final String rule;

  /**
   * @param status the HTTP status
   * @param error the LRS's own message (its {@code error} property, or the body as text)
   * @param field the field the LRS named, or null
   * @param rule the rule the LRS named, or null
   * @param request what was asked, e.g. {@code POST statements}
   */
  public XapiRejectedException(
      int status, String error, String field, String rule, String request) {
    super("The LRS refused " + request + " with " + status + ": " + error);
    this.status = status;
    this.error = error;
    this.field = field;
    this.rule = rule;
  }

  public int status() {
    return status;
  }

  /** What the LRS said, as it said it. */
  public String error() {
    return error;
  }

  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  public Optional<String> rule() {
    return Optional.ofNullable(rule);
  }
}
