package vn.hocso.content.course.domain;

import java.util.Objects;
import java.util.OptionalInt;

/** How many times a learner may attempt a quiz: without limit, or at most some number of times. */
public final class AttemptsPolicy {

  private final Integer maxAttempts;

  private AttemptsPolicy(Integer maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /** As many attempts as she likes: the usual choice for practice. */
  public static AttemptsPolicy unlimited() {
    return new AttemptsPolicy(null);
  }

  /** At most {@code attempts} attempts (1 to 100). */
  public static AttemptsPolicy atMost(int attempts) {
    if (attempts < 1 || attempts > 100) {
      throw new IllegalArgumentException("A quiz allows between 1 and 100 attempts");
    }
    return new AttemptsPolicy(attempts);
  }

  /** True when a learner who has used {@code attemptsUsed} attempts may try again. */
  public boolean allowsAnotherAttempt(int attemptsUsed) {
    return maxAttempts == null || attemptsUsed < maxAttempts;
  }

  static AttemptsPolicy of(Integer maxAttempts) {
    return maxAttempts == null ? unlimited() : atMost(maxAttempts);
  }

  Integer maxAttemptsOrNull() {
    return maxAttempts;
  }

  public OptionalInt maxAttempts() {
    return maxAttempts == null ? OptionalInt.empty() : OptionalInt.of(maxAttempts);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AttemptsPolicy policy
        && Objects.equals(policy.maxAttempts, maxAttempts);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(maxAttempts);
  }

  @Override
  public String toString() {
    return maxAttempts == null ? "unlimited attempts" : "at most " + maxAttempts + " attempts";
  }
}
