package vn.hocso.xapi.outbox.storage;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.statements.entity.Statement;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.statements.storage.JdbcStatementStore;
import vn.hocso.xapi.storage.TestDatabases;
import vn.hocso.xapi.stream.ActorKeys;

/** The outbox on the real migrations, on H2 and on MariaDB. */
class JdbcOutboxTest {

  TestDatabases.TestDatabase database;
  JdbcOutbox outbox;
  long clock = Timestamps.nowMicros();

  void open(TestDatabases kind) {
    database = kind.create();
    outbox = new JdbcOutbox(database.dataSource());
  }

  @AfterEach
  void drop() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  Statement statement(String mbox) {
    var json =
        Json.createObjectBuilder()
            .add("id", UUID.randomUUID().toString())
            .add("actor", Json.createObjectBuilder().add("mbox", "mailto:" + mbox))
            .add(
                "verb",
                Json.createObjectBuilder().add("id", "http://adlnet.gov/expapi/verbs/completed"))
            .add("object", Json.createObjectBuilder().add("id", "https://hocso.vn/bai/1"))
            .build();
    return Statement.accept(json, ++clock, LrsClient.defaultAuthority("test"), "2.0.0", "test");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void storesAnOutboxRowWithEachStatementOnlyWhenStreamed(TestDatabases kind) {
    open(kind);
    var first = List.of(statement("an@example.vn"), statement("binh@example.vn"));
    new JdbcStatementStore(database.dataSource(), true).storeAll(first);
    new JdbcStatementStore(database.dataSource(), false)
        .storeAll(List.of(statement("chi@example.vn")));

    var entries = outbox.oldest(Long.MAX_VALUE, 10);

    assertThat(entries)
        .extracting(OutboxEntry::statementId)
        .containsExactly(first.get(0).id(), first.get(1).id());
    var streamed = entries.get(0).statement();
    assertThat(streamed.statementId().toString()).isEqualTo(first.get(0).id());
    assertThat(streamed.actorKey()).isEqualTo(ActorKeys.of(first.get(0).json())).hasSize(64);
    assertThat(streamed.storedAt()).isEqualTo(Timestamps.toInstant(first.get(0).storedMicros()));
    assertThat(streamed.json()).isEqualTo(first.get(0).json().toString());
    assertThat(outbox.backlog()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void readsInStoredOrderUpToTheGivenTimeAndForgetsWhatWasRemoved(TestDatabases kind) {
    open(kind);
    var statements =
        List.of(statement("an@example.vn"), statement("an@example.vn"), statement("an@example.vn"));
    var store = new JdbcStatementStore(database.dataSource(), true);
    // Stored out of order, as concurrent transactions may commit.
    store.storeAll(List.of(statements.get(2)));
    store.storeAll(List.of(statements.get(0), statements.get(1)));

    assertThat(outbox.oldest(statements.get(1).storedMicros(), 10))
        .extracting(OutboxEntry::statementId)
        .containsExactly(statements.get(0).id(), statements.get(1).id());
    assertThat(outbox.oldest(Long.MAX_VALUE, 2)).hasSize(2);

    outbox.remove(outbox.oldest(Long.MAX_VALUE, 2));

    assertThat(outbox.oldest(Long.MAX_VALUE, 10))
        .extracting(OutboxEntry::statementId)
        .containsExactly(statements.get(2).id());
    assertThat(outbox.backlog()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void givesTheRelayLeaseToOneHolderUntilItExpiresOrIsReleased(TestDatabases kind) {
    open(kind);
    assertThat(outbox.lease("lrs-1", 1_000, 2_000)).isTrue();
    assertThat(outbox.lease("lrs-2", 1_500, 2_500)).as("held by lrs-1").isFalse();
    assertThat(outbox.lease("lrs-1", 1_900, 2_900)).as("renewed by its holder").isTrue();
    assertThat(outbox.lease("lrs-2", 2_901, 3_901)).as("expired").isTrue();
    assertThat(outbox.lease("lrs-1", 2_950, 3_950)).isFalse();

    outbox.release("lrs-2");

    assertThat(outbox.lease("lrs-1", 3_000, 4_000)).isTrue();
  }
}
