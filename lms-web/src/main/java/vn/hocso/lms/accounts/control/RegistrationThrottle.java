package vn.hocso.lms.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits how many accounts one network address may create by self-registration: at most {@code
 * hocso.registration.per-address-per-hour} (HOCSO_REGISTRATION_PER_ADDRESS_PER_HOUR, default
 * {@value #DEFAULT_PER_HOUR}) in any rolling hour. It stops a script from filling the platform with
 * accounts (each one also costs an Argon2id hash) without getting in the way of women: mobile
 * carriers put many phones behind one address (carrier-grade NAT), and a commune office may
 * register a whole class from one computer, so the limit is generous and counts only accounts
 * actually created, not forms with mistakes. Kept in memory like {@link LoginThrottle}: a restart
 * forgets it, which throttling can afford.
 *
 * <p>The address is the one the servlet container sees. Behind a reverse proxy that is the proxy's
 * address unless the proxy is configured to pass the client's (Payara's network listener can trust
 * X-Forwarded-For); without that, every woman shares one count, so raise the limit there.
 */
@ApplicationScoped
public class RegistrationThrottle {

  static final int DEFAULT_PER_HOUR = 20;
  static final Duration WINDOW = Duration.ofHours(1);

  private final Clock clock;
  private int perHour;
  private final Map<String, Deque<Instant>> created = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong registrations =
      new java.util.concurrent.atomic.AtomicLong();
  static final int SWEEP_EVERY = 64;

  public RegistrationThrottle() {
    this(Clock.systemUTC(), DEFAULT_PER_HOUR);
  }

  RegistrationThrottle(Clock clock, int perHour) {
    this.clock = clock;
    this.perHour = perHour;
  }

  @Inject
  void configure(
      @ConfigProperty(
              name = "hocso.registration.per-address-per-hour",
              defaultValue = "" + DEFAULT_PER_HOUR)
          int perHour) {
    this.perHour = Math.max(1, perHour);
  }

  /** How long registrations from this address must wait, if they must. */
  public Optional<Duration> waitBeforeRegistering(String address) {
    if (address == null) {
      return Optional.empty();
    }
    var now = clock.instant();
    var wait = new Duration[1];
    // Each address's times are read and changed only inside the map's atomic per-key operations,
    // so a cleanup can never drop times another request is adding.
    created.computeIfPresent(
        address,
        (a, times) -> {
          forgetOld(times, now);
          if (times.size() >= perHour) {
            wait[0] = Duration.between(now, times.peekFirst().plus(WINDOW));
          }
          return times.isEmpty() ? null : times;
        });
    return Optional.ofNullable(wait[0]);
  }

  /** Counts an account created from this address. */
  public void recordRegistration(String address) {
    if (address == null) {
      return;
    }
    var now = clock.instant();
    created.compute(
        address,
        (a, times) -> {
          var kept = times == null ? new ArrayDeque<Instant>() : times;
          forgetOld(kept, now);
          kept.addLast(now);
          return kept;
        });
    // Addresses with nothing left in their window take no memory for long (swept now and then,
    // not on every registration: the sweep visits every address of the last hour).
    if (registrations.incrementAndGet() % SWEEP_EVERY != 0) {
      return;
    }
    for (var other : created.keySet()) {
      created.computeIfPresent(
          other,
          (a, times) -> {
            forgetOld(times, now);
            return times.isEmpty() ? null : times;
          });
    }
  }

  private static void forgetOld(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
      times.removeFirst();
    }
  }
}
