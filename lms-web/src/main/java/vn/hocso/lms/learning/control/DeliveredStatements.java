package vn.hocso.lms.learning.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import vn.hocso.xapi.client.model.Statement;

/**
 * The statements this instance knows to be in the LRS, per registration: what it last read from the
 * LRS plus what it delivered since. Two uses:
 *
 * <ul>
 *   <li>a fallback for when the LRS does not answer, so that the progress a learner sees never goes
 *       backwards during an outage ({@link #of});
 *   <li>a short-lived cache that spares the LRS query on most pages ({@link #fresh}): for {@link
 *       #FRESH} after a read, and only while every delivery since was made by this instance (its
 *       delivery lease held without a break, {@link StatementDelivery#leaseTerm}), so that nothing
 *       reached the LRS for the registration without passing through {@link #remember}.
 * </ul>
 *
 * The LRS stays the source of truth: the cache holds only what the LRS answered or accepted, the
 * reader adds the queue to it as to an LRS answer, and every read of the LRS replaces the entry.
 * Her own writes reach it by the queue: a statement is in the queue until the LRS has accepted it,
 * and it is remembered here before its queue row is deleted, so a reader that reads the queue first
 * and then this never misses it (it may see it twice; progress counts a statement id once).
 * Bounded; the least recently used registrations are forgotten first.
 */
@ApplicationScoped
public class DeliveredStatements {

  /**
   * A finished course with retries is some 45 statements, answers with their definitions: about 100
   * KB a registration. A thousand keeps this to ~100 MB of a 1 GB platform.
   */
  static final int MAX_REGISTRATIONS = 1_000;

  /** How long a read of the LRS answers for it; statements from elsewhere show after this. */
  static final Duration FRESH = Duration.ofSeconds(60);

  private static final long NEVER = Long.MIN_VALUE;

  /**
   * @param complete false when made by deliveries alone, without a read of the LRS: then it may
   *     lack older statements and answers for nothing
   * @param readAtNanos when the LRS was read, {@link #NEVER} when the read may have missed a
   *     delivery (the entry is then only a fallback)
   * @param leaseTerm the delivery lease term when the read began
   */
  private record Entry(
      List<Statement> statements, boolean complete, long readAtNanos, long leaseTerm) {

    Entry plus(Statement statement) {
      if (statements.stream().anyMatch(s -> s.id().equals(statement.id()))) {
        return this;
      }
      var more = new ArrayList<>(statements);
      more.add(statement);
      return new Entry(List.copyOf(more), complete, readAtNanos, leaseTerm);
    }
  }

  /** What a reader notes before it reads the queue and the LRS, and hands back with the answer. */
  public record Mark(long evictions, long leaseTerm) {}

  private final LongSupplier nanoClock;
  private long evictions;

  private final Map<UUID, Entry> byRegistration =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
          if (size() > MAX_REGISTRATIONS) {
            evictions++;
            return true;
          }
          return false;
        }
      };

  public DeliveredStatements() {
    this(System::nanoTime);
  }

  DeliveredStatements(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /**
   * Taken before a read: the delivery lease term then (negative when this instance does not hold
   * the lease), and how many entries were forgotten so far.
   */
  public synchronized Mark mark(long leaseTerm) {
    return new Mark(evictions, leaseTerm);
  }

  /**
   * What the LRS answered for a registration, in full, read after {@code mark} was taken.
   * Statements delivered meanwhile and already remembered are kept (the LRS has them; the read may
   * have begun before). If any entry was forgotten meanwhile, a delivery remembered during the read
   * may have been lost with it: the entry then serves only as the outage fallback, not as a cache.
   */
  public synchronized void replace(UUID registration, List<Statement> fromLrs, Mark mark) {
    var all = new ArrayList<>(fromLrs);
    var known = byRegistration.get(registration);
    if (known != null) {
      var ids = new HashSet<UUID>();
      fromLrs.forEach(s -> ids.add(s.id()));
      known.statements().stream().filter(s -> !ids.contains(s.id())).forEach(all::add);
    }
    var readAt = mark.evictions() == evictions ? nanoClock.getAsLong() : NEVER;
    byRegistration.put(registration, new Entry(List.copyOf(all), true, readAt, mark.leaseTerm()));
  }

  /**
   * Statements the LRS has just accepted, remembered before their queue rows are deleted. A
   * registration not known yet gets an incomplete entry, which a read in flight then completes.
   */
  public synchronized void remember(Collection<Statement> statements) {
    for (var statement : statements) {
      var registration = statement.context() == null ? null : statement.context().registration();
      if (registration == null) {
        continue;
      }
      var known = byRegistration.get(registration);
      byRegistration.put(
          registration,
          known == null ? new Entry(List.of(statement), false, NEVER, -1) : known.plus(statement));
    }
  }

  /** The last full read of the LRS plus the deliveries since, however old: the outage fallback. */
  public synchronized Optional<List<Statement>> of(UUID registration) {
    var known = byRegistration.get(registration);
    return known != null && known.complete() ? Optional.of(known.statements()) : Optional.empty();
  }

  /**
   * The registration's statements in the LRS, if this instance may answer for the LRS: read less
   * than {@link #FRESH} ago, and the delivery lease held without a break since (the same term as in
   * {@code mark}, taken before the reader read the queue).
   */
  public synchronized Optional<List<Statement>> fresh(UUID registration, Mark mark) {
    var known = byRegistration.get(registration);
    if (known == null
        || !known.complete()
        || known.readAtNanos() == NEVER
        || mark.leaseTerm() < 0
        || known.leaseTerm() != mark.leaseTerm()
        || nanoClock.getAsLong() - known.readAtNanos() > FRESH.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(known.statements());
  }
}
