package vn.hocso.lms.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RegistrationThrottleTest {

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-03-08T02:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovableClock clock = new MovableClock();
  final RegistrationThrottle throttle = new RegistrationThrottle(clock, 3);

  @Test
  void anAddressRegistersUpToTheLimitInAnHourThenWaitsForTheOldestToAge() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.waitBeforeRegistering("203.0.113.7")).isEmpty();
      throttle.recordRegistration("203.0.113.7");
      clock.now = clock.now.plus(Duration.ofMinutes(10));
    }

    // 30 minutes after the first of three: she waits the other 30.
    assertThat(throttle.waitBeforeRegistering("203.0.113.7")).contains(Duration.ofMinutes(30));
    assertThat(throttle.waitBeforeRegistering("198.51.100.1")).as("another address").isEmpty();

    clock.now = clock.now.plus(Duration.ofMinutes(30));
    assertThat(throttle.waitBeforeRegistering("203.0.113.7")).isEmpty();
    throttle.recordRegistration("203.0.113.7");
    assertThat(throttle.waitBeforeRegistering("203.0.113.7")).isPresent();
  }

  @Test
  void anUnknownAddressIsNeverThrottled() {
    for (int i = 0; i < 5; i++) {
      throttle.recordRegistration(null);
    }
    assertThat(throttle.waitBeforeRegistering(null)).isEmpty();
  }
}
