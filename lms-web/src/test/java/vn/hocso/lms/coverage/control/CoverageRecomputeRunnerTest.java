package vn.hocso.lms.coverage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Persistence;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.coverage.CoverageDatabase;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.scale.CountryLoad;
import vn.hocso.lms.scale.SyntheticCountry;

/**
 * The central admin's recompute: it repairs the tables, reports each step of the recompute, runs
 * one at a time and, when it fails, says why and lets her try again.
 */
class CoverageRecomputeRunnerTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T20:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aRunRepairsSpoiltCountersAndReportsEveryStep(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      var dataSource = database.dataSource();
      LmsSchema.migrate(dataSource);
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        CountryLoad.bulk(factory, dataSource, new SyntheticCountry(20261128L, 0.0003), n -> {});
      } finally {
        factory.close();
      }
      var right = CoverageDatabase.recomputed(dataSource);
      try (var connection = dataSource.getConnection();
          var spoil = connection.createStatement()) {
        assertThat(spoil.executeUpdate("update cov_month set people = people + 7")).isPositive();
      }
      assertThat(CoverageDatabase.incremental(dataSource)).isNotEqualTo(right);

      var tasks = new ArrayList<Runnable>();
      var runner = new CoverageRecomputeRunner(dataSource, tasks::add, CLOCK);
      runner.start("quantri");
      assertThat(runner.current().running()).isTrue();
      assertThat(runner.current().percent()).isZero();
      // One at a time: a second start while the first waits for its thread is refused.
      assertThatThrownBy(() -> runner.start("quantri2"))
          .isInstanceOf(CoverageRecomputeRunner.AlreadyRunningException.class);

      tasks.forEach(Runnable::run);

      var done = runner.current();
      assertThat(done.state()).isEqualTo(CoverageRecomputeRunner.State.DONE);
      assertThat(done.percent()).isEqualTo(100);
      assertThat(done.startedBy()).isEqualTo("quantri");
      assertThat(done.stepsDone()).isEqualTo(done.steps()).isGreaterThan(10);
      assertThat(done.lastStep()).isEqualTo("people counts");
      assertThat(CoverageDatabase.incremental(dataSource)).isEqualTo(right);

      // Done: another run may start.
      runner.start("quantri2");
      tasks.get(tasks.size() - 1).run();
      assertThat(runner.current().startedBy()).isEqualTo("quantri2");
    }
  }

  @Test
  void aFailedRunSaysWhyAndLetsHerTryAgain() {
    var runner = new CoverageRecomputeRunner(new Unreachable(), Runnable::run, CLOCK);

    runner.start("quantri");

    var failed = runner.current();
    assertThat(failed.state()).isEqualTo(CoverageRecomputeRunner.State.FAILED);
    assertThat(failed.failure()).contains("the database is away");
    assertThat(failed.finished()).isEqualTo(CLOCK.instant());
    runner.start("quantri");
    assertThat(runner.current().state()).isEqualTo(CoverageRecomputeRunner.State.FAILED);
  }

  /** A data source whose database does not answer. */
  static final class Unreachable implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("the database is away");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
