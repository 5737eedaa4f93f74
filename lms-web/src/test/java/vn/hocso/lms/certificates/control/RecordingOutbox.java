package vn.hocso.lms.certificates.control;

import java.util.ArrayList;
import java.util.List;
import vn.hocso.lms.learning.control.StatementOutbox;
import vn.hocso.xapi.client.model.Statement;

/** Keeps what it is sent, as the learning feature's queue would before delivering it. */
final class RecordingOutbox implements StatementOutbox {

  final List<Statement> sent = new ArrayList<>();

  @Override
  public void send(Statement statement) {
    if (statement.id() == null) {
      throw new IllegalArgumentException("The outbox needs statements with ids");
    }
    sent.add(statement);
  }
}
