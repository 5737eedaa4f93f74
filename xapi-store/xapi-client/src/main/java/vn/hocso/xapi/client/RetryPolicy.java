package vn.hocso.xapi.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often, and how patiently, an idempotent call is tried again when the LRS is unavailable:
 * exponential backoff with full jitter, capped, and never shorter than a {@code Retry-After} the
 * LRS asked for (up to the cap). Only {@link XapiUnavailableException}s are retried.
 *
 * @param maxAttempts attempts in all, at least 1 (1: no retry)
 * @param initialDelay the ceiling of the first wait
 * @param maxDelay the ceiling of any wait
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
    }
  }

  /** Four attempts over about two seconds: enough for a restart blip, short for a request. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(2));
  }

  /** One attempt: for callers, such as a durable queue, that retry on their own schedule. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones.
   *
   * @param retryAfter what the LRS asked for, or null
   */
  Duration delayAfter(int attempt, Duration retryAfter) {
    long ceiling = initialDelay.toMillis();
    for (int i = 1; i < attempt && ceiling < maxDelay.toMillis(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxDelay.toMillis());
    long wait = ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    if (retryAfter != null) {
      wait = Math.max(wait, Math.min(retryAfter.toMillis(), maxDelay.toMillis()));
    }
    return Duration.ofMillis(wait);
  }
}
