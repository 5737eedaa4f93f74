package vn.hocso.lms.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void letsAFewMistakesThroughThenLocksTheUsername() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
      throttle.recordFailure("hocvien", "10.0.0.1");
    }
    assertThat(throttle.waitBeforeTrying("hocvien", "10.0.0.1")).isEmpty();

    throttle.recordFailure("hocvien", "10.0.0.1");

    assertThat(throttle.waitBeforeTrying("HocVien", "10.0.0.9")).contains(Duration.ofMinutes(1));
    assertThat(throttle.waitBeforeTrying("giangvien", "10.0.0.9")).isEmpty();
  }

  @Test
  void guessesSentAllAtOnceGetOnlyTheFreeTries() throws Exception {
    int guesses = 40;
    var start = new java.util.concurrent.CountDownLatch(1);
    var started = new java.util.concurrent.atomic.AtomicInteger();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
    var inside = new java.util.concurrent.CountDownLatch(LoginThrottle.FREE_FAILURES);
    for (int i = 0; i < guesses; i++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                if (throttle.tryStart("hocvien", "10.0.0.1").isEmpty()) {
                  started.incrementAndGet();
                  inside.countDown();
                  // the password check runs long; the others arrive meanwhile
                  inside.await(5, java.util.concurrent.TimeUnit.SECONDS);
                  Thread.sleep(50);
                  throttle.recordFailure("hocvien", "10.0.0.1");
                  throttle.finish("hocvien");
                }
                return null;
              }));
    }
    start.countDown();
    for (var future : done) {
      future.get();
    }
    pool.shutdown();

    assertThat(started.get()).isEqualTo(LoginThrottle.FREE_FAILURES);
    assertThat(throttle.tryStart("hocvien", "10.0.0.1")).contains(Duration.ofMinutes(1));
  }

  @Test
  void afterALockoutOneTryAtATime() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      throttle.recordFailure("hocvien", "10.0.0.1");
    }
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.tryStart("hocvien", "10.0.0.1")).isEmpty();
    assertThat(throttle.tryStart("hocvien", "10.0.0.1")).isPresent();
    throttle.recordSuccess("hocvien");
    throttle.finish("hocvien");
    assertThat(throttle.tryStart("hocvien", "10.0.0.1")).isEmpty();
    assertThat(throttle.tryStart("hocvien", "10.0.0.1")).isEmpty();
  }

  @Test
  void doublesTheLockoutWithEachFurtherFailureUpToHalfAnHour() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES + 2; i++) {
      throttle.recordFailure("hocvien", null);
    }
    assertThat(throttle.waitBeforeTrying("hocvien", null)).contains(Duration.ofMinutes(4));

    for (int i = 0; i < 20; i++) {
      throttle.recordFailure("hocvien", null);
    }
    assertThat(throttle.waitBeforeTrying("hocvien", null)).contains(Duration.ofMinutes(30));
  }

  @Test
  void opensAgainWhenTheLockoutHasPassed() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      throttle.recordFailure("hocvien", null);
    }
    clock.advance(Duration.ofSeconds(61));

    assertThat(throttle.waitBeforeTrying("hocvien", null)).isEmpty();
  }

  @Test
  void aSuccessfulLoginClearsTheCount() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
      throttle.recordFailure("hocvien", null);
    }
    throttle.recordSuccess("hocvien");
    throttle.recordFailure("hocvien", null);

    assertThat(throttle.waitBeforeTrying("hocvien", null)).isEmpty();
  }

  @Test
  void locksAnAddressThatGuessesAcrossManyUsernames() {
    int limit = LoginThrottle.FREE_FAILURES * LoginThrottle.ADDRESS_FACTOR;
    for (int i = 0; i < limit; i++) {
      throttle.recordFailure("user" + i, "10.0.0.1");
    }

    assertThat(throttle.waitBeforeTrying("someone-else", "10.0.0.1")).isPresent();
    assertThat(throttle.waitBeforeTrying("someone-else", "10.0.0.2")).isEmpty();
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-03-08T08:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
