package vn.hocso.lms.coverage.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.platform.LmsDataSource;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;

/**
 * Runs the full recompute ({@link CoverageRecompute}) when the central admin asks, to repair the
 * coverage tables: one run at a time for the whole platform, on the container's managed executor
 * and outside any JTA transaction (on MariaDB it swaps tables in with DDL, which commits; at
 * national scale it takes minutes). Its progress is kept here, not in her page, so she may leave
 * and come back, and another central admin sees the same run.
 *
 * <p>Each run is also recorded in {@code cov_recompute_run} (started, by whom, its phase after each
 * step, its end and outcome), so a run cut short by a crash or a restart stays visible: a row still
 * {@code RUNNING} that began before this process started is a run that did not finish ({@link
 * State#INTERRUPTED}, the page asks her to run it again), and one that began since is running
 * (here, or on another instance of the LMS) and refuses a second start.
 *
 * <p>Who may: the central admin as her role grants stand in the database now (her scope, {@link
 * AccessScope}, covers Central), as every coverage page decides, not the roles her login carried
 * when she signed in.
 */
@ApplicationScoped
public class CoverageRecomputeRunner {

  private static final Logger LOG = Logger.getLogger(CoverageRecomputeRunner.class.getName());

  /** Where a run stands. */
  public enum State {
    NEVER,
    RUNNING,
    DONE,
    FAILED,
    /** Began before this process started and never ended: cut short by a crash or a restart. */
    INTERRUPTED
  }

  /** What the page shows: the run's state, its steps and who started it when. */
  public record Progress(
      State state,
      int stepsDone,
      int steps,
      String lastStep,
      String startedBy,
      Instant started,
      Instant finished,
      String failure) {

    static final Progress NEVER = new Progress(State.NEVER, 0, 0, "", "", null, null, "");

    /** 0 to 100; a finished run is 100 whatever its steps. */
    public int percent() {
      if (state == State.DONE) {
        return 100;
      }
      return steps == 0 ? 0 : Math.min(99, 100 * stepsDone / steps);
    }

    public boolean running() {
      return state == State.RUNNING;
    }

    Progress step(String name, int expected) {
      return new Progress(
          state, stepsDone + 1, expected, name, startedBy, started, finished, failure);
    }

    Progress end(State ended, Instant at, String why) {
      return new Progress(ended, stepsDone, steps, lastStep, startedBy, started, at, why);
    }
  }

  /** Thrown when a run is asked for while one is going. */
  public static final class AlreadyRunningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AlreadyRunningException() {
      super("A coverage recompute is already running");
    }
  }

  @Resource(lookup = LmsDataSource.JNDI_NAME)
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  @Inject SecurityContext security;

  @Inject AccessScope access;

  /** Where runs go outside the container (tests); the managed executor when null. */
  private Executor runOn;

  /** The caller's scope outside the container (tests); {@link #access} when null. */
  private Supplier<ManagedScope> scope;

  /** This process's run, while it goes (NEVER otherwise: the last run is read from the table). */
  private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.NEVER);

  private Clock clock = Clock.systemUTC();

  /** When this process started: a run still RUNNING from before then did not finish. */
  private Instant processStarted =
      Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

  private volatile Long centralUnitId;

  /** The id of this process's last run, 0 before its first. */
  private volatile long lastRun;

  public CoverageRecomputeRunner() {}

  /** Outside the container (tests): runs on {@code executor} against {@code dataSource}. */
  CoverageRecomputeRunner(DataSource dataSource, Executor executor, Clock clock) {
    this(dataSource, executor, clock, clock.instant().minusSeconds(3600));
  }

  /** The same, the process taken as started at {@code processStarted}. */
  CoverageRecomputeRunner(
      DataSource dataSource, Executor executor, Clock clock, Instant processStarted) {
    this.dataSource = dataSource;
    this.runOn = executor;
    this.clock = clock;
    this.processStarted = processStarted;
  }

  /** The caller's scope as the database holds her grants (tests; AccessScope in the LMS). */
  CoverageRecomputeRunner callerScope(Supplier<ManagedScope> scope) {
    this.scope = scope;
    return this;
  }

  /**
   * Whether the signed-in account may start a recompute and see its progress: her role grants, as
   * the database holds them now, cover Central.
   */
  public boolean allowed() {
    var managed = scope != null ? scope.get() : access == null ? null : access.managed();
    if (managed == null || managed.isEmpty()) {
      return false;
    }
    try {
      var central = centralUnitId();
      return central != null && managed.rootUnitIds().contains(central);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the central unit", e);
    }
  }

  /** Central, the root of the tree (it never changes: read once). */
  private Long centralUnitId() throws SQLException {
    if (centralUnitId == null) {
      try (var connection = dataSource.getConnection();
          var query =
              connection.prepareStatement(
                  "select id from org_unit where kind = 'CENTRAL' and parent_id is null");
          var rows = query.executeQuery()) {
        if (rows.next()) {
          centralUnitId = rows.getLong(1);
        }
      }
    }
    return centralUnitId;
  }

  /** The current or last run (the central admin's page polls it). */
  public Progress progress() {
    if (!allowed()) {
      throw new AccessDeniedException("Only the central admin may recompute the coverage");
    }
    return current();
  }

  /** Starts a run for the signed-in central admin; refused while one is going. */
  public void start() {
    if (!allowed()) {
      throw new AccessDeniedException("Only the central admin may recompute the coverage");
    }
    start(security.getCallerPrincipal().getName());
  }

  /** Starts a run for {@code by}, unless one is going (here, or recorded as begun since). */
  synchronized void start(String by) {
    if (progress.get().running()) {
      throw new AlreadyRunningException();
    }
    var started = clock.instant();
    long run;
    try {
      run = record(by, started);
    } catch (SQLException e) { // not recorded: not started
      LOG.log(Level.SEVERE, "Coverage recompute: cannot record a run", e);
      progress.set(new Progress(State.FAILED, 0, 0, "", by, started, clock.instant(), why(e)));
      return;
    }
    lastRun = run;
    progress.set(new Progress(State.RUNNING, 0, 0, "", by, started, null, ""));
    try {
      (runOn != null ? runOn : executor).execute(() -> run(run));
    } catch (RuntimeException refused) { // the executor is full or shutting down
      ended(run, State.FAILED, refused.toString());
      throw refused;
    }
  }

  /**
   * Records a run as begun, unless the last recorded one is RUNNING and began since this process
   * started (a run of this process or of another instance): then refused. One still RUNNING from
   * before this process started is recorded as INTERRUPTED.
   */
  private long record(String by, Instant started) throws SQLException {
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        long id = 1;
        try (var last =
                connection.prepareStatement(
                    "select id, outcome, started_at from cov_recompute_run order by id desc"
                        + " limit 1 for update");
            var rows = last.executeQuery()) {
          if (rows.next()) {
            id = rows.getLong(1) + 1;
            if (State.RUNNING.name().equals(rows.getString(2))) {
              // This process's own run, ended here though its end could not be recorded, is
              // not running either.
              boolean mineEnded = rows.getLong(1) == lastRun;
              if (!mineEnded && !rows.getTimestamp(3).toInstant().isBefore(processStarted)) {
                throw new AlreadyRunningException();
              }
              try (var interrupted =
                  connection.prepareStatement(
                      "update cov_recompute_run set outcome = 'INTERRUPTED' where id = ?")) {
                interrupted.setLong(1, rows.getLong(1));
                interrupted.executeUpdate();
              }
            }
          }
        }
        // Two instances starting at once: the second's insert of the same id fails (not started).
        try (var insert =
            connection.prepareStatement(
                "insert into cov_recompute_run (id, started_at, started_by, phase, outcome)"
                    + " values (?, ?, ?, '', 'RUNNING')")) {
          insert.setLong(1, id);
          insert.setTimestamp(2, Timestamp.from(started));
          insert.setString(3, by);
          insert.executeUpdate();
        }
        connection.commit();
        return id;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** The current or last run, without the caller's check (tests). */
  Progress current() {
    var mine = progress.get();
    if (mine.running()) {
      return mine;
    }
    try {
      var recorded = recorded();
      // This process's last run, if its row lacks the end it could not record: as it ended here.
      return recorded.running() && recordedRun == lastRun && lastRun != 0 ? mine : recorded;
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Coverage recompute: cannot read the last run", e);
      return mine;
    }
  }

  /** The id of the run {@link #recorded} read last. */
  private volatile long recordedRun;

  /** The last run recorded (a RUNNING one from before this process started: INTERRUPTED). */
  private Progress recorded() throws SQLException {
    try (var connection = dataSource.getConnection();
        var last =
            connection.prepareStatement(
                "select outcome, steps_done, steps, phase, started_by, started_at, finished_at,"
                    + " failure, id from cov_recompute_run order by id desc limit 1");
        var rows = last.executeQuery()) {
      if (!rows.next()) {
        return Progress.NEVER;
      }
      recordedRun = rows.getLong(9);
      var started = rows.getTimestamp(6).toInstant();
      var finished = rows.getTimestamp(7);
      var state = State.valueOf(rows.getString(1));
      if (state == State.RUNNING && started.isBefore(processStarted)) {
        state = State.INTERRUPTED;
      }
      return new Progress(
          state,
          rows.getInt(2),
          rows.getInt(3),
          rows.getString(4),
          rows.getString(5),
          started,
          finished == null ? null : finished.toInstant(),
          rows.getString(8));
    }
  }

  private void run(long run) {
    var by = progress.get().startedBy();
    LOG.info(() -> "Coverage recompute started by " + by);
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        var recompute = new CoverageRecompute(connection, dataSource);
        int expected = recompute.expectedSteps();
        recompute.onStep(
            name -> {
              var now = progress.updateAndGet(was -> was.step(name, expected));
              phase(run, now);
            });
        recompute.run();
        connection.commit();
        ended(run, State.DONE, "");
        LOG.info(() -> "Coverage recompute started by " + by + " is done");
      } catch (SQLException | RuntimeException | Error e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException | RuntimeException | Error e) { // an Error too: never stuck "running"
      LOG.log(Level.SEVERE, "Coverage recompute started by " + by + " failed", e);
      ended(run, State.FAILED, why(e));
    }
  }

  private static String why(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The step just done, in the run's row (a line in its own transaction). */
  private void phase(long run, Progress now) {
    try (var connection = dataSource.getConnection();
        var update =
            connection.prepareStatement(
                "update cov_recompute_run set phase = ?, steps_done = ?, steps = ? where id = ?")) {
      update.setString(1, now.lastStep());
      update.setInt(2, now.stepsDone());
      update.setInt(3, now.steps());
      update.setLong(4, run);
      update.executeUpdate();
      commitIfNeeded(connection);
    } catch (SQLException e) { // the progress shown is this process's; the run goes on
      LOG.log(Level.WARNING, "Coverage recompute: cannot record its phase", e);
    }
  }

  /** The run's end, here and in its row. */
  private void ended(long run, State state, String why) {
    var at = clock.instant();
    var now = progress.updateAndGet(was -> was.end(state, at, why));
    try (var connection = dataSource.getConnection();
        var update =
            connection.prepareStatement(
                "update cov_recompute_run set outcome = ?, finished_at = ?, failure = ?,"
                    + " phase = ?, steps_done = ?, steps = ? where id = ?")) {
      update.setString(1, state.name());
      update.setTimestamp(2, Timestamp.from(at));
      update.setString(3, why.length() > 1000 ? why.substring(0, 1000) : why);
      update.setString(4, now.lastStep());
      update.setInt(5, now.stepsDone());
      update.setInt(6, now.steps());
      update.setLong(7, run);
      update.executeUpdate();
      commitIfNeeded(connection);
    } catch (SQLException e) {
      // The row stays RUNNING: after a restart it reads as interrupted, which asks for a new run.
      LOG.log(Level.SEVERE, "Coverage recompute: cannot record its end", e);
    }
  }

  private static void commitIfNeeded(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }
}
