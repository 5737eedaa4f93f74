package vn.hocso.lms.coverage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Persistence;
import jakarta.security.enterprise.SecurityContext;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Set;
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
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;

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
      // Swapping, the rename and the old tables' drop come last; in place, the people counts.
      assertThat(done.lastStep())
          .isEqualTo(kind == TestDatabases.MARIADB ? "drop old" : "people counts");
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

  /**
   * A run still recorded as running that began before this process started was cut short (a crash
   * or a restart): the page says so and a new run may start; one that began since is running (here
   * or on another instance of the LMS) and a second start is refused.
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aRunLeftRunningByAnEarlierProcessIsShownInterruptedAndMayRunAgain(TestDatabases kind)
      throws Exception {
    try (var database = kind.create()) {
      var dataSource = database.dataSource();
      LmsSchema.migrate(dataSource);
      var processStarted = CLOCK.instant().minusSeconds(600);
      recordRunning(dataSource, 1, processStarted.minusSeconds(60));
      var tasks = new ArrayList<Runnable>();
      var runner = new CoverageRecomputeRunner(dataSource, tasks::add, CLOCK, processStarted);

      var before = runner.current();
      assertThat(before.state()).isEqualTo(CoverageRecomputeRunner.State.INTERRUPTED);
      assertThat(before.startedBy()).isEqualTo("quantri0");

      runner.start("quantri");
      tasks.forEach(Runnable::run);
      assertThat(runner.current().state()).isEqualTo(CoverageRecomputeRunner.State.DONE);
      assertThat(outcomes(dataSource)).isEqualTo("1 INTERRUPTED, 2 DONE");

      // Another instance's run, begun after this process started: refused here.
      recordRunning(dataSource, 3, processStarted.plusSeconds(60));
      var fresh = new CoverageRecomputeRunner(dataSource, tasks::add, CLOCK, processStarted);
      assertThat(fresh.current().state()).isEqualTo(CoverageRecomputeRunner.State.RUNNING);
      assertThatThrownBy(() -> fresh.start("quantri"))
          .isInstanceOf(CoverageRecomputeRunner.AlreadyRunningException.class);
      assertThat(outcomes(dataSource)).isEqualTo("1 INTERRUPTED, 2 DONE, 3 RUNNING");
    }
  }

  private static void recordRunning(DataSource dataSource, long id, Instant started)
      throws SQLException {
    try (var connection = dataSource.getConnection();
        var insert =
            connection.prepareStatement(
                "insert into cov_recompute_run (id, started_at, started_by, phase, outcome)"
                    + " values (?, ?, ?, 'write cov_month', 'RUNNING')")) {
      insert.setLong(1, id);
      insert.setTimestamp(2, Timestamp.from(started));
      insert.setString(3, "quantri" + (id - 1));
      insert.executeUpdate();
    }
  }

  private static String outcomes(DataSource dataSource) throws SQLException {
    var outcomes = new ArrayList<String>();
    try (var connection = dataSource.getConnection();
        var query = connection.createStatement();
        var rows = query.executeQuery("select id, outcome from cov_recompute_run order by id")) {
      while (rows.next()) {
        outcomes.add(rows.getLong(1) + " " + rows.getString(2));
      }
    }
    return String.join(", ", outcomes);
  }

  /**
   * Whether she may recompute is read from her role grants as the database holds them (her scope
   * covers Central), as on every coverage page: a central admin whose grant was revoked since she
   * signed in still carries the role in her login, and is refused.
   */
  @Test
  void onlyAScopeOverCentralMayRecomputeWhateverTheLoginsRoles() throws Exception {
    try (var database = TestDatabases.H2.create()) {
      var dataSource = database.dataSource();
      LmsSchema.migrate(dataSource);
      try (var connection = dataSource.getConnection();
          var insert = connection.createStatement()) {
        insert.executeUpdate(
            "insert into org_unit (id, name, kind, parent_id, valid_from) values"
                + " (1, 'Trung ương', 'CENTRAL', null, date '2025-07-01'),"
                + " (2, 'Hà Nội', 'PROVINCE', 1, date '2025-07-01')");
      }
      var runner = new CoverageRecomputeRunner(dataSource, task -> {}, CLOCK);
      runner.security = signedInAsCentralAdmin();

      runner.callerScope(() -> new ManagedScope(Set.of(2L)));
      assertThat(runner.allowed()).isFalse();
      assertThatThrownBy(runner::progress).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(runner::start).isInstanceOf(AccessDeniedException.class);

      runner.callerScope(() -> new ManagedScope(Set.of()));
      assertThat(runner.allowed()).isFalse();

      runner.callerScope(() -> new ManagedScope(Set.of(1L)));
      assertThat(runner.allowed()).isTrue();
      assertThat(runner.progress().state()).isEqualTo(CoverageRecomputeRunner.State.NEVER);
    }
  }

  /** A login that carries the CENTRAL_ADMIN role (read when she signed in). */
  private static SecurityContext signedInAsCentralAdmin() {
    return (SecurityContext)
        Proxy.newProxyInstance(
            SecurityContext.class.getClassLoader(),
            new Class<?>[] {SecurityContext.class},
            (proxy, method, arguments) ->
                switch (method.getName()) {
                  case "isCallerInRole" -> true;
                  case "getCallerPrincipal" -> (java.security.Principal) () -> "quantri";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /**
   * A run whose end cannot be written (the database refuses the connection just then) still ends
   * here: the page shows it failed, not running for ever, and a new run may start.
   */
  @Test
  void aRunWhoseEndCannotBeRecordedIsNotLeftRunning() throws Exception {
    try (var database = TestDatabases.H2.create()) {
      var real = database.dataSource();
      LmsSchema.migrate(real);
      var refusing = new java.util.concurrent.atomic.AtomicBoolean();
      var dataSource =
          (DataSource)
              Proxy.newProxyInstance(
                  DataSource.class.getClassLoader(),
                  new Class<?>[] {DataSource.class},
                  (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection") && refusing.get()) {
                      throw new SQLException("the database is away");
                    }
                    try {
                      return method.invoke(real, arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      var tasks = new ArrayList<Runnable>();
      var runner = new CoverageRecomputeRunner(dataSource, tasks::add, CLOCK);
      runner.start("quantri");
      refusing.set(true); // the run, its steps and its end: none reaches the database
      tasks.forEach(Runnable::run);
      refusing.set(false);

      assertThat(runner.current().state()).isEqualTo(CoverageRecomputeRunner.State.FAILED);
      assertThat(runner.current().failure()).contains("the database is away");
      runner.start("quantri");
      assertThat(runner.current().running()).isTrue();
    }
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
