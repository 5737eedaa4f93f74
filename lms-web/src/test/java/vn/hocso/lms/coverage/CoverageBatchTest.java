package vn.hocso.lms.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.coverage.TestStatements.Kind;
import vn.hocso.lms.coverage.control.CoverageProjection;
import vn.hocso.lms.coverage.control.CoverageProjection.Outcome;
import vn.hocso.lms.coverage.control.CoverageProjector;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.coverage.storage.CoverageTables;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.xapi.stream.StatementStreamSubscriber;
import vn.hocso.xapi.stream.StreamedStatement;

/**
 * The projector applies a batch in sets (one query per kind of row, counters summed, states settled
 * once): within a batch, duplicates, a voiding before or after its target and a voided voiding must
 * come out as they do one statement per transaction; a batch that fails half way leaves nothing and
 * counts once when it is read again. On H2 and MariaDB (the two ways of writing the counters).
 */
class CoverageBatchTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final LocalDate SEP = LocalDate.of(2025, 9, 10);
  static final LocalDate OCT = LocalDate.of(2025, 10, 5);

  record Tree(long central, long hanoi, long a, long b, String lan, String mai, String hoa) {}

  static Tree tree(TestDatabases.TestDatabase database) throws Exception {
    var data = database.dataSource();
    LmsSchema.migrate(data);
    CoverageDatabase.insertCourse(data, 501, "thanh-toan", "ELECTRONIC_PAYMENT");
    CoverageDatabase.insertCourse(data, 502, "vietqr", "ELECTRONIC_PAYMENT");
    CoverageDatabase.insertCourse(data, 503, "can-bo-hoi", "UNION_WORK");
    var factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    try {
      return inTransaction(
          factory,
          em -> {
            var central = OrgUnit.central("Trung ương", START);
            var hanoi = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
            var a = hanoi.addChild("00004", "Phường A", UnitKind.COMMUNE, START);
            var b = hanoi.addChild("00008", "Phường B", UnitKind.COMMUNE, START);
            List.of(central, hanoi, a, b).forEach(em::persist);
            var lan = new Person("Lan", 1980, a, START);
            var mai = new Person("Mai", 1981, a, START);
            var hoa = new Person("Hoa", 1982, b, START);
            lan.markMember(true);
            hoa.markMember(true);
            List.of(lan, mai, hoa).forEach(em::persist);
            for (var person : List.of(lan, mai, hoa)) {
              CoverageDatabase.settleHeadcount(em, person);
            }
            em.flush();
            return new Tree(
                central.id(),
                hanoi.id(),
                a.id(),
                b.id(),
                lan.xapiAccount(),
                mai.xapiAccount(),
                hoa.xapiAccount());
          });
    } finally {
      factory.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void withinABatchDuplicatesAndVoidsComeOutAsOneStatementPerTransaction(TestDatabases kind)
      throws Exception {
    try (var database = kind.create()) {
      var data = database.dataSource();
      var tree = tree(database);
      var lanCompletes = statement(Kind.COMPLETED, tree.lan(), "thanh-toan", OCT);
      var lanEnrols = statement(Kind.REGISTERED, tree.lan(), "thanh-toan", SEP);
      var maiCompletes = statement(Kind.COMPLETED, tree.mai(), "vietqr", OCT);
      var maiVoided = voiding(maiCompletes.statementId(), tree.mai());
      var hoaEarned = statement(Kind.EARNED, tree.hoa(), "vietqr", OCT);
      var hoaRevoked = voiding(hoaEarned.statementId(), tree.hoa());
      var hoaEnrols = statement(Kind.REGISTERED, tree.hoa(), "can-bo-hoi", SEP);
      var hoaCompletesEarlier = statement(Kind.COMPLETED, tree.hoa(), "can-bo-hoi", SEP);
      var hoaCompletes = statement(Kind.COMPLETED, tree.hoa(), "can-bo-hoi", OCT);
      var voidingVoided = voiding(maiVoided.statementId(), tree.mai());
      var stranger = statement(Kind.REGISTERED, UUID.randomUUID().toString(), "vietqr", OCT);
      var batch =
          List.of(
              lanEnrols,
              lanCompletes,
              lanEnrols, // again in the same batch
              maiCompletes,
              maiVoided, // after its target, in the same batch
              hoaRevoked, // before its target, in the same batch
              hoaEarned,
              hoaEnrols,
              hoaCompletes,
              hoaCompletesEarlier, // an earlier day in the same batch
              voidingVoided, // voids a voiding: nothing changes
              stranger,
              lanCompletes);

      // One statement per transaction, as before batches.
      for (var statement : batch) {
        CoverageDatabase.project(data, List.of(statement), true);
      }
      var oneByOne = CoverageDatabase.incremental(data);
      var oneByOneLedger = ledger(data);
      empty(data);

      var outcomes = applyAll(data, batch);
      assertThat(outcomes)
          .containsExactly(
              Outcome.APPLIED,
              Outcome.APPLIED,
              Outcome.DUPLICATE,
              Outcome.APPLIED,
              Outcome.APPLIED,
              Outcome.APPLIED,
              Outcome.DUPLICATE, // voided before it came
              Outcome.APPLIED,
              Outcome.APPLIED,
              Outcome.APPLIED,
              Outcome.APPLIED,
              Outcome.SKIPPED,
              Outcome.DUPLICATE);
      var batched = CoverageDatabase.incremental(data);
      assertThat(batched).isEqualTo(oneByOne);
      assertThat(ledger(data)).isEqualTo(oneByOneLedger);
      assertThat(batched).isEqualTo(CoverageDatabase.recomputed(data));

      var track = Subject.track("ELECTRONIC_PAYMENT");
      var staff = Subject.track("UNION_WORK");
      assertThat(value(batched, "live", tree.hanoi(), track, Milestone.COMPLETED)).isEqualTo(1);
      assertThat(value(batched, "live", tree.a(), track, Milestone.COMPLETED)).isEqualTo(1);
      assertThat(value(batched, "live", tree.b(), track, Milestone.CERTIFIED)).isZero();
      assertThat(value(batched, "live", tree.central(), staff, Milestone.COMPLETED)).isEqualTo(1);
      assertThat(value(batched, "month 202509", tree.b(), staff, Milestone.COMPLETED))
          .isEqualTo(1); // the earlier day counts, October's does not add
      assertThat(value(batched, "month 202510", tree.b(), staff, Milestone.COMPLETED)).isZero();
      assertThat(oneByOneLedger.get(maiCompletes.statementId().toString())).isEqualTo("VOIDED");
      assertThat(oneByOneLedger.get(hoaEarned.statementId().toString())).isEqualTo("VOIDED_EARLY");
      assertThat(oneByOneLedger.get(maiVoided.statementId().toString())).isEqualTo("VOIDING");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aBatchThatFailsHalfWayIsRolledBackAndCountsOnceWhenReadAgain(TestDatabases kind)
      throws Exception {
    try (var database = kind.create()) {
      var data = database.dataSource();
      var tree = tree(database);
      var batch = new ArrayList<StreamedStatement>();
      for (var account : List.of(tree.lan(), tree.mai(), tree.hoa())) {
        batch.add(statement(Kind.REGISTERED, account, "thanh-toan", SEP));
        batch.add(statement(Kind.EXPERIENCED, account, "thanh-toan", SEP));
        batch.add(statement(Kind.COMPLETED, account, "thanh-toan", OCT));
        batch.add(statement(Kind.EARNED, account, "thanh-toan", OCT));
      }
      batch.add(voiding(batch.get(3).statementId(), tree.lan()));
      batch.add(batch.get(0)); // delivered twice

      // The expected figures: the same batch on the same data, applied once without a failure.
      applyAll(data, batch);
      var expected = CoverageDatabase.incremental(data);
      var expectedLedger = ledger(data);
      empty(data);

      // The first write of a state fails: the ledger rows are in by then, and must go with it.
      var failures = new AtomicInteger(1);
      var failing = failingOnStateWrite(data, failures);
      var stream = new ListStream(batch);
      var projector =
          new CoverageProjector(
              failing,
              connection -> stream.subscriber(),
              false,
              new CoverageProjector.Settings(
                  Duration.ofMillis(50), Duration.ofMillis(10), Duration.ofMillis(50)));
      var thread = new Thread(projector);
      thread.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (stream.committed < batch.size() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      projector.stop();
      thread.join(10_000);

      assertThat(failures.get()).as("the failure happened").isZero();
      assertThat(stream.subscribers).as("read again by a new subscriber").isEqualTo(2);
      assertThat(stream.committed).isEqualTo(batch.size());
      var status = projector.status();
      assertThat(status.problem()).isEmpty();
      assertThat(status.applied() + status.duplicates() + status.skipped()).isEqualTo(batch.size());
      assertThat(status.duplicates()).isEqualTo(1); // the second delivery
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(expected);
      assertThat(ledger(data)).isEqualTo(expectedLedger);
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
      var track = Subject.track("ELECTRONIC_PAYMENT");
      assertThat(value(expected, "live", tree.hanoi(), track, Milestone.COMPLETED)).isEqualTo(3);
      assertThat(value(expected, "live", tree.hanoi(), track, Milestone.CERTIFIED)).isEqualTo(2);
    }
  }

  /** The statements as a stream whose position moves only at commit. */
  static final class ListStream {
    final List<StreamedStatement> statements;
    volatile int committed;
    volatile int subscribers;

    ListStream(List<StreamedStatement> statements) {
      this.statements = statements;
    }

    StatementStreamSubscriber subscriber() {
      subscribers++;
      return new StatementStreamSubscriber() {
        int read = committed;

        @Override
        public List<StreamedStatement> poll(Duration timeout) {
          if (read >= statements.size()) {
            try {
              Thread.sleep(timeout.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return List.of();
          }
          var batch = List.copyOf(statements.subList(read, statements.size()));
          read = statements.size();
          return batch;
        }

        @Override
        public void commit() {
          committed = read;
        }

        @Override
        public void close() {}
      };
    }
  }

  /** A data source whose connections fail the first {@code failures} writes of cov_state. */
  static DataSource failingOnStateWrite(DataSource data, AtomicInteger failures) {
    return (DataSource)
        Proxy.newProxyInstance(
            CoverageBatchTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              var result = invoke(method, data, args);
              if (result instanceof Connection connection) {
                return connection(connection, failures);
              }
              return result;
            });
  }

  private static Connection connection(Connection connection, AtomicInteger failures) {
    return (Connection)
        Proxy.newProxyInstance(
            CoverageBatchTest.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              var result = invoke(method, connection, args);
              if (result instanceof PreparedStatement statement
                  && method.getName().equals("prepareStatement")
                  && args[0] instanceof String sql
                  && sql.contains("cov_state")
                  && !sql.trim().startsWith("select")) {
                return (PreparedStatement)
                    Proxy.newProxyInstance(
                        CoverageBatchTest.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class},
                        (p, m, a) -> {
                          if (m.getName().startsWith("execute")
                              && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            throw new SQLTransientException("Injected failure half way");
                          }
                          return invoke(m, statement, a);
                        });
              }
              return result;
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static List<Outcome> applyAll(DataSource data, List<StreamedStatement> batch)
      throws SQLException {
    try (var connection = data.getConnection()) {
      connection.setAutoCommit(false);
      List<Outcome> outcomes;
      try (var tables = new CoverageTables(connection)) {
        var projection = new CoverageProjection(tables);
        projection.applyChanges();
        outcomes = projection.applyAll(batch);
      }
      connection.commit();
      return outcomes;
    }
  }

  /** Empties what the projector writes (the people's counts stay: the projector does not). */
  static void empty(DataSource data) throws SQLException {
    try (var connection = data.getConnection();
        var statement = connection.createStatement()) {
      for (var table :
          List.of(
              "cov_statement",
              "cov_state",
              "cov_live",
              "cov_month",
              "cov_unit",
              "cov_skipped",
              "cov_course",
              "cov_trained",
              "cov_staff_trained",
              "cov_trained_person")) {
        statement.executeUpdate("delete from " + table);
      }
    }
  }

  /** Every ledger row: statement id → status. */
  static TreeMap<String, String> ledger(DataSource data) throws SQLException {
    var rows = new TreeMap<String, String>();
    try (var connection = data.getConnection();
        var statement = connection.createStatement();
        var result = statement.executeQuery("select statement_id, status from cov_statement")) {
      while (result.next()) {
        rows.put(result.getString(1), result.getString(2));
      }
    }
    return rows;
  }

  static long value(
      TreeMap<String, Long> snapshot, String table, long unit, Subject subject, Milestone m) {
    if (table.startsWith("month ")) {
      return snapshot.getOrDefault(
          "month " + unit + " " + subject + " " + m + " " + table.substring(6), 0L);
    }
    return snapshot.getOrDefault(table + " " + unit + " " + subject + " " + m, 0L);
  }

  private static StreamedStatement statement(
      Kind kind, String account, String slug, LocalDate day) {
    var id = UUID.randomUUID();
    return TestStatements.streamed(id, TestStatements.json(id, kind, account, slug, day));
  }

  private static StreamedStatement voiding(UUID target, String account) {
    var id = UUID.randomUUID();
    return TestStatements.streamed(id, TestStatements.voiding(id, target, account));
  }
}
