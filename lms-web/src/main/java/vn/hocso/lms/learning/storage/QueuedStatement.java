package vn.hocso.lms.learning.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import vn.hocso.xapi.client.model.Statement;

/** A statement waiting for the LRS: one row of {@code statement_queue}. */
@Entity
@Table(name = "statement_queue")
public class QueuedStatement {

  @Id
  @Column(name = "statement_id", length = 36)
  private String statementId;

  /** Delivery order: increasing in the order statements were queued (see StatementQueue). */
  @Column(name = "queue_position", nullable = false)
  private long position;

  @Column(length = 36)
  private String registration;

  @Lob
  @Column(name = "statement_json", nullable = false)
  private String statementJson;

  @Column(name = "queued_at", nullable = false)
  private Instant queuedAt;

  /** Why the LRS refused it; null while it waits. */
  @Column(name = "refused_reason", length = 1000)
  private String refusedReason;

  protected QueuedStatement() {
    // for JPA
  }

  QueuedStatement(Statement statement, long position, Instant queuedAt) {
    if (statement.id() == null) {
      throw new IllegalArgumentException(
          "A statement is queued with its id, so a repeated delivery cannot duplicate it");
    }
    this.statementId = statement.id().toString();
    this.position = position;
    this.registration =
        statement.context() == null || statement.context().registration() == null
            ? null
            : statement.context().registration().toString();
    this.statementJson = statement.toJsonString();
    this.queuedAt = queuedAt;
  }

  public UUID statementId() {
    return UUID.fromString(statementId);
  }

  public long position() {
    return position;
  }

  public Statement statement() {
    return Statement.parse(statementJson);
  }

  void refuse(String reason) {
    this.refusedReason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
  }
}
