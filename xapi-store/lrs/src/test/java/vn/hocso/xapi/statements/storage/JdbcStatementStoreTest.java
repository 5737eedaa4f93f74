package vn.hocso.xapi.statements.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.statements.entity.AttachmentData;
import vn.hocso.xapi.statements.entity.IndexKeys;
import vn.hocso.xapi.statements.entity.Statement;
import vn.hocso.xapi.statements.entity.StatementQuery;
import vn.hocso.xapi.statements.entity.StoredStatement;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.storage.TestDatabases;
import vn.hocso.xapi.validation.StatementValidator;

/** The JDBC statement store on the real migrations, on H2 and on MariaDB, through the same code. */
class JdbcStatementStoreTest {

  static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
  static final String ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted";

  TestDatabases.TestDatabase database;
  JdbcStatementStore store;
  long clock = Timestamps.nowMicros();

  void open(TestDatabases kind) {
    database = kind.create();
    store = new JdbcStatementStore(database.dataSource());
  }

  @AfterEach
  void drop() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  Statement statement(String mbox, String verb, String activity, String registration) {
    var json =
        Json.createObjectBuilder()
            .add("id", UUID.randomUUID().toString())
            .add("actor", Json.createObjectBuilder().add("mbox", "mailto:" + mbox))
            .add("verb", Json.createObjectBuilder().add("id", verb))
            .add("object", Json.createObjectBuilder().add("id", activity));
    if (registration != null) {
      json.add("context", Json.createObjectBuilder().add("registration", registration));
    }
    return Statement.accept(
        json.build(), ++clock, LrsClient.defaultAuthority("test"), "2.0.0", "test");
  }

  StatementQuery all(int limit, boolean ascending, Optional<StatementQuery.Position> after) {
    return new StatementQuery(
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        limit,
        ascending,
        Optional.empty(),
        Long.MAX_VALUE,
        after);
  }

  static JsonObject parse(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void keepsTheStatementExactlyAsStoredWithMicroseconds(TestDatabases kind) {
    open(kind);
    var statement = statement("lan@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    store.storeAll(List.of(statement));

    var found = store.find(statement.id()).orElseThrow();

    assertThat(parse(found.json())).isEqualTo(statement.json());
    assertThat(found.storedMicros()).isEqualTo(statement.storedMicros());
    assertThat(parse(found.json()).getString("stored")).matches(".*\\.\\d{6}Z");
    assertThat(found.voided()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void findsTheStoredOnesAmongManyIdsAtOnce(TestDatabases kind) {
    open(kind);
    var stored = new java.util.ArrayList<Statement>();
    for (int i = 0; i < 3; i++) {
      stored.add(statement("lan" + i + "@example.vn", COMPLETED, "https://hocso.vn/c/" + i, null));
    }
    store.storeAll(stored);
    var asked = new java.util.ArrayList<String>();
    stored.forEach(statement -> asked.add(statement.id()));
    for (int i = 0; i < 600; i++) { // more than one IN list
      asked.add(UUID.randomUUID().toString());
    }

    var found = store.findAll(asked);

    assertThat(found).containsOnlyKeys(stored.stream().map(Statement::id).toList());
    assertThat(parse(found.get(stored.get(1).id()).json())).isEqualTo(stored.get(1).json());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void concurrentBatchesDefiningTheSameActivitiesAllGetStored(TestDatabases kind) throws Exception {
    open(kind);
    int writers = 4;
    int batches = 10;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      var work = new java.util.ArrayList<java.util.concurrent.Callable<Void>>();
      for (int w = 0; w < writers; w++) {
        work.add(
            () -> {
              for (int b = 0; b < batches; b++) {
                var batch = new java.util.ArrayList<Statement>();
                for (int lesson = 0; lesson < 10; lesson++) {
                  batch.add(definingLesson(lesson));
                }
                store.storeAll(batch);
              }
              return null;
            });
      }
      for (var future : pool.invokeAll(work)) {
        future.get(); // rethrows what a writer met, e.g. a deadlock or a duplicate key
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(store.query(all(1000, true, Optional.empty()))).hasSize(writers * batches * 10);
  }

  private synchronized Statement definingLesson(int lesson) {
    var json =
        Json.createObjectBuilder()
            .add("id", UUID.randomUUID().toString())
            .add("actor", Json.createObjectBuilder().add("mbox", "mailto:lan@example.vn"))
            .add("verb", Json.createObjectBuilder().add("id", COMPLETED))
            .add(
                "object",
                Json.createObjectBuilder()
                    .add("id", "https://hocso.vn/c/1/lesson/" + lesson)
                    .add(
                        "definition",
                        Json.createObjectBuilder()
                            .add("name", Json.createObjectBuilder().add("vi", "Bài " + lesson))))
            .build();
    return Statement.accept(json, ++clock, LrsClient.defaultAuthority("test"), "2.0.0", "test");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void refusesASecondInsertOfTheSameId(TestDatabases kind) {
    open(kind);
    var statement = statement("lan@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    store.storeAll(List.of(statement));
    var sameIdLater =
        Statement.accept(
            statement.json(), ++clock, LrsClient.defaultAuthority("test"), "2.0.0", "test");

    assertThatThrownBy(() -> store.storeAll(List.of(statement)))
        .isInstanceOf(DuplicateStatementException.class);
    assertThatThrownBy(() -> store.storeAll(List.of(sameIdLater)))
        .isInstanceOf(DuplicateStatementException.class);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void storesABatchAllOrNothing(TestDatabases kind) {
    open(kind);
    var first = statement("a@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    store.storeAll(List.of(first));
    var second = statement("b@example.vn", COMPLETED, "https://hocso.vn/c/2", null);

    assertThatThrownBy(() -> store.storeAll(List.of(second, first)))
        .isInstanceOf(DuplicateStatementException.class);
    assertThat(store.find(second.id())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void filtersByAgentVerbActivityAndRegistration(TestDatabases kind) {
    open(kind);
    var registration = UUID.randomUUID().toString();
    var lanCompleted = statement("lan@example.vn", COMPLETED, "https://hocso.vn/c/1", registration);
    var lanAttempted = statement("lan@example.vn", ATTEMPTED, "https://hocso.vn/c/2", null);
    var maiCompleted = statement("mai@example.vn", COMPLETED, "https://hocso.vn/c/2", null);
    store.storeAll(List.of(lanCompleted, lanAttempted, maiCompleted));
    var lan = IndexKeys.ofAgent(parse("{\"mbox\":\"mailto:lan@example.vn\"}"));
    var base = all(10, false, Optional.empty());

    assertThat(
            ids(
                new StatementQuery(
                    lan,
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    10,
                    false,
                    Optional.empty(),
                    Long.MAX_VALUE,
                    Optional.empty())))
        .containsExactly(lanAttempted.id(), lanCompleted.id());
    assertThat(
            ids(
                new StatementQuery(
                    Optional.empty(),
                    false,
                    Optional.of(IndexKeys.ofIri(COMPLETED)),
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    10,
                    true,
                    Optional.empty(),
                    Long.MAX_VALUE,
                    Optional.empty())))
        .containsExactly(lanCompleted.id(), maiCompleted.id());
    assertThat(
            ids(
                new StatementQuery(
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.of(IndexKeys.ofIri("https://hocso.vn/c/2")),
                    false,
                    Optional.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    10,
                    false,
                    Optional.empty(),
                    Long.MAX_VALUE,
                    Optional.empty())))
        .containsExactly(maiCompleted.id(), lanAttempted.id());
    assertThat(
            ids(
                new StatementQuery(
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    Optional.of(registration),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    10,
                    false,
                    Optional.empty(),
                    Long.MAX_VALUE,
                    Optional.empty())))
        .containsExactly(lanCompleted.id());
    assertThat(ids(base)).hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void findsRelatedActivitiesOnlyWhenAsked(TestDatabases kind) {
    open(kind);
    var json =
        parse(
            "{\"id\":\""
                + UUID.randomUUID()
                + "\",\"actor\":{\"mbox\":\"mailto:a@b.vn\"},"
                + "\"verb\":{\"id\":\""
                + COMPLETED
                + "\"},\"object\":{\"id\":\"https://hocso.vn/lesson/1\"},"
                + "\"context\":{\"contextActivities\":{\"parent\":{\"id\":\"https://hocso.vn/course/1\"}}}}");
    var statement = Statement.accept(json, ++clock, LrsClient.defaultAuthority("t"), "2.0.0", "t");
    store.storeAll(List.of(statement));
    var course = Optional.of(IndexKeys.ofIri("https://hocso.vn/course/1"));

    assertThat(
            ids(
                new StatementQuery(
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    course,
                    false,
                    Optional.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    10,
                    false,
                    Optional.empty(),
                    Long.MAX_VALUE,
                    Optional.empty())))
        .isEmpty();
    assertThat(
            ids(
                new StatementQuery(
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    course,
                    true,
                    Optional.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    10,
                    false,
                    Optional.empty(),
                    Long.MAX_VALUE,
                    Optional.empty())))
        .containsExactly(statement.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void pagesStablyWhileNewStatementsArrive(TestDatabases kind) {
    open(kind);
    var first = statement("a@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    var second = statement("b@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    var third = statement("c@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    store.storeAll(List.of(first, second, third));
    long bound = third.storedMicros();
    var page1 =
        store.query(
            new StatementQuery(
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                2,
                true,
                Optional.empty(),
                bound,
                Optional.empty()));
    store.storeAll(List.of(statement("late@example.vn", COMPLETED, "https://hocso.vn/c/1", null)));
    var last = page1.get(1);
    var page2 =
        store.query(
            new StatementQuery(
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                2,
                true,
                Optional.empty(),
                bound,
                Optional.of(new StatementQuery.Position(last.storedMicros(), last.id()))));

    assertThat(page1)
        .extracting(StoredStatement::id)
        .containsExactly(first.id(), second.id(), third.id());
    assertThat(page2).extracting(StoredStatement::id).containsExactly(third.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void filtersBySinceExclusiveAndUntilInclusive(TestDatabases kind) {
    open(kind);
    var first = statement("a@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    var second = statement("b@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    var third = statement("c@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    store.storeAll(List.of(first, second, third));

    assertThat(
            ids(
                new StatementQuery(
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    OptionalLong.of(first.storedMicros()),
                    OptionalLong.of(second.storedMicros()),
                    10,
                    true,
                    Optional.empty(),
                    Long.MAX_VALUE,
                    Optional.empty())))
        .containsExactly(second.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void voidingHidesTheTargetFromQueriesEvenWhenItArrivesLater(TestDatabases kind) {
    open(kind);
    var target = statement("a@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    var voiding =
        Statement.accept(
            parse(
                "{\"id\":\""
                    + UUID.randomUUID()
                    + "\",\"actor\":{\"mbox\":\"mailto:admin@b.vn\"},"
                    + "\"verb\":{\"id\":\""
                    + StatementValidator.VOIDED_VERB
                    + "\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\""
                    + target.id()
                    + "\"}}"),
            ++clock,
            LrsClient.defaultAuthority("t"),
            "2.0.0",
            "t");
    store.storeAll(List.of(voiding));
    store.storeAll(List.of(target));

    assertThat(store.find(target.id()).orElseThrow().voided()).isTrue();
    assertThat(store.find(voiding.id()).orElseThrow().voiding()).isTrue();
    assertThat(ids(all(10, false, Optional.empty()))).containsExactly(voiding.id());
  }

  Statement referring(String verb, String targetId) {
    return Statement.accept(
        parse(
            "{\"id\":\""
                + UUID.randomUUID()
                + "\",\"actor\":{\"mbox\":\"mailto:admin@b.vn\"},"
                + "\"verb\":{\"id\":\""
                + verb
                + "\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\""
                + targetId
                + "\"}}"),
        ++clock,
        LrsClient.defaultAuthority("t"),
        "2.0.0",
        "t");
  }

  StatementQuery byVerb(String verb, int limit, OptionalLong since) {
    return new StatementQuery(
        Optional.empty(),
        false,
        Optional.of(IndexKeys.ofIri(verb)),
        Optional.empty(),
        false,
        Optional.empty(),
        since,
        OptionalLong.empty(),
        limit,
        false,
        Optional.empty(),
        Long.MAX_VALUE,
        Optional.empty());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void filtersAlsoMatchStatementsReferringToAMatchingStatementEvenAVoidedOne(TestDatabases kind) {
    open(kind);
    var target = statement("a@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    var other = statement("a@example.vn", ATTEMPTED, "https://hocso.vn/c/1", null);
    store.storeAll(List.of(target, other));
    var since = OptionalLong.of(clock);
    var voiding = referring(StatementValidator.VOIDED_VERB, target.id());
    var reference = referring("https://hocso.vn/verbs/reviewed", target.id());
    var unrelated = referring("https://hocso.vn/verbs/reviewed", other.id());
    store.storeAll(List.of(voiding, reference, unrelated));

    // xAPI 2.0 Part 3 §2.1.3: the target is voided, so only the statements referring to it.
    assertThat(ids(byVerb(COMPLETED, 10, OptionalLong.empty())))
        .containsExactly(reference.id(), voiding.id());
    // since applies to the referring statements themselves, not to their target
    assertThat(ids(byVerb(COMPLETED, 10, since))).containsExactly(reference.id(), voiding.id());
    // limit + 1 across both kinds of match, newest first
    assertThat(ids(byVerb(COMPLETED, 1, OptionalLong.empty())))
        .containsExactly(reference.id(), voiding.id());
    assertThat(ids(byVerb(ATTEMPTED, 10, OptionalLong.empty())))
        .containsExactly(unrelated.id(), other.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void filtersFollowStatementRefsRecursivelyAndStopAtCycles(TestDatabases kind) {
    open(kind);
    var target = statement("a@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    store.storeAll(List.of(target));
    var first = referring("https://hocso.vn/verbs/reviewed", target.id());
    var second = referring("https://hocso.vn/verbs/liked", first.id());
    var third = referring("https://hocso.vn/verbs/shared", second.id());
    // two statements referring to each other (the second stored before its target exists)
    var loopA = referring("https://hocso.vn/verbs/shared", "6b1d1b52-8f6e-4a39-9d0e-9e4c6a1c0001");
    var loopB = UUID.fromString("6b1d1b52-8f6e-4a39-9d0e-9e4c6a1c0001");
    var closing =
        Statement.accept(
            parse(
                "{\"id\":\""
                    + loopB
                    + "\",\"actor\":{\"mbox\":\"mailto:admin@b.vn\"},"
                    + "\"verb\":{\"id\":\"https://hocso.vn/verbs/liked\"},"
                    + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\""
                    + loopA.id()
                    + "\"}}"),
            ++clock,
            LrsClient.defaultAuthority("t"),
            "2.0.0",
            "t");
    store.storeAll(List.of(first, second, third, loopA, closing));

    // xAPI 2.0 Part 3 §2.1.3: "This rule applies recursively": third -> second -> first -> target
    assertThat(ids(byVerb(COMPLETED, 10, OptionalLong.empty())))
        .containsExactly(third.id(), second.id(), first.id(), target.id());
    // a match in the middle of a chain: second matches; third refers to it
    assertThat(ids(byVerb("https://hocso.vn/verbs/liked", 10, OptionalLong.empty())))
        .containsExactly(closing.id(), loopA.id(), third.id(), second.id());
    // the agent filter (the relation-driven query) follows references as well
    var byAgent =
        new StatementQuery(
            IndexKeys.ofAgent(parse("{\"mbox\":\"mailto:a@example.vn\"}")),
            false,
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            10,
            false,
            Optional.empty(),
            Long.MAX_VALUE,
            Optional.empty());
    assertThat(ids(byAgent)).containsExactly(third.id(), second.id(), first.id(), target.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void storesAttachmentDataOncePerHashWithItsStatements(TestDatabases kind) {
    open(kind);
    var bytes = "Giấy chứng nhận".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var sha2 = AttachmentData.digest("0".repeat(64), bytes).orElseThrow();
    var data = new AttachmentData(sha2, "text/plain", bytes);
    store.storeAll(
        List.of(statement("a@example.vn", COMPLETED, "https://hocso.vn/c/1", null)), List.of(data));
    store.storeAll(
        List.of(statement("b@example.vn", COMPLETED, "https://hocso.vn/c/1", null)),
        List.of(new AttachmentData(sha2, "application/octet-stream", bytes)));

    assertThat(store.attachments(List.of(sha2, "f".repeat(64)))).containsOnlyKeys(sha2);
    assertThat(store.attachments(List.of(sha2)).get(sha2)).isEqualTo(data); // the first kept
    try (var connection = database.dataSource().getConnection();
        var count = connection.createStatement();
        var rows = count.executeQuery("select count(*) from lrs_attachment")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aFailedBatchLeavesNoAttachmentBehind(TestDatabases kind) {
    open(kind);
    var first = statement("a@example.vn", COMPLETED, "https://hocso.vn/c/1", null);
    store.storeAll(List.of(first));
    var bytes = new byte[] {1, 2, 3};
    var sha2 = AttachmentData.digest("0".repeat(64), bytes).orElseThrow();

    assertThatThrownBy(
            () ->
                store.storeAll(
                    List.of(first), List.of(new AttachmentData(sha2, "image/png", bytes))))
        .isInstanceOf(DuplicateStatementException.class);
    assertThat(store.attachments(List.of(sha2))).isEmpty();
  }

  /**
   * New statements go to the end of the statement table's clustered index (InnoDB's primary key),
   * not to a random page of it: keyed by the client's random id, ingest slowed down as the store
   * outgrew the buffer pool (issue 3, V10).
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void keepsTheStatementTableInStoredOrder(TestDatabases kind) throws Exception {
    open(kind);
    try (var connection = database.dataSource().getConnection()) {
      var table = kind == TestDatabases.H2 ? "LRS_STATEMENT" : "lrs_statement";
      var key = new java.util.TreeMap<Integer, String>();
      try (var columns =
          connection.getMetaData().getPrimaryKeys(connection.getCatalog(), null, table)) {
        while (columns.next()) {
          key.put(
              columns.getInt("KEY_SEQ"),
              columns.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
        }
      }
      assertThat(key.values()).containsExactly("stored_micros", "statement_id");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void statementsStoredBeforeTheStoredOrderMigrationKeepEverything(TestDatabases kind) {
    database = kind.createAt("9");
    store = new JdbcStatementStore(database.dataSource());
    var registration = UUID.randomUUID().toString();
    var first = statement("lan@example.vn", COMPLETED, "https://hocso.vn/c/1", registration);
    var second = statement("mai@example.vn", ATTEMPTED, "https://hocso.vn/c/2", null);
    store.storeAll(List.of(first, second));

    TestDatabases.migrate(database, null);

    assertThat(parse(store.find(first.id()).orElseThrow().json())).isEqualTo(first.json());
    assertThat(ids(all(10, false, Optional.empty()))).containsExactly(second.id(), first.id());
    var lan = IndexKeys.ofAgent(parse("{\"mbox\":\"mailto:lan@example.vn\"}"));
    assertThat(
            ids(
                new StatementQuery(
                    lan,
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    Optional.of(registration),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    10,
                    false,
                    Optional.empty(),
                    Long.MAX_VALUE,
                    Optional.empty())))
        .containsExactly(first.id());
    var sameIdLater =
        Statement.accept(
            second.json(), ++clock, LrsClient.defaultAuthority("test"), "2.0.0", "test");
    assertThatThrownBy(() -> store.storeAll(List.of(sameIdLater)))
        .isInstanceOf(DuplicateStatementException.class);
  }

  List<String> ids(StatementQuery query) {
    return store.query(query).stream().map(StoredStatement::id).toList();
  }
}
