package vn.hocso.xapi.client;

/**
 * 409: for statements, a different statement is already stored under this id (xAPI 2.0 Part 3
 * §2.1.1) — never retry, it is a bug in whoever made the id; for documents, the LRS requires a
 * precondition (If-Match / If-None-Match) because the document exists (Part 3 §3.1).
 */
public class XapiConflictException extends XapiRejectedException {

  public XapiConflictException(String error, String field, String rule, String request) {
    super(409, error, field, rule, request);
  }
}
