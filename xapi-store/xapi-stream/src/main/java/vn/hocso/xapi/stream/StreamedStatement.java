package vn.hocso.xapi.stream;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One statement on the stream, exactly as the LRS stored it.
 *
 * @param statementId the statement's id (xAPI 1.0.3 Part 2 §2.4.1), unique on the stream
 * @param actorKey identifies the actor; statements with the same key keep their order
 * @param storedAt when the LRS stored the statement ({@code stored}, xAPI 1.0.3 Part 2 §2.4.8)
 * @param json the statement as stored, serialised as JSON
 */
public record StreamedStatement(UUID statementId, String actorKey, Instant storedAt, String json) {

  public StreamedStatement {
    Objects.requireNonNull(statementId, "statementId");
    Objects.requireNonNull(actorKey, "actorKey");
    Objects.requireNonNull(storedAt, "storedAt");
    Objects.requireNonNull(json, "json");
  }
}
