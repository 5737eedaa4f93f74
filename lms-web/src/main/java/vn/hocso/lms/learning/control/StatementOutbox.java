package vn.hocso.lms.learning.control;

import vn.hocso.xapi.client.model.Statement;

/**
 * Where the LMS hands every statement it makes (docs/XAPI-PROFILE.md). The statement is kept in the
 * LMS database in the caller's transaction and delivered to the LRS later, in order, by a worker;
 * the caller never waits for the LRS. The statement's id must already be set, so a repeated
 * delivery cannot make a duplicate.
 */
public interface StatementOutbox {

  /** Keeps the statement durably with the caller's transaction; delivery happens later. */
  void send(Statement statement);
}
