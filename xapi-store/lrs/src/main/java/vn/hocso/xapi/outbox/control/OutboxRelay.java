package vn.hocso.xapi.outbox.control;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.hocso.xapi.outbox.storage.JdbcOutbox;
import vn.hocso.xapi.outbox.storage.OutboxEntry;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.stream.StatementStreamPublisher;

/**
 * Moves the outbox onto the statement stream: reads the oldest rows, publishes them, and deletes
 * them only once the stream has acknowledged them, so a statement is published at least once and
 * never skipped (a crash between acknowledgement and delete publishes it again; readers dedupe by
 * statement id). Rows go out in stored order, one batch at a time, so each actor's statements keep
 * their order. While the stream is down it tries again, waiting longer each time up to a limit.
 *
 * <p>Only the holder of the database lease relays; another LRS instance on the same database waits
 * for the lease to expire. The lease compares the instances' clocks, so they should agree within a
 * fraction of the lease.
 */
public final class OutboxRelay implements Runnable {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

  /**
   * How the relay paces itself.
   *
   * @param batchSize statements per publish
   * @param idlePause the wait before looking again when the outbox was empty
   * @param firstBackoff the wait after a first failure; doubled after each further one
   * @param maxBackoff the longest wait between attempts
   * @param lease how long a lease lasts unless renewed; renewed when half of it is left
   */
  public record Settings(
      int batchSize,
      Duration idlePause,
      Duration firstBackoff,
      Duration maxBackoff,
      Duration lease) {

    public static Settings defaults() {
      return new Settings(
          500,
          Duration.ofMillis(200),
          Duration.ofMillis(500),
          Duration.ofSeconds(5),
          Duration.ofSeconds(30));
    }
  }

  /**
   * Consecutive failed publishes after which the publisher is closed and a new one made: a Kafka
   * producer can end in a state it does not leave by itself, and a new one costs little.
   */
  static final int FAILURES_BEFORE_RECONNECT = 3;

  private final JdbcOutbox outbox;
  private final Supplier<StatementStreamPublisher> connect;
  private StatementStreamPublisher publisher;
  private int failedPublishes;
  private final LongSupplier consistentThroughMicros;
  private final String holder;
  private final Settings settings;
  private final Object pause = new Object();
  private final AtomicLong published = new AtomicLong();
  private volatile boolean stopping;
  private volatile String problem;
  private long leaseUntilMicros;

  /**
   * @param consistentThroughMicros the time up to which every statement this LRS stored is
   *     committed: rows after it wait, so a transaction that commits late cannot put a statement
   *     behind a later one of the same actor
   * @param connect makes a publisher: at the first publish, and again after repeated failures
   * @param holder names this instance in the lease
   */
  public OutboxRelay(
      JdbcOutbox outbox,
      Supplier<StatementStreamPublisher> connect,
      LongSupplier consistentThroughMicros,
      String holder,
      Settings settings) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.connect = Objects.requireNonNull(connect, "connect");
    this.consistentThroughMicros = Objects.requireNonNull(consistentThroughMicros);
    this.holder = Objects.requireNonNull(holder, "holder");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Publishes the next batch if this instance holds the lease.
   *
   * @return how many statements were published and removed
   * @throws RuntimeException if the stream or the database failed; nothing was removed then
   */
  public int relayOnce() {
    if (!holdsLease()) {
      return 0;
    }
    var entries = outbox.oldest(consistentThroughMicros.getAsLong(), settings.batchSize());
    if (entries.isEmpty()) {
      return 0;
    }
    publish(entries);
    outbox.remove(entries);
    published.addAndGet(entries.size());
    return entries.size();
  }

  private void publish(List<OutboxEntry> entries) {
    if (publisher == null) {
      publisher = connect.get();
    }
    try {
      publisher.publish(entries.stream().map(OutboxEntry::statement).toList());
      failedPublishes = 0;
    } catch (RuntimeException e) {
      if (++failedPublishes >= FAILURES_BEFORE_RECONNECT) {
        LOG.info("Statement stream: replacing the publisher after repeated failures");
        closePublisher();
        failedPublishes = 0;
      }
      throw e;
    }
  }

  private void closePublisher() {
    if (publisher != null) {
      try {
        publisher.close();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not close the statement stream publisher", e);
      }
      publisher = null;
    }
  }

  private boolean holdsLease() {
    long now = Timestamps.nowMicros();
    long leaseMicros = settings.lease().toNanos() / 1000;
    if (now < leaseUntilMicros - leaseMicros / 2) {
      return true;
    }
    if (outbox.lease(holder, now, now + leaseMicros)) {
      leaseUntilMicros = now + leaseMicros;
      return true;
    }
    leaseUntilMicros = 0;
    return false;
  }

  /** Relays until {@link #stop()}, then gives the lease up. */
  @Override
  public void run() {
    Duration backoff = settings.firstBackoff();
    try {
      while (!stopping) {
        try {
          int relayed = relayOnce();
          if (problem != null) {
            LOG.info(() -> "Statement stream: relaying again after: " + problem);
            problem = null;
          }
          backoff = settings.firstBackoff();
          if (relayed < settings.batchSize()) {
            pause(settings.idlePause());
          }
        } catch (RuntimeException e) {
          var now = e.getMessage();
          if (!Objects.equals(now, problem)) {
            // Once per distinct problem: a broker outage must not flood the log.
            LOG.log(Level.WARNING, "Statement stream: cannot relay now, trying again: " + now, e);
          }
          problem = now;
          pause(backoff);
          backoff = backoff.multipliedBy(2);
          if (backoff.compareTo(settings.maxBackoff()) > 0) {
            backoff = settings.maxBackoff();
          }
        }
      }
    } finally {
      closePublisher();
      try {
        outbox.release(holder);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not release the outbox relay lease; it will expire", e);
      }
    }
  }

  private void pause(Duration duration) {
    synchronized (pause) {
      if (!stopping) {
        try {
          pause.wait(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopping = true;
        }
      }
    }
  }

  /** Asks {@link #run()} to end after the batch in hand. */
  public void stop() {
    synchronized (pause) {
      stopping = true;
      pause.notifyAll();
    }
  }

  /** Statements published and removed since this relay started. */
  public long published() {
    return published.get();
  }

  /** Why the last attempt failed, if it did. */
  public java.util.Optional<String> problem() {
    return java.util.Optional.ofNullable(problem);
  }
}
