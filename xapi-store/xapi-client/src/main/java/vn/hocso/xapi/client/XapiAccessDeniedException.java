package vn.hocso.xapi.client;

/**
 * 401 or 403: the credentials are missing, wrong, or lack the scope for this call (xAPI 2.0 Part 3
 * §4). The request itself may be fine: a durable queue should keep its statements and raise an
 * alarm rather than drop them, since fixing the configuration makes them deliverable.
 */
public class XapiAccessDeniedException extends XapiRejectedException {

  public XapiAccessDeniedException(
      int status, String error, String field, String rule, String request) {
    super(status, error, field, rule, request);
  }
}
