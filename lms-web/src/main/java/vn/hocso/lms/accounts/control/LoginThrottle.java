package vn.hocso.lms.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. After {@value #FREE_FAILURES} failed logins for one username, or
 * from one address, further attempts are refused for a lockout that doubles with each failure (1
 * minute, 2, 4, … at most 30); a successful login clears the username's count. Kept in memory: one
 * platform node holds the counts, and a restart forgets them, which is acceptable for throttling
 * (the passwords themselves stay Argon2id-hashed).
 */
@ApplicationScoped
public class LoginThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_LOCKOUT = Duration.ofMinutes(1);
  static final Duration LONGEST_LOCKOUT = Duration.ofMinutes(30);

  /** Addresses get more room than names: many members may share one mobile carrier's address. */
  static final int ADDRESS_FACTOR = 4;

  private final Clock clock;
  private final Map<String, Failures> byUsername = new ConcurrentHashMap<>();
  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final Map<String, Integer> pending = new ConcurrentHashMap<>();

  public LoginThrottle() {
    this(Clock.systemUTC());
  }

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long she must wait before trying again, if she must. */
  public Optional<Duration> waitBeforeTrying(String username, String address) {
    var now = clock.instant();
    var longest =
        max(
            lockedFor(byUsername.get(key(username)), FREE_FAILURES, now),
            address == null
                ? Duration.ZERO
                : lockedFor(byAddress.get(address), FREE_FAILURES * ADDRESS_FACTOR, now));
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  /**
   * Starts a try when she may try now, else says how long to wait. A started try counts against the
   * name's free tries until {@link #finish}: checking and reserving are one atomic step per name,
   * so guesses sent all at once cannot each pass the check before any failure is recorded. Once the
   * free tries are used up, one try at a time after each lockout.
   */
  public Optional<Duration> tryStart(String username, String address) {
    var wait = waitBeforeTrying(username, address);
    if (wait.isPresent()) {
      return wait;
    }
    var refused = new boolean[1];
    pending.compute(
        key(username),
        (name, count) -> {
          int started = count == null ? 0 : count;
          var failures = byUsername.get(name);
          int failed = failures == null ? 0 : failures.count();
          if (started >= Math.max(1, FREE_FAILURES - failed)) {
            refused[0] = true;
            return count;
          }
          return started + 1;
        });
    return refused[0] ? Optional.of(Duration.ofSeconds(1)) : Optional.empty();
  }

  /** Ends a try begun by {@link #tryStart}, whatever its outcome (call it in a finally). */
  public void finish(String username) {
    pending.computeIfPresent(key(username), (name, count) -> count <= 1 ? null : count - 1);
  }

  public void recordFailure(String username, String address) {
    var now = clock.instant();
    byUsername.merge(key(username), new Failures(1, now), Failures::plusOne);
    if (address != null) {
      byAddress.merge(address, new Failures(1, now), Failures::plusOne);
    }
  }

  public void recordSuccess(String username) {
    byUsername.remove(key(username));
  }

  private static Duration lockedFor(Failures failures, int free, Instant now) {
    if (failures == null || failures.count() < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures.count() - free, 10);
    var lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
    if (lockout.compareTo(LONGEST_LOCKOUT) > 0) {
      lockout = LONGEST_LOCKOUT;
    }
    var remaining = Duration.between(now, failures.last().plus(lockout));
    return remaining.isNegative() ? Duration.ZERO : remaining;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String key(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  private record Failures(int count, Instant last) {
    Failures plusOne(Failures next) {
      return new Failures(count + next.count, next.last);
    }
  }
}
