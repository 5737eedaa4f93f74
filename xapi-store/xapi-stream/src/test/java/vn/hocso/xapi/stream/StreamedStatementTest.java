package vn.hocso.xapi.stream;

import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreamedStatementTest {

  private static final UUID ID = UUID.randomUUID();
  private static final Instant STORED = Instant.parse("2025-03-08T09:00:00Z");

  @Test
  void rejectsStatementWithoutId() {
    assertThatNullPointerException()
        .isThrownBy(() -> new StreamedStatement(null, "mailto:an@example.vn", STORED, "{}"))
        .withMessage("statementId");
  }

  @Test
  void rejectsStatementWithoutActorKey() {
    assertThatNullPointerException()
        .isThrownBy(() -> new StreamedStatement(ID, null, STORED, "{}"))
        .withMessage("actorKey");
  }

  @Test
  void rejectsStatementWithoutStoredTime() {
    assertThatNullPointerException()
        .isThrownBy(() -> new StreamedStatement(ID, "mailto:an@example.vn", null, "{}"))
        .withMessage("storedAt");
  }

  @Test
  void rejectsStatementWithoutJson() {
    assertThatNullPointerException()
        .isThrownBy(() -> new StreamedStatement(ID, "mailto:an@example.vn", STORED, null))
        .withMessage("json");
  }
}
