package vn.hocso.lms.learning.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.Persistence;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.Context;
import vn.hocso.xapi.client.model.Statement;
import vn.hocso.xapi.client.model.Verb;

/** What readiness shows of the queue, counted on H2 and MariaDB through the real mapping. */
class StatementQueueTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void countsWaitingAndRefusedRowsAndTheOldestWaiting(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        StatementQueue.Backlog empty = inTransaction(factory, em -> new StatementQueue(em).count());
        assertThat((Object) empty).isEqualTo(new StatementQueue.Backlog(0, 0, null));

        var registration = UUID.randomUUID();
        var statements = List.of(statement(registration), statement(registration), statement(null));
        for (var statement : statements) {
          inTransaction(
              factory,
              em -> {
                new StatementQueue(em).send(statement);
                return null;
              });
        }
        var rows = inTransaction(factory, em -> new StatementQueue(em).oldest(10));
        assertThat(rows)
            .extracting(QueuedStatement::statementId)
            .containsExactlyElementsOf(statements.stream().map(Statement::id).toList());

        inTransaction(
            factory,
            em -> {
              new StatementQueue(em).refused(statements.get(0).id(), "bad verb");
              return null;
            });
        var counted = inTransaction(factory, em -> new StatementQueue(em).count());
        assertThat(counted.waiting()).isEqualTo(2);
        assertThat(counted.refused()).isEqualTo(1);
        // The oldest waiting is the second statement: the first was set aside.
        assertThat(counted.oldestWaitingSince()).isEqualTo(queuedAt(factory, statements.get(1)));

        inTransaction(
            factory,
            em -> {
              new StatementQueue(em).delivered(List.of(statements.get(1).id()));
              return null;
            });
        counted = inTransaction(factory, em -> new StatementQueue(em).count());
        assertThat(counted.waiting()).isEqualTo(1);
        assertThat(counted.oldestWaitingSince()).isEqualTo(queuedAt(factory, statements.get(2)));
      } finally {
        factory.close();
      }
    }
  }

  private static java.time.Instant queuedAt(
      jakarta.persistence.EntityManagerFactory factory, Statement statement) {
    return inTransaction(
        factory,
        em ->
            em.createQuery(
                    "select q.queuedAt from QueuedStatement q where q.statementId = :id",
                    java.time.Instant.class)
                .setParameter("id", statement.id().toString())
                .getSingleResult());
  }

  private static Statement statement(UUID registration) {
    var builder =
        Statement.builder()
            .newId()
            .actor(Agent.account("https://hocso.vn", UUID.randomUUID().toString()))
            .verb(Verb.of("http://adlnet.gov/expapi/verbs/experienced"))
            .object(Activity.of("https://hocso.vn/xapi/activities/course/thu"));
    if (registration != null) {
      builder.context(Context.builder().registration(registration).build());
    }
    return builder.build();
  }
}
