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

  @Test
  void registrationsRecordedConcurrentlyWithSweepsAreNeverLost() throws Exception {
    var strict = new RegistrationThrottle(clock, 1);
    int threads = 4;
    int perThread = 5_000;
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    strict.recordRegistration("10." + thread + "." + i / 256 + "." + i % 256);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (var future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    // Every address registered once within the hour: each must now wait.
    int lost = 0;
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < perThread; i++) {
        if (strict.waitBeforeRegistering("10." + t + "." + i / 256 + "." + i % 256).isEmpty()) {
          lost++;
        }
      }
    }
    assertThat(lost).as("registrations forgotten by a concurrent sweep").isZero();
  }
}
