package vn.hocso.lms.scale;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.coverage.CoverageDatabase;
import vn.hocso.lms.coverage.control.CoverageRecompute;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.xapi.stream.StreamedStatement;

/**
 * A full recompute while the projector applies batches loses no statement and counts none twice: on
 * MariaDB the recompute swaps fresh tables in (a batch committed between its read and the rename
 * would vanish without the counters' lock), on H2 it works in one transaction. A projector thread
 * applies batches of fresh statements (earlier days, completions, voids) and retries a batch that
 * fails, as the projector does from its stored position; meanwhile the country is recomputed
 * several times. Afterwards every statement is in the ledger and the tables equal a recompute.
 */
class RecomputeDuringProjectionTest {

  static final long SEED = 20261128L;

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aRecomputeDuringProjectionLosesNothingAndCountsNothingTwice(TestDatabases kind)
      throws Exception {
    try (var database = kind.create()) {
      var dataSource = database.dataSource();
      LmsSchema.migrate(dataSource);
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        CountryLoad.bulk(factory, dataSource, new SyntheticCountry(SEED, 0.0003), n -> {});
      } finally {
        factory.close();
      }
      var accounts = new ArrayList<String>();
      try (var connection = dataSource.getConnection();
          var statement = connection.createStatement();
          var rows = statement.executeQuery("select xapi_account from person order by id")) {
        while (rows.next()) {
          accounts.add(rows.getString(1));
        }
      }
      assertThat(CoverageDatabase.incremental(dataSource))
          .isEqualTo(CoverageDatabase.recomputed(dataSource));

      var projector = new Projector(dataSource, accounts);
      var thread = new Thread(projector, "projector");
      thread.start();
      int recomputes = 0;
      var appliedAt = new ArrayList<Integer>();
      try {
        for (; recomputes < 4; recomputes++) {
          projector.waitForBatches(3);
          appliedAt.add(projector.applied.get());
          try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            new CoverageRecompute(connection, dataSource).run();
            connection.commit();
          }
        }
        projector.waitForBatches(3);
      } finally {
        projector.stop.set(true);
        thread.join();
      }
      assertThat(projector.failure.get()).isNull();
      // Batches went on between the recomputes (the test is not vacuous).
      assertThat(appliedAt).isSorted().doesNotHaveDuplicates();
      try (var connection = dataSource.getConnection();
          var count =
              connection.prepareStatement(
                  "select count(*) from cov_statement where statement_id = ?")) {
        for (var id : projector.delivered) {
          count.setString(1, id.toString());
          try (var rows = count.executeQuery()) {
            rows.next();
            assertThat(rows.getLong(1)).as("statement %s in the ledger", id).isEqualTo(1);
          }
        }
      }
      assertThat(CoverageDatabase.incremental(dataSource))
          .isEqualTo(CoverageDatabase.recomputed(dataSource));
    }
  }

  /** Applies batches of fresh statements until stopped; a failed batch is applied again. */
  static final class Projector implements Runnable {
    final DataSource dataSource;
    final List<String> accounts;
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger applied = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final ConcurrentLinkedQueue<UUID> delivered = new ConcurrentLinkedQueue<>();
    final Random random = new Random(SEED);
    final List<StreamedStatement> counting = new ArrayList<>();

    Projector(DataSource dataSource, List<String> accounts) {
      this.dataSource = dataSource;
      this.accounts = accounts;
    }

    @Override
    public void run() {
      try {
        while (!stop.get()) {
          var batch = batch();
          int tries = 0;
          while (true) {
            try {
              CoverageDatabase.project(dataSource, batch, true);
              break;
            } catch (SQLException e) {
              // Waited too long for the counters' lock (or the swap): delivered again.
              if (++tries > 200) {
                throw e;
              }
            }
          }
          batch.forEach(s -> delivered.add(s.statementId()));
          applied.incrementAndGet();
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    }

    void waitForBatches(int batches) throws InterruptedException {
      int until = applied.get() + batches;
      while (applied.get() < until && failure.get() == null) {
        Thread.sleep(5);
      }
    }

    private List<StreamedStatement> batch() {
      var batch = new ArrayList<StreamedStatement>();
      for (int i = 0; i < 20; i++) {
        var account = accounts.get(random.nextInt(accounts.size()));
        var id = UUID.randomUUID();
        String json;
        if (!counting.isEmpty() && random.nextInt(8) == 0) {
          var target = counting.remove(random.nextInt(counting.size()));
          json = SyntheticCountry.voiding(id, target.statementId(), "x");
        } else {
          var course =
              SyntheticCountry.COURSES.get(random.nextInt(SyntheticCountry.COURSES.size()));
          var verb = random.nextBoolean() ? "completed" : "experienced";
          var object = verb.equals("completed") ? course.iri() : course.iri() + "/bai-1";
          var day =
              SyntheticCountry.FIRST_DAY.plusDays(
                  random.nextInt(
                      (int)
                          (SyntheticCountry.LAST_DAY.toEpochDay()
                              - SyntheticCountry.FIRST_DAY.toEpochDay())));
          json =
              SyntheticCountry.json(
                  id,
                  account,
                  SyntheticCountry.VERBS + verb,
                  object,
                  course.iri(),
                  null,
                  UUID.randomUUID(),
                  day);
        }
        var statement = new StreamedStatement(id, "test", Instant.now(), json);
        batch.add(statement);
        counting.add(statement);
      }
      return batch;
    }
  }
}
