package vn.hocso.xapi.client;

/**
 * 412: the document changed since it was read (If-Match), or exists when it should not
 * (If-None-Match) (xAPI 2.0 Part 3 §3.1). Read it again, merge, and write with the new ETag.
 */
public class XapiPreconditionFailedException extends XapiRejectedException {

  public XapiPreconditionFailedException(String error, String field, String rule, String request) {
    super(412, error, field, rule, request);
  }
}
