package vn.hocso.lms.coverage.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.platform.LmsDataSource;
import vn.hocso.lms.units.control.AccessDeniedException;

/**
 * Runs the full recompute ({@link CoverageRecompute}) when the central admin asks, to repair the
 * coverage tables: one run at a time for the whole platform, on the container's managed executor
 * and outside any JTA transaction (on MariaDB it swaps tables in with DDL, which commits; at
 * national scale it takes minutes). Its progress is kept here, not in her page, so she may leave
 * and come back, and another central admin sees the same run.
 */
@ApplicationScoped
public class CoverageRecomputeRunner {

  private static final Logger LOG = Logger.getLogger(CoverageRecomputeRunner.class.getName());

  /** Where a run stands. */
  public enum State {
    NEVER,
    RUNNING,
    DONE,
    FAILED
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

  /** Where runs go outside the container (tests); the managed executor when null. */
  private Executor runOn;

  private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.NEVER);
  private Clock clock = Clock.systemUTC();

  public CoverageRecomputeRunner() {}

  /** Outside the container (tests): runs on {@code executor} against {@code dataSource}. */
  CoverageRecomputeRunner(DataSource dataSource, Executor executor, Clock clock) {
    this.dataSource = dataSource;
    this.runOn = executor;
    this.clock = clock;
  }

  /** Whether the signed-in account may start a recompute and see its progress. */
  public boolean allowed() {
    return security != null && security.isCallerInRole(Role.CENTRAL_ADMIN.name());
  }

  /** The current or last run (the central admin's page polls it). */
  public Progress progress() {
    if (!allowed()) {
      throw new AccessDeniedException("Only the central admin may recompute the coverage");
    }
    return progress.get();
  }

  /** Starts a run for the signed-in central admin; refused while one is going. */
  public void start() {
    if (!allowed()) {
      throw new AccessDeniedException("Only the central admin may recompute the coverage");
    }
    start(security.getCallerPrincipal().getName());
  }

  /** Starts a run for {@code by}, unless one is going. */
  synchronized void start(String by) {
    if (progress.get().running()) {
      throw new AlreadyRunningException();
    }
    progress.set(new Progress(State.RUNNING, 0, 0, "", by, clock.instant(), null, ""));
    try {
      (runOn != null ? runOn : executor).execute(this::run);
    } catch (RuntimeException refused) { // the executor is full or shutting down
      progress.updateAndGet(now -> now.end(State.FAILED, clock.instant(), refused.toString()));
      throw refused;
    }
  }

  /** The current or last run, without the caller's check (tests). */
  Progress current() {
    return progress.get();
  }

  private void run() {
    var by = progress.get().startedBy();
    LOG.info(() -> "Coverage recompute started by " + by);
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        var recompute = new CoverageRecompute(connection, dataSource);
        int expected = recompute.expectedSteps();
        recompute.onStep(name -> progress.updateAndGet(now -> now.step(name, expected)));
        recompute.run();
        connection.commit();
        progress.updateAndGet(now -> now.end(State.DONE, clock.instant(), ""));
        LOG.info(() -> "Coverage recompute started by " + by + " is done");
      } catch (SQLException | RuntimeException | Error e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException | RuntimeException | Error e) { // an Error too: never stuck "running"
      LOG.log(Level.SEVERE, "Coverage recompute started by " + by + " failed", e);
      var why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      progress.updateAndGet(now -> now.end(State.FAILED, clock.instant(), why));
    }
  }
}
