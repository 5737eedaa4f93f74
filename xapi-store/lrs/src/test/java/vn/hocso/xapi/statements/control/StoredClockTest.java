package vn.hocso.xapi.statements.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stored times and X-Experience-API-Consistent-Through. */
class StoredClockTest {

  final StoredClock clock = new StoredClock();

  @Test
  void handsOutStrictlyIncreasingTimesEvenWithinOneMicrosecond() {
    long first = clock.reserve(3);
    long next = clock.reserve(1);

    assertThat(next).isGreaterThanOrEqualTo(first + 3);
  }

  @Test
  void isConsistentOnlyUpToTheFirstStatementStillBeingWritten() {
    long writing = clock.reserve(1);
    clock.reserve(1);

    assertThat(clock.consistentThrough()).isEqualTo(writing - 1);
  }

  @Test
  void isConsistentThroughNowWhenNothingIsBeingWritten() {
    long written = clock.reserve(2);
    clock.release(written);

    long consistent = clock.consistentThrough();

    assertThat(consistent).isGreaterThanOrEqualTo(written + 1);
    assertThat(clock.reserve(1)).isGreaterThan(consistent);
  }
}
