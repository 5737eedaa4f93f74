package vn.hocso.lms.coverage.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.hocso.lms.coverage.storage.CoverageTables;
import vn.hocso.xapi.stream.StatementStreamSubscriber;
import vn.hocso.xapi.stream.StreamedStatement;

/**
 * Reads the statement stream and applies each batch in one LMS database transaction: the counters'
 * lock first (a full recompute holds it: the batch waits, or times out and is read again), pending
 * reorganisations next, then every statement (exactly once: the ledger dedupes by id).
 *
 * <p>Where the stream remembers the position decides the order of commits. The xAPI-query transport
 * saves its position through {@code positionInTransaction} (a store writing on the batch's
 * connection), so the position and the effect commit together. Kafka's offsets can only be
 * committed to the broker: after the database commit, and a batch delivered again after a crash in
 * between is deduplicated. After any failure the subscriber is closed and a new one starts from the
 * stored position; the projector waits (0.5 s doubling to 30 s) and tries again for as long as it
 * runs.
 */
public final class CoverageProjector implements Runnable {

  private static final Logger LOG = Logger.getLogger(CoverageProjector.class.getName());

  /**
   * @param poll how long one poll waits for statements (and so how often reorganisations are
   *     applied when the stream is quiet)
   */
  public record Settings(Duration poll, Duration firstBackoff, Duration maxBackoff) {
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(30));
    }
  }

  /** How far the projector has got, for the readiness report. */
  public record Status(
      long applied,
      long duplicates,
      long skipped,
      Optional<Instant> lastStored,
      Optional<Duration> lag,
      Optional<String> problem) {}

  private final DataSource dataSource;
  private final Function<Supplier<Connection>, StatementStreamSubscriber> subscribers;
  private final boolean positionInTransaction;
  private final Settings settings;

  private volatile boolean running = true;
  private volatile Connection batchConnection;
  private volatile String problem;
  private volatile Instant lastStored;
  private volatile Duration lag;
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();

  /**
   * @param subscribers makes a subscriber; it is given the connection of the current batch (for a
   *     position store that writes in the batch's transaction)
   * @param positionInTransaction true when the subscriber's commit writes on that connection (xAPI
   *     query transport), false when it commits elsewhere (Kafka)
   */
  public CoverageProjector(
      DataSource dataSource,
      Function<Supplier<Connection>, StatementStreamSubscriber> subscribers,
      boolean positionInTransaction,
      Settings settings) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.subscribers = Objects.requireNonNull(subscribers, "subscribers");
    this.positionInTransaction = positionInTransaction;
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public void run() {
    StatementStreamSubscriber subscriber = null;
    var backoff = settings.firstBackoff();
    while (running) {
      try {
        if (subscriber == null) {
          subscriber = subscribers.apply(() -> batchConnection);
        }
        var batch = subscriber.poll(settings.poll());
        if (!running) {
          break; // not applied, not committed: read again at the next start
        }
        applyBatch(batch, subscriber);
        if (problem != null) {
          LOG.info("Coverage projector: working again");
          problem = null;
        }
        backoff = settings.firstBackoff();
      } catch (RuntimeException | SQLException e) {
        var message = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!message.equals(problem)) {
          LOG.log(Level.WARNING, "Coverage projector: " + message + "; retrying", e);
        }
        problem = message;
        closeQuietly(subscriber);
        subscriber = null; // the next one starts from the stored position
        sleep(backoff);
        backoff = backoff.multipliedBy(2);
        if (backoff.compareTo(settings.maxBackoff()) > 0) {
          backoff = settings.maxBackoff();
        }
      }
    }
    closeQuietly(subscriber);
  }

  private void applyBatch(List<StreamedStatement> batch, StatementStreamSubscriber subscriber)
      throws SQLException {
    long newApplied = 0;
    long newDuplicates = 0;
    long newSkipped = 0;
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      batchConnection = connection;
      try (var tables = new CoverageTables(connection)) {
        var projection = new CoverageProjection(tables);
        projection.applyChanges();
        for (var outcome : projection.applyAll(batch)) {
          switch (outcome) {
            case DUPLICATE -> newDuplicates++;
            case SKIPPED -> newSkipped++;
            default -> newApplied++;
          }
        }
        if (positionInTransaction) {
          subscriber.commit();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        batchConnection = null;
      }
    }
    if (!positionInTransaction && !batch.isEmpty()) {
      subscriber.commit(); // after the effect is durable; a redelivery is deduplicated
    }
    applied.addAndGet(newApplied);
    duplicates.addAndGet(newDuplicates);
    skipped.addAndGet(newSkipped);
    if (!batch.isEmpty()) {
      lastStored = batch.get(batch.size() - 1).storedAt();
      lag = Duration.between(lastStored, Instant.now());
    } else {
      lag = Duration.ZERO; // caught up
    }
  }

  /** Asks the loop to end after the batch in hand. */
  public void stop() {
    running = false;
  }

  public Status status() {
    return new Status(
        applied.get(),
        duplicates.get(),
        skipped.get(),
        Optional.ofNullable(lastStored),
        Optional.ofNullable(lag),
        Optional.ofNullable(problem));
  }

  private static void closeQuietly(StatementStreamSubscriber subscriber) {
    if (subscriber != null) {
      try {
        subscriber.close();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Closing the stream subscriber failed", e);
      }
    }
  }

  private void sleep(Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    while (running && System.nanoTime() < until) {
      try {
        Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }
}
