package vn.hocso.xapi.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Statements that look like what the LRS stores, for tests. */
final class TestStatements {

  private static final Instant FIRST_STORED = Instant.parse("2025-03-08T09:00:00.123456Z");

  private TestStatements() {}

  /** {@code count} statements, the actors taking turns, stored one millisecond apart. */
  static List<StreamedStatement> ofActors(int count, String... actorEmails) {
    List<StreamedStatement> statements = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      statements.add(statement("mailto:" + actorEmails[i % actorEmails.length], i));
    }
    return statements;
  }

  static StreamedStatement statement(String actorMbox, int lesson) {
    UUID id = UUID.randomUUID();
    Instant stored = FIRST_STORED.plusMillis(lesson);
    String json =
        """
        {"id":"%s","actor":{"mbox":"%s"},\
        "verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},\
        "object":{"id":"https://hocso.vn/khoa-hoc/ky-nang-so/bai-%d",\
        "definition":{"name":{"vi-VN":"Bài %d: Kỹ năng số"}}},\
        "stored":"%s"}"""
            .formatted(id, actorMbox, lesson, lesson, stored);
    return new StreamedStatement(id, actorMbox, stored, json);
  }
}
