package vn.hocso.lms.learning.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.hocso.lms.learning.storage.QueuedStatement;
import vn.hocso.lms.learning.storage.StatementQueue;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.xapi.client.XapiAccessDeniedException;
import vn.hocso.xapi.client.XapiException;
import vn.hocso.xapi.client.XapiRejectedException;
import vn.hocso.xapi.client.model.Statement;

/**
 * Posts the queued statements to the LRS, oldest first, in batches (xAPI 2.0 Part 3 §2.1.2: a batch
 * is stored all or none), and deletes them only once the LRS has accepted them: at least once, and
 * once in the LRS because every statement carries its id. While the LRS is away it retries with
 * backoff (0.5 s doubling to 10 s); a statement the LRS refuses (a 4xx other than 401/403) is set
 * aside with the reason so it cannot hold up the others. Runs every half second on the container's
 * managed scheduled executor; only the holder of the database lease delivers, so instances sharing
 * a database take turns instead of racing.
 */
@ApplicationScoped
public class StatementDelivery {

  private static final Logger LOG = Logger.getLogger(StatementDelivery.class.getName());

  static final int BATCH = 100;
  private static final long LEASE_MILLIS = 30_000;
  private static final long FIRST_BACKOFF_MILLIS = 500;
  private static final long MAX_BACKOFF_MILLIS = 10_000;
  private static final long COUNT_EVERY_MILLIS = 5_000;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject StatementQueue queue;
  @Inject LrsConnection lrs;
  @Inject DeliveredStatements delivered;

  private final String holder = "lms-" + UUID.randomUUID();
  private final AtomicLong deliveredCount = new AtomicLong();
  private volatile ScheduledFuture<?> task;
  private volatile int failures;
  private volatile long nextAttemptMillis;
  private volatile String problem;
  private volatile StatementQueue.Backlog backlog;
  private volatile long countedAtMillis;
  private volatile boolean stopping;

  void onSchemaReady(@Observes LmsSchema.SchemaReady ready) {
    task = scheduler.scheduleWithFixedDelay(this::run, 1_000, 500, TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    stopping = true;
    if (task != null) {
      task.cancel(false);
    }
  }

  private void run() {
    try {
      countNowAndThen();
      if (System.currentTimeMillis() < nextAttemptMillis) {
        return;
      }
      if (deliverWaiting() > 0) {
        countedAtMillis = 0; // show the smaller backlog on the next tick
      }
    } catch (RuntimeException e) {
      // The database itself is away: try again on the next tick.
      LOG.log(Level.FINE, "Statement delivery: " + e, e);
    }
  }

  /**
   * Counts the queue for readiness here, on the worker's managed thread: health checks run outside
   * the application's naming context (see LmsSchema.ping), and a probe should not query anyway.
   */
  private void countNowAndThen() {
    var now = System.currentTimeMillis();
    if (now - countedAtMillis >= COUNT_EVERY_MILLIS) {
      countedAtMillis = now;
      backlog = queue.count();
    }
  }

  /** Delivers until the queue is empty or the LRS fails; returns how many were accepted. */
  int deliverWaiting() {
    int total = 0;
    while (true) {
      var rows = queue.oldest(BATCH);
      if (rows.isEmpty()) {
        return total;
      }
      if (!queue.holdLease(holder, System.currentTimeMillis(), LEASE_MILLIS)) {
        return total;
      }
      if (!deliver(rows)) {
        return total;
      }
      total += rows.size();
    }
  }

  /** One batch; false when the LRS is unavailable (backoff set). */
  private boolean deliver(List<QueuedStatement> rows) {
    var statements = rows.stream().map(QueuedStatement::statement).toList();
    try {
      lrs.client().postStatements(statements);
      accepted(rows, statements);
      return true;
    } catch (XapiAccessDeniedException e) {
      return unavailable(e);
    } catch (XapiRejectedException e) {
      if (rows.size() == 1) {
        var row = rows.get(0);
        LOG.severe(() -> "The LRS refused statement " + row.statementId() + ": " + e.getMessage());
        queue.refused(row.statementId(), e.getMessage());
        return true;
      }
      // Find the one it refuses: one at a time, in order.
      for (var row : rows) {
        if (!deliver(List.of(row))) {
          return false;
        }
      }
      return true;
    } catch (XapiException e) {
      return unavailable(e);
    }
  }

  private void accepted(List<QueuedStatement> rows, List<Statement> statements) {
    queue.delivered(rows.stream().map(QueuedStatement::statementId).toList());
    delivered.remember(statements);
    deliveredCount.addAndGet(rows.size());
    if (failures > 0) {
      LOG.info(() -> "LRS reachable again after " + failures + " failed deliveries");
    }
    failures = 0;
    nextAttemptMillis = 0;
    problem = null;
  }

  private boolean unavailable(XapiException e) {
    failures++;
    var wait = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(failures - 1, 10));
    nextAttemptMillis = System.currentTimeMillis() + wait;
    problem = e.getMessage();
    if (failures == 1 || failures % 20 == 0) {
      LOG.warning(
          () ->
              "Statements wait for the LRS ("
                  + failures
                  + " failed deliveries, next in "
                  + Duration.ofMillis(wait)
                  + "): "
                  + e.getMessage());
    }
    return false;
  }

  /** Statements accepted by the LRS through this instance since it started. */
  public long deliveredCount() {
    return deliveredCount.get();
  }

  /** The queue as last counted (at most 5 s ago); empty before the worker first ran. */
  public Optional<StatementQueue.Backlog> backlog() {
    return Optional.ofNullable(backlog);
  }

  /**
   * True when the worker was started and has stopped although the application is not stopping: an
   * Error escaped it, so nothing would ever drain the queue again. Only a restart helps.
   */
  public boolean workerDied() {
    var started = task;
    return started != null && started.isDone() && !stopping;
  }

  /** Why the last delivery failed, while the LRS is away. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }
}
